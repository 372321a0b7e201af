package dev.troupe.engine.controllers.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.model.Condition;
import dev.troupe.api.names.K8sNames;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.render.RenderedObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Release controller in gitops mode on the embedded repository (delivery.md §2.2, §2.7):
 * commits, status, no-op passes, missing dependencies and their watches, DataPlane moves.
 */
class ReleaseControllerTest {
  private static final String NAME = "orders";

  @TempDir Path tmp;
  private ReleaseWorld world;
  private ReleaseWorld.Rendered orders;
  private String project;

  @BeforeEach
  void open() {
    world = new ReleaseWorld(tmp);
    orders = ReleaseWorld.sample(NAME);
    project = orders.binding().owner().projectName();
  }

  @AfterEach
  void close() {
    world.close();
  }

  private String releaseDir(String environment) {
    return "default/" + environment + "/" + project + "/orders/" + NAME;
  }

  /** Platform, one Release of the rendered sample, converged. */
  private ObjectNode converged() {
    world.platform();
    world.start();
    world.store.create(ReleaseWorld.releaseOf(orders, 3));
    world.awaitIdle();
    return world.release(NAME);
  }

  static Condition condition(Release r, String type) {
    return r.status().conditions().stream()
        .filter(c -> c.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + r.status()));
  }

  @Test
  void aReleaseIsCommittedWithTheLayoutMessageAndStatusOfTheSpec() {
    ObjectNode stored = converged();
    Release r = Codec.bind(stored, Release.class);
    GitRepo git = new GitRepo(world.repository("default"));
    String dir = releaseDir("development");

    List<String> files = git.lines("ls-tree", "-r", "--name-only", "main");
    assertThat(files)
        .contains(
            "default/development/kustomization.yaml",
            "default/development/" + project + "/kustomization.yaml",
            "default/development/" + project + "/namespace.yaml",
            dir + "/kustomization.yaml");
    assertThat(files.stream().filter(f -> f.startsWith(dir + "/")).count())
        .isEqualTo(orders.objects().size() + 1);
    assertThat(git.git("log", "-1", "--format=%s", "main").strip())
        .isEqualTo(
            "deploy " + project + "/orders in development: revision 3 (Build build/orders-b3)");
    assertThat(git.git("log", "-1", "--format=%B", "main"))
        .contains("\nOrganization: default\n")
        .contains("\nRelease: default/orders (uid " + r.metadata().uid() + ", generation 1)\n")
        .contains("\nBinding: ServiceBinding/orders\n")
        .contains("\nBinding-Revision: 3\n")
        .contains("\nChange-Cause: Build build/orders-b3\n")
        .contains("\nDeployable-Artifact: orders-0123456789abcdef\n");
    String deployment =
        files.stream().filter(f -> f.startsWith(dir + "/deployment-")).findFirst().orElseThrow();
    String content = git.git("show", "main:" + deployment);
    assertThat(content.split("openchoreo.dev/managed-by", -1)).hasSize(2);
    assertThat(content)
        .contains("openchoreo.dev/release-uid: " + r.metadata().uid())
        .contains("openchoreo.dev/release-generation: \"1\"");

    String dpUid = world.store.get("DataPlane", "default", "default").at("/metadata/uid").asText();
    assertThat(r.metadata().finalizersOrEmpty()).contains(ReleaseControllers.FINALIZER);
    assertThat(r.status().dataPlane())
        .isEqualTo(new Release.DataPlaneTarget("default", dpUid, "gitops"));
    assertThat(r.status().previousDataPlane()).isNull();
    Release.GitOpsStatus gitops = r.status().gitops();
    assertThat(gitops.commit()).isEqualTo(git.head());
    assertThat(gitops.repository()).startsWith("file:///").endsWith("/gitops/default/default.git");
    assertThat(gitops.branch()).isEqualTo("main");
    assertThat(gitops.path()).isEqualTo(dir);
    assertThat(gitops.revision()).isEqualTo("3");
    assertThat(gitops.committedAt()).isNotBlank();
    assertThat(r.status().observedGeneration()).isEqualTo(r.metadata().generation());
    Condition applied = condition(r, "Applied");
    assertThat(applied.status()).isEqualTo("True");
    assertThat(applied.reason()).isEqualTo("Committed");
    assertThat(applied.observedGeneration()).isEqualTo(r.metadata().generation());
    Condition ready = condition(r, "Ready");
    // The embedded repository is the data plane (docs/gitops.md): committed objects are healthy.
    assertThat(ready.status()).isEqualTo("True");
    assertThat(ready.reason()).isEqualTo("ResourcesHealthy");
    assertThat(r.status().resources())
        .extracting(Release.ResourceStatus::id)
        .containsExactlyElementsOf(orders.objects().stream().map(RenderedObject::id).toList());
    assertThat(r.status().resources())
        .allSatisfy(s -> assertThat(s.healthStatus()).isEqualTo("Healthy"));
    assertThat(r.status().inventory()).hasSize(orders.objects().size());
  }

  @Test
  void anUnchangedReleaseMakesNoCommitAndNoStoreWrite() {
    converged();
    GitRepo git = new GitRepo(world.repository("default"));
    String head = git.head();
    long revision = world.store.currentRevision();
    long reconciles = reconciles();

    world.manager.enqueue(ReleaseControllers.CONTROLLER, new ObjectKey("Release", "default", NAME));
    world.awaitIdle();

    assertThat(reconciles()).isGreaterThan(reconciles);
    assertThat(world.store.currentRevision()).isEqualTo(revision);
    assertThat(git.head()).isEqualTo(head);
  }

  @Test
  void aChangedReleaseMakesExactlyOneNewCommit() {
    converged();
    GitRepo git = new GitRepo(world.repository("default"));
    int commits = git.log().size();

    ObjectNode stored = world.release(NAME);
    for (JsonNode m : stored.at("/spec/resources")) {
      if (m.at("/object/kind").asText().equals("Deployment")) {
        ObjectNode container = (ObjectNode) m.at("/object/spec/template/spec/containers/0");
        container.put("image", "registry.example.com/orders:v2");
      }
    }
    ((ObjectNode) stored.at("/metadata/annotations")).put("openchoreo.dev/binding-revision", "4");
    world.store.update(stored);
    world.awaitIdle();

    Release r = world.typed(NAME);
    assertThat(git.log()).hasSize(commits + 1);
    assertThat(git.git("log", "-1", "--format=%s", "main").strip())
        .isEqualTo(
            "update " + project + "/orders in development: revision 4 (Build build/orders-b3)");
    // Every file changes: the openchoreo.dev/release-generation annotation follows the generation.
    assertThat(git.git("log", "-1", "--format=%b", "main"))
        .contains("apply Deployment ")
        .contains("Images: main=registry.example.com/orders:v2");
    assertThat(git.git("show", "main:" + releaseDir("development") + "/kustomization.yaml"))
        .isNotEmpty();
    assertThat(r.status().gitops().commit()).isEqualTo(git.head());
    assertThat(r.status().gitops().revision()).isEqualTo("4");
    assertThat(r.metadata().generation()).isEqualTo(2);
    assertThat(r.status().observedGeneration()).isEqualTo(2);
    assertThat(condition(r, "Applied").observedGeneration()).isEqualTo(2);
  }

  @Test
  void missingEnvironmentAndDataPlaneAreReportedThenResolvedByTheirWatches() {
    world.platform();
    world.start();
    world.store.create(
        ReleaseWorld.releaseTree(
            NAME, project, "orders", "qa", retarget(orders.objects(), "qa"), 1));
    world.awaitIdle();

    Release r = world.typed(NAME);
    assertThat(condition(r, "Applied").status()).isEqualTo("False");
    assertThat(condition(r, "Applied").reason()).isEqualTo("EnvironmentNotFound");
    assertThat(condition(r, "Applied").message()).contains("\"qa\"");
    assertThat(r.status().observedGeneration()).isEqualTo(1);
    assertThat(r.status().dataPlane()).isNull();

    world.store.create(
        Codec.bind(
            yaml(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Environment
                metadata: {name: qa, namespace: default}
                spec: {dataPlaneRef: edge}
                """),
            ObjectNode.class));
    world.awaitIdle();
    r = world.typed(NAME);
    assertThat(condition(r, "Applied").reason()).isEqualTo("DataPlaneNotFound");
    assertThat(condition(r, "Applied").message()).contains("\"edge\"");

    world.gitopsDataPlane("edge");
    world.awaitIdle();
    r = world.typed(NAME);
    assertThat(condition(r, "Applied").status()).isEqualTo("True");
    assertThat(condition(r, "Applied").reason()).isEqualTo("Committed");
    assertThat(r.status().dataPlane().name()).isEqualTo("edge");
    GitRepo edge = new GitRepo(world.repository("edge"));
    assertThat(r.status().gitops().commit()).isEqualTo(edge.head());
    assertThat(edge.lines("ls-tree", "-r", "--name-only", "main"))
        .contains(releaseDir("qa") + "/kustomization.yaml");
  }

  @Test
  void anEnvironmentRepointedToAnotherDataPlaneMovesTheRelease() {
    converged();
    ObjectNode second = world.gitopsDataPlane("second");
    ObjectNode patch = Codec.JSON.createObjectNode();
    patch.putObject("spec").put("dataPlaneRef", "second");
    world.store.patch("Environment", "default", "development", patch, null);
    world.awaitIdle();

    Release r = world.typed(NAME);
    assertThat(r.status().dataPlane())
        .isEqualTo(
            new Release.DataPlaneTarget("second", second.at("/metadata/uid").asText(), "gitops"));
    assertThat(r.status().previousDataPlane()).isNull();
    assertThat(r.status().previousInventory()).isNull();
    assertThat(condition(r, "Applied").reason()).isEqualTo("Committed");

    GitRepo to = new GitRepo(world.repository("second"));
    assertThat(r.status().gitops().commit()).isEqualTo(to.head());
    assertThat(to.lines("ls-tree", "-r", "--name-only", "main"))
        .contains(releaseDir("development") + "/kustomization.yaml");
    GitRepo from = new GitRepo(world.repository("default"));
    assertThat(from.git("log", "-1", "--format=%s", "main").strip())
        .startsWith("remove " + project + "/orders in development");
    assertThat(from.lines("ls-tree", "-r", "--name-only", "main"))
        .noneMatch(f -> f.startsWith("default/development/" + project + "/"));
  }

  @Test
  void manyReleasesAtOnceShareCommitsAndEachRecordsItsCommit() {
    world.close();
    world =
        new ReleaseWorld(
            tmp.resolve("grouped"),
            new UnavailableKubernetesApplier(),
            java.time.Duration.ofMillis(100));
    world.platform();
    int n = 40;
    for (int i = 0; i < n; i++) {
      world.store.create(configMapRelease("svc-" + i, i));
    }
    world.start();
    world.awaitIdle();

    GitRepo git = new GitRepo(world.repository("default"));
    List<String> commits = git.log().stream().map(c -> c.getName()).toList();
    assertThat(commits.size() - 1).isGreaterThanOrEqualTo(1).isLessThan(n);
    assertThat(git.git("log", "--format=%s", "main")).contains("commit ");
    for (int i = 0; i < n; i++) {
      Release r = world.typed("svc-" + i);
      assertThat(condition(r, "Applied").reason()).isEqualTo("Committed");
      String commit = r.status().gitops().commit();
      assertThat(commits).contains(commit);
      assertThat(git.files(commit))
          .contains(r.status().gitops().path() + "/configmap-svc-" + i + ".yaml");
      assertThat(git.git("show", "-s", "--format=%B", commit))
          .contains("Release: default/svc-" + i + " (uid " + r.metadata().uid());
    }
  }

  private ObjectNode configMapRelease(String name, int i) {
    String ns = K8sNames.cellNamespace("default", project, "development");
    ObjectNode cm =
        yaml(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: NAME, namespace: NS}\ndata: {index: \"I\"}\n"
                .replace("NAME", name)
                .replace("NS", ns)
                .replace("I", Integer.toString(i)));
    return ReleaseWorld.releaseTree(
        name, project, name, "development", List.of(new RenderedObject(name + "-config", cm)), 1);
  }

  private long reconciles() {
    return world.manager.stats().stream()
        .filter(s -> s.name().equals(ReleaseControllers.CONTROLLER))
        .mapToLong(s -> s.reconciles())
        .sum();
  }

  /** The objects moved into the cell namespace of {@code environment}. */
  private List<RenderedObject> retarget(List<RenderedObject> objects, String environment) {
    String ns = K8sNames.cellNamespace("default", project, environment);
    return objects.stream()
        .map(
            o -> {
              ObjectNode copy = o.object().deepCopy();
              ((ObjectNode) copy.get("metadata")).put("namespace", ns);
              return new RenderedObject(o.id(), copy);
            })
        .toList();
  }

  static ObjectNode yaml(String text) {
    return dev.troupe.api.codec.DocumentReader.readYaml("test.yaml", text).getFirst().tree();
  }
}
