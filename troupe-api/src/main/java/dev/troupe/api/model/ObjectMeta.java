package dev.troupe.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Common object metadata (model.md §2.2). Labels and annotations are insertion-ordered. Timestamps
 * are RFC 3339 strings (second precision, UTC) as stored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    String uid,
    String resourceVersion,
    Long generation,
    String creationTimestamp,
    String deletionTimestamp,
    List<String> finalizers,
    List<OwnerReference> ownerReferences,
    Map<String, String> labels,
    Map<String, String> annotations) {

  public ObjectMeta {
    finalizers = finalizers == null ? null : List.copyOf(finalizers);
    ownerReferences = ownerReferences == null ? null : List.copyOf(ownerReferences);
    labels = labels == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    annotations =
        annotations == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  /** Metadata with only a name and namespace. */
  public static ObjectMeta of(String namespace, String name) {
    return new ObjectMeta(
        name, null, namespace, null, null, null, null, null, null, null, null, null);
  }

  public Map<String, String> labelsOrEmpty() {
    return labels == null ? Map.of() : labels;
  }

  public Map<String, String> annotationsOrEmpty() {
    return annotations == null ? Map.of() : annotations;
  }

  public List<String> finalizersOrEmpty() {
    return finalizers == null ? List.of() : finalizers;
  }

  public List<OwnerReference> ownerReferencesOrEmpty() {
    return ownerReferences == null ? List.of() : ownerReferences;
  }

  public boolean terminating() {
    return deletionTimestamp != null;
  }
}
