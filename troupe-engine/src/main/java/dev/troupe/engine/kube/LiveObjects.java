package dev.troupe.engine.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The few API-server operations kubernetes mode needs, on live JSON trees, with every fabric8
 * failure turned into a {@link DataPlaneException}. Kinds are resolved through fabric8: built-in
 * model classes first, API discovery for custom resources (cached by the client).
 */
final class LiveObjects {
  static final String FIELD_MANAGER = "release-controller";
  private static final Gvk NAMESPACE = Gvk.of("v1", "Namespace");

  private final KubernetesClient client;

  LiveObjects(KubernetesClient client) {
    this.client = client;
  }

  /** The live object, or empty when it does not exist. */
  Optional<ObjectNode> get(Gvk gvk, String namespace, String name) {
    return call(
        "read " + gvk.kind() + " " + namespace + "/" + name,
        () -> Optional.ofNullable(scoped(gvk, namespace).withName(name).get()).map(this::tree));
  }

  /**
   * Server-side apply of {@code object} (field manager {@code release-controller}, force); returns
   * the live object the server answered with.
   */
  ObjectNode apply(ObjectNode object) {
    Gvk gvk = Gvk.of(object.path("apiVersion").asText(), object.path("kind").asText());
    String namespace = object.path("metadata").path("namespace").asText();
    String name = object.path("metadata").path("name").asText();
    GenericKubernetesResource resource = resource(object);
    return call(
        "apply " + gvk.kind() + " " + namespace + "/" + name,
        () ->
            tree(
                scoped(gvk, namespace)
                    .resource(resource)
                    .fieldManager(FIELD_MANAGER)
                    .forceConflicts()
                    .serverSideApply()));
  }

  /** Live objects of {@code gvk} in {@code namespace} matching {@code labelSelector} (or all). */
  List<ObjectNode> list(Gvk gvk, String namespace, String labelSelector) {
    return call(
        "list " + gvk.kind() + " in " + namespace,
        () -> {
          var operation = scoped(gvk, namespace);
          GenericKubernetesResourceList list =
              labelSelector == null
                  ? operation.list()
                  : operation.withLabelSelector(labelSelector).list();
          return list.getItems().stream().map(this::tree).toList();
        });
  }

  /** Deletes with background propagation; false when it was already gone. */
  boolean delete(Gvk gvk, String namespace, String name) {
    return call(
        "delete " + gvk.kind() + " " + namespace + "/" + name,
        () ->
            !scoped(gvk, namespace)
                .withName(name)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                .delete()
                .isEmpty());
  }

  Optional<ObjectNode> namespace(String name) {
    return call(
        "read Namespace " + name,
        () -> Optional.ofNullable(operation(NAMESPACE).withName(name).get()).map(this::tree));
  }

  /** Creates (never updates) a namespace. */
  void createNamespace(ObjectNode namespace) {
    GenericKubernetesResource resource = resource(namespace);
    call(
        "create Namespace " + namespace.path("metadata").path("name").asText(),
        () -> operation(NAMESPACE).resource(resource).create());
  }

  private MixedOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      operation(Gvk gvk) {
    try {
      return client.genericKubernetesResources(gvk.apiVersion(), gvk.kind());
    } catch (KubernetesClientException e) {
      if (e.getCause() == null && e.getCode() <= 0) {
        // No HTTP failure: fabric8 has no built-in class and discovery did not list the kind.
        throw DataPlaneException.kindNotInstalled(gvk);
      }
      throw DataPlaneException.of("discover " + gvk, e);
    }
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      scoped(Gvk gvk, String namespace) {
    return operation(gvk).inNamespace(namespace);
  }

  private static <T> T call(String action, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw DataPlaneException.of(action, e);
    }
  }

  private GenericKubernetesResource resource(ObjectNode object) {
    try {
      return client
          .getKubernetesSerialization()
          .unmarshal(Codec.JSON.writeValueAsString(object), GenericKubernetesResource.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object tree did not serialise to JSON", e);
    }
  }

  private ObjectNode tree(GenericKubernetesResource resource) {
    try {
      return (ObjectNode) Codec.JSON.readTree(client.getKubernetesSerialization().asJson(resource));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the API server returned an object that is not JSON", e);
    }
  }
}
