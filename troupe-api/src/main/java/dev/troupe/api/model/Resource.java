package dev.troupe.api.model;

/**
 * An object of the {@code openchoreo.dev/v1alpha1} API: the typed, immutable view of an admitted
 * object. Each kind is a record implementing this interface.
 */
public interface Resource {
  String GROUP = "openchoreo.dev";
  String VERSION = "v1alpha1";
  String API_VERSION = GROUP + "/" + VERSION;

  String apiVersion();

  String kind();

  ObjectMeta metadata();

  default String name() {
    return metadata().name();
  }

  default String namespace() {
    return metadata().namespace();
  }
}
