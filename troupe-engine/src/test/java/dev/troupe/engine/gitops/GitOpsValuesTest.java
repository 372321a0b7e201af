package dev.troupe.engine.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Owner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value types: change causes, provenance from annotations, targets, file names. */
class GitOpsValuesTest {

  @Test
  void changeCausesReadAsTheSpecShowsThem() {
    assertThat(trailer("{\"reason\":\"Build\",\"ref\":\"build/orders-x\",\"by\":\"ci\"}"))
        .isEqualTo("Build build/orders-x");
    assertThat(trailer("{\"reason\":\"Promotion\",\"ref\":\"promotion/p1\",\"by\":\"bob\"}"))
        .isEqualTo("Promotion promotion/p1");
    assertThat(trailer("{\"reason\":\"Rollback\",\"ref\":\"revision/3\",\"by\":\"bob\"}"))
        .isEqualTo("Rollback to revision 3");
    assertThat(trailer("{\"reason\":\"Edit\",\"by\":\"alice@example.com\"}"))
        .isEqualTo("Edit by alice@example.com");
    assertThat(trailer("{\"reason\":\"Edit\"}")).isEqualTo("Edit by unknown");
    assertThat(ChangeCause.RE_RENDER.trailer()).isEqualTo("Re-render");
    assertThat(ChangeCause.parse("not json")).isEmpty();
    assertThat(ChangeCause.parse(null)).isEmpty();
  }

  @Test
  void changeCausesForCommitSubjectsNameWho() {
    ChangeCause promotion = new ChangeCause("Promotion", "promotion/p1", "bob");
    assertThat(promotion.withApproved(true).description())
        .isEqualTo("Promotion promotion/p1 approved by bob");
    assertThat(promotion.withApproved(false).description())
        .isEqualTo("Promotion promotion/p1 by bob (no approval required)");
    assertThat(promotion.description()).isEqualTo("Promotion promotion/p1 by bob");
    assertThat(promotion.withApproved(true).trailer())
        .as("the trailer keeps the form of delivery.md §2.7")
        .isEqualTo("Promotion promotion/p1");
    assertThat(description("{\"reason\":\"Rollback\",\"ref\":\"revision/3\",\"by\":\"amy\"}"))
        .isEqualTo("Rollback to revision 3 by amy");
    assertThat(description("{\"reason\":\"Build\",\"ref\":\"build/orders-x\",\"by\":\"ci\"}"))
        .isEqualTo("Build build/orders-x");
    assertThat(description("{\"reason\":\"Edit\",\"by\":\"alice@example.com\"}"))
        .isEqualTo("Edit by alice@example.com");
    assertThat(description("{\"reason\":\"Edit\"}")).isEqualTo("Edit by unknown");
    assertThat(ChangeCause.RE_RENDER.description()).isEqualTo("Re-render");
  }

  private static String description(String json) {
    return ChangeCause.parse(json).orElseThrow().description();
  }

  private static String trailer(String json) {
    return ChangeCause.parse(json).orElseThrow().trailer();
  }

  @Test
  void releaseContentComesFromTheReleaseObject() {
    var annotations =
        Map.of(
            "openchoreo.dev/binding-kind", "ServiceBinding",
            "openchoreo.dev/binding-name", "orders-staging",
            "openchoreo.dev/binding-revision", "7",
            "openchoreo.dev/deployable-artifact", "orders-0123456789abcdef",
            "openchoreo.dev/change-cause",
                "{\"reason\":\"Promotion\",\"ref\":\"promotion/orders-dev-to-staging\",\"by\":\"bob\"}");
    var meta =
        new ObjectMeta(
            "orders-staging",
            null,
            "acme",
            "u-1",
            "5",
            3L,
            null,
            null,
            null,
            null,
            null,
            annotations);
    ReleaseRef ref = Releases.ref("shop", "orders", "staging");
    var object = Releases.service(ref, "img:1").get(1);
    var release =
        new Release(
            Release.API_VERSION,
            "Release",
            meta,
            new Release.Spec(
                new Owner("shop", "orders"),
                "staging",
                List.of(new Release.Manifest(object.id(), object.object())),
                null,
                null),
            new Release.Status(
                null,
                null,
                null,
                null,
                null,
                new Release.GitOpsStatus("r", "main", "p", "c", "t", "6"),
                null,
                null));

    ReleaseContent content = ReleaseContent.of(release);

    assertThat(content.release())
        .isEqualTo(new ReleaseRef("acme", "orders-staging", "u-1", 3, "shop", "orders", "staging"));
    assertThat(content.previousRevision()).isEqualTo(6L);
    assertThat(content.objects()).containsExactly(object);
    Provenance p = content.provenance();
    assertThat(p.bindingKind()).isEqualTo("ServiceBinding");
    assertThat(p.bindingName()).isEqualTo("orders-staging");
    assertThat(p.bindingRevision()).isEqualTo(7L);
    assertThat(p.artifact()).isEqualTo("orders-0123456789abcdef");
    assertThat(p.artifactDigest()).isNull();
    assertThat(p.changeCause().trailer()).isEqualTo("Promotion promotion/orders-dev-to-staging");
    assertThat(p.withArtifactDigest("sha256:00").artifactDigest()).isEqualTo("sha256:00");
  }

  @Test
  void targetsValidateTheirBranchAndPath() {
    Path dir = Path.of("/tmp/x.git");
    assertThat(GitOpsTarget.local(dir, null, null))
        .satisfies(
            t -> {
              assertThat(t.branch()).isEqualTo("main");
              assertThat(t.path()).isEmpty();
              assertThat(t.url()).isEqualTo("file:///tmp/x.git");
            });
    assertThat(GitOpsTarget.local(dir, "env/prod", "/a/b/").path()).isEqualTo("a/b");
    assertThatThrownBy(() -> GitOpsTarget.local(dir, "main", "a/../b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GitOpsTarget.local(dir, "main", "a/.git/b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GitOpsTarget.local(dir, "bad..branch", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(GitOpsTarget.embedded(Path.of("/data"), "acme", "default").directory())
        .isEqualTo(Path.of("/data/gitops/acme/default.git"));
  }

  @Test
  void releaseIdentitiesMustBeUsableAsDirectoryNames() {
    assertThatThrownBy(() -> new ReleaseRef("acme", "../x", "u", 1, "shop", "orders", "dev"))
        .isInstanceOf(GitOpsException.class)
        .hasMessageContaining("release name");
    assertThatThrownBy(() -> new ReleaseRef("acme", "x", "u", 1, "Shop", "orders", "dev"))
        .isInstanceOf(GitOpsException.class)
        .hasMessageContaining("project");
  }

  @Test
  void applyOrderGroupsByKindPriorityAndKeepsSpecOrderInsideAGroup() {
    ReleaseRef ref = Releases.ref("shop", "orders", "development");
    var objects = Releases.service(ref, "img");
    var reversed = List.of(objects.get(3), objects.get(2), objects.get(1), objects.get(0));
    assertThat(ApplyOrder.indexes(reversed)).containsExactly(3, 2, 1, 0);
    assertThat(ApplyOrder.priority("HorizontalPodAutoscaler")).isEqualTo(7);
    assertThat(ApplyOrder.priority("Certificate")).isEqualTo(10);
  }
}
