package dev.troupe.engine.gitops;

import static dev.troupe.engine.gitops.GitCli.git;
import static dev.troupe.engine.gitops.GitCli.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.render.RenderedObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a GitOps tool sees: a clone of the repository whose files are exactly the delivered objects
 * (rendered objects plus tracking labels, in render key order), and whose history others may add
 * to.
 */
class GitOpsCloneTest {
  private static final String IMAGE = "registry.acme.dev/orders:1.0.0";

  @TempDir Path tmp;
  private Path repo;
  private GitOpsApplier applier;
  private final ReleaseRef orders = Releases.ref("shop", "orders", "development");

  @BeforeEach
  void open() {
    repo = tmp.resolve("dp.git");
    applier =
        new GitOpsApplier(
            repo, "main", "", CommitAuthor.DEFAULT, new Releases.TestClock("2025-07-01T12:00:00Z"));
  }

  @AfterEach
  void close() {
    applier.close();
  }

  @Test
  void aCloneHoldsExactlyTheDeliveredObjects() throws IOException {
    List<RenderedObject> objects = Releases.service(orders, IMAGE);
    applier.apply(Releases.content(orders, 1, objects));

    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "--quiet", repo.toUri().toString(), clone.toString());

    assertThat(git(clone, "status", "--porcelain")).isEmpty();
    assertThat(git(clone, "rev-parse", "--abbrev-ref", "HEAD").strip()).isEqualTo("main");
    assertThat(filesOf(clone)).isEqualTo(lines(repo, "ls-tree", "-r", "--name-only", "HEAD"));

    Path dir = clone.resolve("acme/development/shop/orders/orders-development");
    Map<String, ObjectNode> byId = new HashMap<>();
    for (Document d : DocumentReader.read(dir, dir.toString())) {
      assertThat(d.problems()).isEmpty();
      if (!d.tree().path("kind").asText().equals("Kustomization")) {
        byId.put(
            d.tree().at("/metadata/labels/openchoreo.dev~1release-resource-id").asText(), d.tree());
      }
    }
    assertThat(byId).hasSize(objects.size());
    for (RenderedObject o : objects) {
      ObjectNode expected = o.object().deepCopy();
      ObjectNode labels = (ObjectNode) expected.get("metadata").get("labels");
      labels.put("openchoreo.dev/managed-by", "release-controller");
      labels.put("openchoreo.dev/release-resource-id", o.id());
      labels.put("openchoreo.dev/release-uid", "uid-orders-development");
      labels.put("openchoreo.dev/release-name", "orders-development");
      labels.put("openchoreo.dev/release-namespace", "acme");
      ((ObjectNode) expected.get("metadata"))
          .putObject("annotations")
          .put("openchoreo.dev/release-generation", "4");
      assertThat(byId.get(o.id())).as(o.id()).isEqualTo(expected);
    }
  }

  @Test
  void trackingLabelsAreOnTheTopLevelMetadataOnly() {
    applier.apply(Releases.content(orders, 1, Releases.service(orders, IMAGE)));

    String text =
        git(
            repo,
            "show",
            "HEAD:acme/development/shop/orders/orders-development/deployment-orders-development.yaml");
    ObjectNode deployment = Releases.parse(text);
    JsonNode top = deployment.at("/metadata/labels");
    assertThat(top.path("openchoreo.dev/managed-by").asText()).isEqualTo("release-controller");
    assertThat(top.path("openchoreo.dev/release-resource-id").asText())
        .isEqualTo("orders-development-deployment");
    assertThat(top.path("openchoreo.dev/release-uid").asText()).isEqualTo("uid-orders-development");
    assertThat(top.path("openchoreo.dev/release-name").asText()).isEqualTo("orders-development");
    assertThat(top.path("openchoreo.dev/release-namespace").asText()).isEqualTo("acme");
    assertThat(deployment.at("/metadata/annotations/openchoreo.dev~1release-generation").asText())
        .isEqualTo("4");
    for (String pointer : List.of("/spec/template/metadata/labels", "/spec/selector/matchLabels")) {
      assertThat(deployment.at(pointer).properties())
          .as(pointer)
          .hasSize(4)
          .noneMatch(e -> e.getKey().startsWith("openchoreo.dev/"));
    }
    assertThat(count(text, "openchoreo.dev/managed-by")).isEqualTo(1);

    // render key order (rendering.md §0.4): apiVersion, kind, metadata, spec; nested keys sorted
    String ns = orders.cellNamespace();
    assertThat(text)
        .isEqualTo(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                openchoreo.dev/release-generation: "4"
              labels:
                component-name: orders
                environment-name: development
                openchoreo.dev/managed-by: release-controller
                openchoreo.dev/release-name: orders-development
                openchoreo.dev/release-namespace: acme
                openchoreo.dev/release-resource-id: orders-development-deployment
                openchoreo.dev/release-uid: uid-orders-development
                organization-name: acme
                project-name: shop
              name: orders-development
              namespace: NS
            spec:
              replicas: 1
              selector:
                matchLabels:
                  component-name: orders
                  environment-name: development
                  organization-name: acme
                  project-name: shop
              template:
                metadata:
                  annotations:
                    openchoreo.dev/config-hash: sha256:0f0f
                  labels:
                    component-name: orders
                    environment-name: development
                    organization-name: acme
                    project-name: shop
                spec:
                  containers:
                    - image: IMAGE
                      name: main
                      ports:
                        - containerPort: 8080
                          name: ep-8080-tcp
                          protocol: TCP
                    - image: fluent/fluent-bit:3.0
                      name: log-shipper
            """
                .replace("NS", ns)
                .replace("IMAGE", IMAGE));
  }

  @Test
  void statusAndEmptyCreationTimestampAreNotWritten() {
    List<RenderedObject> objects = Releases.service(orders, IMAGE);
    ObjectNode service = objects.get(1).object();
    service.putObject("status").putObject("loadBalancer");
    ((ObjectNode) service.get("metadata")).putNull("creationTimestamp");

    applier.apply(Releases.content(orders, 1, objects));

    String text =
        git(
            repo,
            "show",
            "HEAD:acme/development/shop/orders/orders-development/service-orders-development.yaml");
    assertThat(text).doesNotContain("status").doesNotContain("creationTimestamp").endsWith("\n");
    assertThat(text.lines()).allMatch(l -> !l.startsWith("---"));
  }

  @Test
  void foreignFilesInTheReleaseDirectoryAreRemovedAtItsNextCommit() {
    applier.apply(Releases.content(orders, 1, Releases.service(orders, IMAGE)));
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "--quiet", repo.toString(), clone.toString());
    String dir = "acme/development/shop/orders/orders-development";
    writeFile(
        clone.resolve(dir + "/extra.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n");
    writeFile(clone.resolve("README.md"), "hand-written\n");
    git(clone, "add", ".");
    git(clone, "commit", "--quiet", "-m", "hand edit");
    git(clone, "push", "--quiet", "origin", "main");

    ApplyResult result =
        applier.apply(Releases.content(orders, 1, Releases.service(orders, IMAGE)));

    assertThat(result).isInstanceOf(ApplyResult.Committed.class);
    var committed = (ApplyResult.Committed) result;
    assertThat(committed.files().removed()).containsExactly(dir + "/extra.yaml");
    assertThat(committed.files().added()).isEmpty();
    assertThat(committed.objects())
        .filteredOn(o -> o.action() == ObjectResult.Action.DELETED)
        .extracting(ObjectResult::name)
        .containsExactly("extra");
    assertThat(lines(repo, "log", "--format=%s"))
        .containsExactly(
            "update shop/orders in development: revision 1 (Build build/orders-b1)",
            "hand edit",
            "deploy shop/orders in development: revision 1 (Build build/orders-b1)",
            "Initialize Troupe GitOps repository");
    // Files outside Troupe's directories are left alone.
    assertThat(git(repo, "show", "HEAD:README.md")).isEqualTo("hand-written\n");
  }

  @Test
  void theEnvironmentDirectoryIsAValidKustomization() {
    ReleaseRef inventory = Releases.ref("shop", "inventory", "development");
    applier.apply(Releases.content(orders, 1, Releases.service(orders, IMAGE)));
    applier.apply(Releases.content(inventory, 1, Releases.service(inventory, IMAGE)));
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "--quiet", repo.toString(), clone.toString());

    List<ObjectNode> built = Kustomize.build(clone.resolve("acme/development"));

    assertThat(built)
        .extracting(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText())
        .containsExactlyInAnyOrder(
            "Namespace/" + orders.cellNamespace(),
            "CiliumNetworkPolicy/orders-development-baseline",
            "Service/orders-development",
            "Deployment/orders-development",
            "HTTPRoute/orders-development-public",
            "CiliumNetworkPolicy/inventory-development-baseline",
            "Service/inventory-development",
            "Deployment/inventory-development",
            "HTTPRoute/inventory-development-public");
  }

  private static List<String> filesOf(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      List<String> out = new ArrayList<>();
      walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.startsWith(".git/"))
          .sorted()
          .forEach(out::add);
      return out;
    }
  }

  private static void writeFile(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
