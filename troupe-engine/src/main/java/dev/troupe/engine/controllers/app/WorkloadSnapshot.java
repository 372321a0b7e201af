package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.delivery.DeployableArtifact;
import dev.troupe.engine.controllers.ControllerContext;
import java.util.Optional;

/**
 * A Workload's snapshot (its spec without {@code owner}, delivery.md §1.4 step 3), its content
 * address, and the build cause when the Workload's change cause names this very artifact.
 *
 * @param workload the Workload tree (shared; not modified)
 * @param spec the snapshot (a private copy)
 * @param artifact the artifact name of the snapshot
 * @param buildCause the Workload's {@code Build} cause naming {@code artifact}, if any
 * @param provenance the provenance for a new artifact
 */
record WorkloadSnapshot(
    JsonNode workload,
    ObjectNode spec,
    String artifact,
    Optional<CauseAnnotation> buildCause,
    ObjectNode provenance) {

  static WorkloadSnapshot of(ControllerContext ctx, JsonNode workload, JsonNode owner) {
    ObjectNode spec = ((ObjectNode) workload.path("spec")).deepCopy();
    spec.remove("owner");
    String artifact = Artifacts.address(owner.path("componentName").asText(), spec)[0];
    Optional<CauseAnnotation> build =
        CauseAnnotation.of(workload)
            .filter(c -> CauseAnnotation.BUILD.equals(c.reason()))
            .filter(c -> artifact.equals(c.artifact()));
    ObjectNode provenance =
        build.isPresent()
            ? Artifacts.provenance(
                ctx, DeployableArtifact.SOURCE_BUILD, build.get().refName("build"))
            : Artifacts.provenance(ctx, DeployableArtifact.SOURCE_WORKLOAD, null);
    return new WorkloadSnapshot(workload, spec, artifact, build, provenance);
  }
}
