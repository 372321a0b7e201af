package dev.troupe.engine.gitops;

import static dev.troupe.engine.gitops.GitCli.git;
import static dev.troupe.engine.gitops.GitCli.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.engine.gitops.ApplyResult.CommitAction;
import dev.troupe.engine.gitops.ApplyResult.Committed;
import dev.troupe.engine.gitops.ApplyResult.Unchanged;
import dev.troupe.engine.gitops.ObjectResult.Action;
import dev.troupe.render.RenderedObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commits, no-op re-applies, pruning and deletion, checked with the real git executable. */
class GitOpsApplierTest {
  private static final String IMAGE = "registry.acme.dev/orders@sha256:" + "1".repeat(64);
  private static final String DEV = "acme/development/shop/orders/orders-development";

  @TempDir Path tmp;
  private Path repo;
  private Releases.TestClock clock;
  private GitOpsApplier applier;
  private final ReleaseRef orders = Releases.ref("shop", "orders", "development");

  @BeforeEach
  void open() {
    repo = tmp.resolve("gitops/acme/dp.git");
    clock = new Releases.TestClock("2025-07-01T12:00:00Z");
    applier =
        new GitOpsApplier(
            GitOpsTarget.local(repo, "main", ""),
            new CommitAuthor("Troupe", "troupe@acme.dev"),
            clock);
  }

  @AfterEach
  void close() {
    applier.close();
  }

  private ReleaseContent orders(long revision, String image) {
    return Releases.content(orders, revision, Releases.service(orders, image));
  }

  @Test
  void aBranchLockLeftByAKilledProcessIsRemovedWhenTheRepositoryIsOpened() throws Exception {
    applier.apply(orders(1, IMAGE));
    applier.close();
    // A process killed while it moved the branch leaves JGit's lock file behind.
    java.nio.file.Files.writeString(repo.resolve("refs/heads/main.lock"), "");

    applier =
        new GitOpsApplier(
            GitOpsTarget.local(repo, "main", ""),
            new CommitAuthor("Troupe", "troupe@acme.dev"),
            clock);
    assertThat(applier.apply(orders(2, "registry.example/orders:2"))).isInstanceOf(Committed.class);
    assertThat(repo.resolve("refs/heads/main.lock")).doesNotExist();
  }

  @Test
  void createsABareRepositoryWithAnInitialCommitOnMain() {
    assertThat(git(repo, "rev-parse", "--is-bare-repository").strip()).isEqualTo("true");
    assertThat(git(repo, "symbolic-ref", "HEAD").strip()).isEqualTo("refs/heads/main");
    assertThat(lines(repo, "log", "--format=%s", "main"))
        .containsExactly("Initialize Troupe GitOps repository");
    assertThat(git(repo, "ls-tree", "-r", "--name-only", "main")).isEmpty();
    assertThat(repo.resolve("git-daemon-export-ok")).exists();
  }

  @Test
  void firstApplyCommitsTheLayoutOfTheSpec() {
    ApplyResult result = applier.apply(orders(1, IMAGE));

    String ns = orders.cellNamespace();
    assertThat(lines(repo, "ls-tree", "-r", "--name-only", "HEAD"))
        .containsExactly(
            "acme/development/kustomization.yaml",
            "acme/development/shop/kustomization.yaml",
            "acme/development/shop/namespace.yaml",
            DEV + "/ciliumnetworkpolicy-orders-development-baseline.yaml",
            DEV + "/deployment-orders-development.yaml",
            DEV + "/httproute-orders-development-public.yaml",
            DEV + "/kustomization.yaml",
            DEV + "/service-orders-development.yaml");
    assertThat(git(repo, "show", "HEAD:acme/development/kustomization.yaml"))
        .isEqualTo(
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - shop
            """);
    assertThat(git(repo, "show", "HEAD:acme/development/shop/kustomization.yaml"))
        .isEqualTo(
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - namespace.yaml
              - orders/orders-development
            """);
    assertThat(git(repo, "show", "HEAD:" + DEV + "/kustomization.yaml"))
        .isEqualTo(
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - ciliumnetworkpolicy-orders-development-baseline.yaml
              - service-orders-development.yaml
              - deployment-orders-development.yaml
              - httproute-orders-development-public.yaml
            """);
    assertThat(git(repo, "show", "HEAD:acme/development/shop/namespace.yaml"))
        .isEqualTo(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              labels:
                openchoreo.dev/created-by: release-controller
                openchoreo.dev/environment: development
                openchoreo.dev/organization: acme
                openchoreo.dev/project: shop
                openchoreo.dev/release-name: orders-development
                openchoreo.dev/release-namespace: acme
                openchoreo.dev/release-uid: uid-orders-development
              name: NS
            """
                .replace("NS", ns));

    assertThat(lines(repo, "log", "--format=%s"))
        .containsExactly(
            "deploy shop/orders in development: revision 1 (Build build/orders-b1)",
            "Initialize Troupe GitOps repository");
    assertThat(git(repo, "log", "-1", "--format=%B"))
        .isEqualTo(
            """
            deploy shop/orders in development: revision 1 (Build build/orders-b1)

            apply Namespace NS
            apply CiliumNetworkPolicy NS/orders-development-baseline
            apply Service NS/orders-development
            apply Deployment NS/orders-development
            apply HTTPRoute NS/orders-development-public

            Organization: acme
            Release: acme/orders-development (uid uid-orders-development, generation 4)
            Binding: ServiceBinding/orders-development
            Binding-Revision: 1
            Change-Cause: Build build/orders-b1
            Deployable-Artifact: orders-0123456789abcdef DIGEST
            Images: main=IMAGE, log-shipper=fluent/fluent-bit:3.0

            """
                .replace("NS", ns)
                .replace("DIGEST", Releases.DIGEST)
                .replace("IMAGE", IMAGE));
    // Git itself reads the trailers.
    assertThat(
            lines(
                repo,
                "log",
                "-1",
                "--format=%(trailers:key=Binding-Revision,valueonly,separator=)"))
        .containsExactly("1");

    Committed committed = (Committed) result;
    assertThat(committed.commit()).isEqualTo(git(repo, "rev-parse", "HEAD").strip());
    assertThat(committed.action()).isEqualTo(CommitAction.DEPLOY);
    assertThat(committed.objects())
        .extracting(ObjectResult::id, ObjectResult::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("orders-development-baseline", Action.CREATED),
            org.assertj.core.groups.Tuple.tuple("orders-development-service", Action.CREATED),
            org.assertj.core.groups.Tuple.tuple("orders-development-deployment", Action.CREATED),
            org.assertj.core.groups.Tuple.tuple("orders-development-public", Action.CREATED));
    assertThat(committed.files().added()).hasSize(8);
    assertThat(committed.files().changed()).isEmpty();
    assertThat(committed.files().removed()).isEmpty();
    var status = committed.gitops();
    assertThat(status.repository()).isEqualTo("file://" + repo);
    assertThat(status.branch()).isEqualTo("main");
    assertThat(status.path()).isEqualTo(DEV);
    assertThat(status.commit()).isEqualTo(committed.commit());
    assertThat(status.committedAt()).isEqualTo("2025-07-01T12:00:00Z");
    assertThat(status.revision()).isEqualTo("1");
  }

  @Test
  void authorAndCommitterAreTheConfiguredIdentityAtTheClocksTime() {
    clock.advanceSeconds(90);
    applier.apply(orders(1, IMAGE));

    assertThat(git(repo, "log", "-1", "--format=%an|%ae|%cn|%ce|%at|%ct|%ai").strip())
        .isEqualTo(
            "Troupe|troupe@acme.dev|Troupe|troupe@acme.dev|1751371290|1751371290|"
                + "2025-07-01 12:01:30 +0000");
    assertThat(git(repo, "log", "-1", "--format=%an|%cn|%at", "HEAD~1").strip())
        .isEqualTo("Troupe|Troupe|1751371200");
  }

  @Test
  void reapplyingTheSameContentMakesNoCommit() {
    Committed first = (Committed) applier.apply(orders(1, IMAGE));
    clock.advanceSeconds(60);

    ApplyResult again = applier.apply(orders(1, IMAGE));

    assertThat(again).isInstanceOf(Unchanged.class);
    assertThat(again.commit()).isEqualTo(first.commit());
    assertThat(again.objects()).extracting(ObjectResult::action).containsOnly(Action.UNCHANGED);
    assertThat(again.gitops().commit()).isEqualTo(first.commit());
    assertThat(again.gitops().committedAt()).isEqualTo("2025-07-01T12:00:00Z");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("2");
  }

  @Test
  void changingOneObjectChangesOnlyThatFileInOneCommit() {
    applier.apply(orders(1, IMAGE));
    String image2 = "registry.acme.dev/orders@sha256:" + "2".repeat(64);
    clock.advanceSeconds(60);

    Committed result = (Committed) applier.apply(orders(2, image2));

    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("3");
    assertThat(lines(repo, "show", "--name-status", "--format=", "HEAD"))
        .containsExactly("M\t" + DEV + "/deployment-orders-development.yaml");
    assertThat(result.action()).isEqualTo(CommitAction.UPDATE);
    assertThat(result.files().changed())
        .containsExactly(DEV + "/deployment-orders-development.yaml");
    assertThat(result.objects())
        .extracting(ObjectResult::kind, ObjectResult::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CiliumNetworkPolicy", Action.UNCHANGED),
            org.assertj.core.groups.Tuple.tuple("Service", Action.UNCHANGED),
            org.assertj.core.groups.Tuple.tuple("Deployment", Action.UPDATED),
            org.assertj.core.groups.Tuple.tuple("HTTPRoute", Action.UNCHANGED));
    String message = git(repo, "log", "-1", "--format=%B");
    assertThat(message)
        .startsWith(
            "update shop/orders in development: revision 2 (Build build/orders-b1)\n\n"
                + "apply Deployment "
                + orders.cellNamespace()
                + "/orders-development\n\nOrganization: acme\n");
    assertThat(message).contains("Binding-Revision: 2\n").contains("Images: main=" + image2);
    assertThat(git(repo, "show", "HEAD:" + DEV + "/deployment-orders-development.yaml"))
        .contains("image: " + image2);
    assertThat(result.gitops().revision()).isEqualTo("2");
    assertThat(result.gitops().committedAt()).isEqualTo("2025-07-01T12:01:00Z");
  }

  @Test
  void aReRenderWithoutANewRevisionSaysSo() {
    applier.apply(orders(3, IMAGE));
    List<RenderedObject> objects = Releases.service(orders, IMAGE);
    objects.getFirst().object().with("spec").put("enableDefaultDeny", true);
    ReleaseContent rerender =
        new ReleaseContent(
            orders,
            Releases.provenance(orders, 3, new ChangeCause("Build", "build/orders-b1", null)),
            3L,
            objects);

    applier.apply(rerender);

    String message = git(repo, "log", "-1", "--format=%B");
    assertThat(message).startsWith("update shop/orders in development: revision 3 (Re-render)\n");
    assertThat(message).contains("\nChange-Cause: Re-render\n").contains("\nBinding-Revision: 3\n");
  }

  @Test
  void removingAnObjectFromTheReleaseRemovesItsFile() {
    applier.apply(orders(1, IMAGE));
    List<RenderedObject> withoutRoute = Releases.service(orders, IMAGE).subList(0, 3);

    Committed result = (Committed) applier.apply(Releases.content(orders, 2, withoutRoute));

    assertThat(lines(repo, "show", "--name-status", "--format=", "HEAD"))
        .containsExactly(
            "D\t" + DEV + "/httproute-orders-development-public.yaml",
            "M\t" + DEV + "/kustomization.yaml");
    assertThat(git(repo, "log", "-1", "--format=%B"))
        .contains(
            "\n\nprune HTTPRoute " + orders.cellNamespace() + "/orders-development-public\n\n");
    assertThat(result.objects())
        .filteredOn(o -> o.action() == Action.DELETED)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo("orders-development-public");
              assertThat(o.kind()).isEqualTo("HTTPRoute");
              assertThat(o.apiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
              assertThat(o.path()).isEqualTo(DEV + "/httproute-orders-development-public.yaml");
            });
    assertThat(git(repo, "show", "HEAD:" + DEV + "/kustomization.yaml"))
        .doesNotContain("httproute");
  }

  @Test
  void removingTheReleaseRemovesItsDirectoryInOneCommit() {
    ReleaseContent content = orders(1, IMAGE);
    applier.apply(content);
    clock.advanceSeconds(5);

    Committed result = (Committed) applier.remove(content, CellNamespaceDeletion.DELETE);

    assertThat(result.action()).isEqualTo(CommitAction.REMOVE);
    assertThat(lines(repo, "ls-tree", "-r", "--name-only", "HEAD"))
        .containsExactly("acme/development/kustomization.yaml");
    assertThat(git(repo, "show", "HEAD:acme/development/kustomization.yaml"))
        .endsWith("resources: []\n");
    assertThat(git(repo, "rev-list", "--count", "HEAD").strip()).isEqualTo("3");
    String message = git(repo, "log", "-1", "--format=%B");
    String ns = orders.cellNamespace();
    assertThat(message)
        .startsWith(
            """
            remove shop/orders in development: revision 1

            prune CiliumNetworkPolicy NS/orders-development-baseline
            prune Deployment NS/orders-development
            prune HTTPRoute NS/orders-development-public
            prune Service NS/orders-development
            prune Namespace NS

            Organization: acme
            """
                .replace("NS", ns));
    assertThat(result.objects()).hasSize(4).allMatch(o -> o.action() == Action.DELETED);
    assertThat(result.files().removed()).hasSize(7);

    assertThat(applier.remove(content, CellNamespaceDeletion.DELETE)).isInstanceOf(Unchanged.class);
  }

  @Test
  void removingTheLastReleaseOfACellWithRetainKeepsTheNamespace() {
    ReleaseContent content = orders(1, IMAGE);
    applier.apply(content);

    applier.remove(orders, Provenance.none(), CellNamespaceDeletion.RETAIN);

    assertThat(lines(repo, "ls-tree", "-r", "--name-only", "HEAD"))
        .containsExactly(
            "acme/development/kustomization.yaml",
            "acme/development/shop/kustomization.yaml",
            "acme/development/shop/namespace.yaml");
    assertThat(git(repo, "show", "HEAD:acme/development/shop/kustomization.yaml"))
        .endsWith("resources:\n  - namespace.yaml\n");
    assertThat(lines(repo, "log", "-1", "--format=%s"))
        .containsExactly("remove shop/orders in development");
  }

  @Test
  void releasesInOtherCellsAndEnvironmentsDoNotInterfere() {
    ReleaseRef staging = Releases.ref("shop", "orders", "staging");
    ReleaseRef inventory = Releases.ref("shop", "inventory", "development");
    ReleaseRef billing = Releases.ref("billing", "invoices", "development");
    applier.apply(orders(1, IMAGE));
    applier.apply(Releases.content(staging, 1, Releases.service(staging, IMAGE)));
    applier.apply(Releases.content(inventory, 1, Releases.service(inventory, IMAGE)));
    applier.apply(Releases.content(billing, 1, Releases.service(billing, IMAGE)));
    String stagingTree = git(repo, "rev-parse", "HEAD:acme/staging").strip();
    String inventoryTree = git(repo, "rev-parse", "HEAD:acme/development/shop/inventory").strip();
    String billingTree = git(repo, "rev-parse", "HEAD:acme/development/billing").strip();
    String namespaceBlob =
        git(repo, "rev-parse", "HEAD:acme/development/shop/namespace.yaml").strip();

    applier.apply(orders(2, "registry.acme.dev/orders:2"));
    applier.remove(orders, Provenance.none(), CellNamespaceDeletion.DELETE);

    assertThat(git(repo, "rev-parse", "HEAD:acme/staging").strip()).isEqualTo(stagingTree);
    assertThat(git(repo, "rev-parse", "HEAD:acme/development/shop/inventory").strip())
        .isEqualTo(inventoryTree);
    assertThat(git(repo, "rev-parse", "HEAD:acme/development/billing").strip())
        .isEqualTo(billingTree);
    // The cell still has inventory: its namespace (created by orders) stays as it was.
    assertThat(git(repo, "rev-parse", "HEAD:acme/development/shop/namespace.yaml").strip())
        .isEqualTo(namespaceBlob);
    assertThat(git(repo, "show", "HEAD:acme/development/kustomization.yaml"))
        .endsWith("resources:\n  - billing\n  - shop\n");
    assertThat(git(repo, "show", "HEAD:acme/development/shop/kustomization.yaml"))
        .endsWith("resources:\n  - namespace.yaml\n  - inventory/inventory-development\n");
    assertThat(lines(repo, "log", "--format=%s"))
        .containsExactly(
            "remove shop/orders in development",
            "update shop/orders in development: revision 2 (Build build/orders-b1)",
            "deploy billing/invoices in development: revision 1 (Build build/invoices-b1)",
            "deploy shop/inventory in development: revision 1 (Build build/inventory-b1)",
            "deploy shop/orders in staging: revision 1 (Build build/orders-b1)",
            "deploy shop/orders in development: revision 1 (Build build/orders-b1)",
            "Initialize Troupe GitOps repository");
  }

  @Test
  void aBasePathPrefixesEveryPath() {
    try (GitOpsApplier prefixed =
        new GitOpsApplier(
            tmp.resolve("other.git"), "release", "/clusters/eu/", CommitAuthor.DEFAULT, clock)) {
      var result = prefixed.apply(orders(1, IMAGE));

      Path other = tmp.resolve("other.git");
      assertThat(lines(other, "ls-tree", "-r", "--name-only", "release"))
          .allMatch(p -> p.startsWith("clusters/eu/acme/development/"))
          .contains("clusters/eu/" + DEV + "/kustomization.yaml");
      assertThat(git(other, "symbolic-ref", "HEAD").strip()).isEqualTo("refs/heads/release");
      assertThat(result.gitops().path()).isEqualTo("clusters/eu/" + DEV);
      assertThat(result.gitops().branch()).isEqualTo("release");
    }
  }

  @Test
  void objectsOfOneKindAndNameInTwoGroupsGetTheGroupInTheirFileNames() {
    String ns = orders.cellNamespace();
    List<RenderedObject> objects =
        List.of(
            Releases.object(
                "a",
                orders,
                "{apiVersion: gateway.envoyproxy.io/v1alpha1, kind: SecurityPolicy, metadata: {name: NAME, namespace: NS}}",
                "orders-policy",
                ns),
            Releases.object(
                "b",
                orders,
                "{apiVersion: security.example.com/v1, kind: SecurityPolicy, metadata: {name: NAME, namespace: NS}}",
                "orders-policy",
                ns),
            Releases.object(
                "c",
                orders,
                "{apiVersion: v1, kind: ConfigMap, metadata: {name: NAME, namespace: NS}}",
                "orders-policy",
                ns));

    applier.apply(Releases.content(orders, 1, objects));

    assertThat(lines(repo, "ls-tree", "-r", "--name-only", "HEAD:" + DEV))
        .containsExactly(
            "configmap-orders-policy.yaml",
            "kustomization.yaml",
            "securitypolicy.gateway.envoyproxy.io-orders-policy.yaml",
            "securitypolicy.security.example.com-orders-policy.yaml");
  }

  @Test
  void invalidContentIsRejectedBeforeAnythingIsWritten() {
    String head = git(repo, "rev-parse", "HEAD").strip();
    List<RenderedObject> elsewhere =
        List.of(
            Releases.object(
                "x",
                orders,
                "{apiVersion: v1, kind: ConfigMap, metadata: {name: NAME, namespace: NS}}",
                "cm",
                "default"));

    assertThatThrownBy(() -> applier.apply(Releases.content(orders, 1, elsewhere)))
        .isInstanceOfSatisfying(
            GitOpsException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(GitOpsException.Reason.INVALID_CONTENT);
              assertThat(e.transientFailure()).isFalse();
              assertThat(e.getMessage()).contains("not the Release's cell namespace");
            });
    List<RenderedObject> badName =
        List.of(
            Releases.object(
                "x",
                orders,
                "{apiVersion: v1, kind: ConfigMap, metadata: {name: NAME, namespace: NS}}",
                "../etc",
                orders.cellNamespace()));
    assertThatThrownBy(() -> applier.apply(Releases.content(orders, 1, badName)))
        .isInstanceOf(GitOpsException.class)
        .hasMessageContaining("invalid metadata.name");
    assertThat(git(repo, "rev-parse", "HEAD").strip()).isEqualTo(head);
  }

  @Test
  void aReleaseWithoutProvenanceStillGetsATraceableCommit() {
    applier.apply(new ReleaseContent(orders, null, null, Releases.service(orders, IMAGE)));

    assertThat(git(repo, "log", "-1", "--format=%B"))
        .startsWith("deploy shop/orders in development\n\n")
        .endsWith(
            "\n\nOrganization: acme\n"
                + "Release: acme/orders-development (uid uid-orders-development, generation 4)\n"
                + "Images: main="
                + IMAGE
                + ", log-shipper=fluent/fluent-bit:3.0\n\n");
  }

  @Test
  void theRepositoryPassesFsck() {
    applier.apply(orders(1, IMAGE));
    applier.apply(orders(2, "registry.acme.dev/orders:2"));
    applier.remove(orders, Provenance.none(), CellNamespaceDeletion.DELETE);

    GitCli.Result fsck = GitCli.run(repo, "fsck", "--strict", "--no-dangling");
    assertThat(fsck.exit()).as(fsck.err()).isZero();
  }
}
