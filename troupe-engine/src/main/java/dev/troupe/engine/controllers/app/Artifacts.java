package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.digest.ContentDigest;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.store.StoreException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Ensures the DeployableArtifact of a workload snapshot exists (delivery.md §4.2): named {@code
 * <component>-<first 16 hex of the digest>}, immutable, first producer's provenance kept. A name
 * taken by different content is an {@code ArtifactCollision}.
 */
final class Artifacts {
  static final String KIND = "DeployableArtifact";
  static final String CREATED_BY = "system:troupe";

  private Artifacts() {}

  /** What ensuring gave. */
  sealed interface Outcome {
    String name();
  }

  /** The artifact exists; {@code created} when this call created it. */
  record Present(String name, String digest, boolean created) implements Outcome {}

  /** The name is taken by an artifact with another digest (a permanent error). */
  record Collision(String name, String message) implements Outcome {}

  /** The name and digest of a workload snapshot of {@code component}. */
  static String[] address(String component, ObjectNode workload) {
    String digest = ContentDigest.digest(workload);
    return new String[] {ContentDigest.artifactName(component, digest), digest};
  }

  /**
   * Ensures the artifact of {@code workload} (the workload spec without owner) for {@code owner}
   * ({@code {projectName, componentName}}) in {@code namespace}.
   *
   * @param provenance {@code spec.provenance} to use when this call creates it
   */
  static Outcome ensure(
      ControllerContext ctx,
      String namespace,
      JsonNode owner,
      ObjectNode workload,
      ObjectNode provenance) {
    String component = owner.path("componentName").asText();
    String[] address = address(component, workload);
    String name = address[0];
    String digest = address[1];
    Optional<ObjectNode> cached = ctx.cache().tree(KIND, namespace, name);
    if (cached.isPresent()) {
      return compare(cached.get(), name, digest, false);
    }
    ObjectNode tree = tree(ctx, namespace, owner, name, digest, workload, provenance);
    try {
      ObjectNode created = ctx.store().create(tree);
      ObjectNode status = JsonNodeFactory.instance.objectNode();
      status.put("observedGeneration", Meta.generation(created));
      status
          .putArray("conditions")
          .add(Conditions.of("Ready", "True", "Available", "", Meta.generation(created)));
      ctx.status().put(created, status);
      return new Present(name, digest, true);
    } catch (StoreException.AlreadyExists e) {
      return compare(ctx.store().get(KIND, namespace, name), name, digest, false);
    }
  }

  private static Outcome compare(ObjectNode stored, String name, String digest, boolean created) {
    String storedDigest = stored.path("spec").path("digest").asText();
    if (storedDigest.equals(digest)) {
      return new Present(name, digest, created);
    }
    return new Collision(
        name,
        "DeployableArtifact \""
            + name
            + "\" exists with digest "
            + storedDigest
            + ", expected "
            + digest);
  }

  /** A provenance {@code {source, [build], createdBy, createdAt}}. */
  static ObjectNode provenance(ControllerContext ctx, String source, String build) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("source", source);
    if (build != null) {
      p.put("build", build);
    }
    p.put("createdBy", CREATED_BY);
    p.put("createdAt", ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString());
    return p;
  }

  private static ObjectNode tree(
      ControllerContext ctx,
      String namespace,
      JsonNode owner,
      String name,
      String digest,
      ObjectNode workload,
      ObjectNode provenance) {
    String project = owner.path("projectName").asText();
    String component = owner.path("componentName").asText();
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    a.put("apiVersion", Meta.API_VERSION);
    a.put("kind", KIND);
    ObjectNode meta = a.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", namespace);
    ObjectNode labels = meta.putObject("labels");
    labels.put(Meta.ORGANIZATION, namespace);
    labels.put(Meta.PROJECT, project);
    labels.put(Meta.COMPONENT, component);
    ctx.cache()
        .tree("Component", namespace, component)
        .ifPresent(c -> Meta.putOwnerReference(a, Meta.ownerReference(c, false, false)));
    ObjectNode spec = a.putObject("spec");
    ObjectNode o = spec.putObject("owner");
    o.put("projectName", project);
    o.put("componentName", component);
    spec.put("digest", digest);
    ObjectNode snapshot = workload.deepCopy();
    snapshot.remove("owner");
    spec.set("workload", snapshot);
    spec.set("provenance", provenance);
    return a;
  }
}
