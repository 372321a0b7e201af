package dev.troupe.api.kinds.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentPipelineAccessorsTest {

  private static DeploymentPipeline.Target to(String name) {
    return new DeploymentPipeline.Target(name, false, false);
  }

  private static DeploymentPipeline pipeline(DeploymentPipeline.PromotionPath... paths) {
    return new DeploymentPipeline(
        Resource.API_VERSION,
        "DeploymentPipeline",
        ObjectMeta.of("default", "main"),
        new DeploymentPipeline.Spec(List.of(paths)),
        null);
  }

  private static DeploymentPipeline.PromotionPath path(
      String source, DeploymentPipeline.Target... targets) {
    return new DeploymentPipeline.PromotionPath(source, List.of(targets));
  }

  private final DeploymentPipeline diamond =
      pipeline(
          path("staging", new DeploymentPipeline.Target("production", true, false)),
          path("dev", to("staging"), to("qa")),
          path("qa", new DeploymentPipeline.Target("production", false, true)),
          path("production"));

  @Test
  void rootIsTheOnlySourceThatIsNeverATarget() {
    assertThat(diamond.root()).contains("dev");
  }

  @Test
  void environmentsAreBreadthFirstWithTargetsInNameOrder() {
    assertThat(diamond.environments()).containsExactly("dev", "qa", "staging", "production");
  }

  @Test
  void targetsAndEdges() {
    assertThat(diamond.targetsOf("dev")).containsExactly("staging", "qa");
    assertThat(diamond.targetsOf("production")).isEmpty();
    assertThat(diamond.targetsOf("unknown")).isEmpty();
    assertThat(diamond.hasEdge("dev", "qa")).isTrue();
    assertThat(diamond.hasEdge("dev", "production")).isFalse();
    assertThat(diamond.hasEdge("qa", "dev")).isFalse();
    assertThat(diamond.edge("staging", "production").orElseThrow().gate())
        .isEqualTo(DeploymentPipeline.Gate.APPROVAL);
    DeploymentPipeline.Target manual = diamond.edge("qa", "production").orElseThrow();
    assertThat(manual.gate()).isEqualTo(DeploymentPipeline.Gate.MANUAL_APPROVAL);
    assertThat(manual.approvalRequired()).isTrue();
    assertThat(manual.manualApprovalRequired()).isTrue();
    assertThat(diamond.edge("dev", "production")).isEmpty();
    assertThat(diamond.contains("qa")).isTrue();
    assertThat(diamond.contains("sandbox")).isFalse();
  }

  @Test
  void noUniqueRootMeansNoOrder() {
    DeploymentPipeline twoRoots = pipeline(path("a", to("c")), path("b", to("c")));
    assertThat(twoRoots.root()).isEmpty();
    assertThat(twoRoots.environments()).isEmpty();
    DeploymentPipeline cycle = pipeline(path("a", to("b")), path("b", to("a")));
    assertThat(cycle.root()).isEmpty();
    assertThat(new PipelineGraph(cycle.pathsOrEmpty()).cycle()).contains(List.of("a", "b", "a"));
  }

  @Test
  void emptyPipelineHasNothing() {
    DeploymentPipeline empty =
        new DeploymentPipeline(
            Resource.API_VERSION, "DeploymentPipeline", ObjectMeta.of("default", "x"), null, null);
    assertThat(empty.root()).isEmpty();
    assertThat(empty.environments()).isEmpty();
    assertThat(empty.hasEdge("a", "b")).isFalse();
  }

  @Test
  void accessorsAreNotSerialized() {
    JsonNode tree = Codec.toTree(diamond);
    assertThat(tree.has("environments")).isFalse();
    assertThat(tree.has("root")).isFalse();
    JsonNode target =
        tree.path("spec").path("promotionPaths").path(0).path("targetEnvironmentRefs").path(0);
    assertThat(target.toString())
        .isEqualTo(
            "{\"name\":\"production\",\"requiresApproval\":true,\"isManualApprovalRequired\":false}");
    assertThat(Codec.bind(tree, DeploymentPipeline.class)).isEqualTo(diamond);
  }
}
