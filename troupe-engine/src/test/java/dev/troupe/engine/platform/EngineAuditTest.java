package dev.troupe.engine.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.engine.audit.AuditQuery;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.engine.audit.AuditSinks;
import dev.troupe.engine.audit.SqliteAuditLog;
import dev.troupe.engine.view.StoreView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine opens the audit log in its data directory, hands it to the controllers (promotion
 * records, the promotion ledger in the embedded repository, orphaned cleanups) and closes it last.
 */
class EngineAuditTest {
  @TempDir Path dir;

  private static final String PROMOTION = "greeter-development-to-staging-a1b2c";

  @Test
  void theEngineKeepsTheAuditLogInItsDataDirectoryAndFeedsItFromTheControllers() throws Exception {
    Path data = dir.resolve("data");
    try (Engine engine = Engine.open(data).start()) {
      assertThat(engine.audit()).isInstanceOf(SqliteAuditLog.class);
      assertThat(((SqliteAuditLog) engine.audit()).file())
          .isEqualTo(data.resolve("audit.db").toAbsolutePath());
      assertThat(AuditSinks.of(engine.store())).isSameAs(engine.audit());

      admit(engine, Identity.localUser(), ORGANIZATION);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> engine.store().find("ServiceClass", "acme", "default").isPresent());
      engine.awaitIdle(Duration.ofSeconds(30));
      admit(engine, Identity.developer("alice@example.com"), GREETER);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  engine
                      .store()
                      .find("ServiceBinding", "acme", "greeter")
                      .filter(b -> b.path("status").path("currentRevision").asLong() == 1)
                      .filter(b -> b.toString().contains("\"type\":\"Ready\",\"status\":\"True\""))
                      .isPresent());
      admit(engine, Identity.developer("alice@example.com"), PROMOTE);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  engine
                      .store()
                      .get("Promotion", "acme", PROMOTION)
                      .path("status")
                      .path("phase")
                      .asText()
                      .equals("Applied"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> promotionRecords(engine.audit().query(AuditQuery.all())).size() == 3);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  subjects(data.resolve("gitops/acme/default.git")).stream()
                      .anyMatch(s -> s.startsWith("promotion.applied: greeter development")));
    }

    // Closed with the engine, and still there when the data directory is opened again.
    try (SqliteAuditLog log = SqliteAuditLog.openIn(data)) {
      List<AuditRecord> records = promotionRecords(log.query(AuditQuery.all()));
      assertThat(records)
          .extracting(AuditRecord::action)
          .containsExactly("promotion.requested", "promotion.approved", "promotion.applied");
      assertThat(records.getFirst().actor().user()).isEqualTo("alice@example.com");
      assertThat(records).allSatisfy(r -> assertThat(r.organization()).isEqualTo("acme"));
    }
  }

  private static List<AuditRecord> promotionRecords(List<AuditRecord> all) {
    return all.stream().filter(r -> ("Promotion/" + PROMOTION).equals(r.target())).toList();
  }

  private static List<String> subjects(Path repository) throws Exception {
    try (Repository repo = new FileRepositoryBuilder().setGitDir(repository.toFile()).build();
        RevWalk walk = new RevWalk(repo)) {
      var head = repo.resolve("refs/heads/main");
      if (head == null) {
        return List.of();
      }
      walk.markStart(walk.parseCommit(head));
      return java.util.stream.StreamSupport.stream(walk.spliterator(), false)
          .map(RevCommit::getShortMessage)
          .toList();
    }
  }

  private static void admit(Engine engine, Identity who, String yaml) {
    AdmissionResult r =
        Admission.admit(
            DocumentReader.readYaml("test.yaml", yaml),
            new AdmissionOptions(
                AdmissionContext.Mode.SINGLE, "acme", who, new StoreView(engine.store())));
    assertThat(r.errors()).isEmpty();
    for (AdmittedObject o : r.objects()) {
      engine.store().create(o.tree());
    }
  }

  private static final String ORGANIZATION =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Organization
      metadata: {name: acme}
      spec: {starterKit: {enabled: true}}
      """;

  private static final String GREETER =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: greeter, namespace: acme}
      spec:
        owner: {projectName: default}
        type: Service
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: greeter, namespace: acme}
      spec:
        owner: {projectName: default, componentName: greeter}
        containers:
          main: {image: "ghcr.io/example/greeter:1.0.0"}
        endpoints:
          http: {type: REST, port: 8080}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata: {name: greeter, namespace: acme}
      spec:
        owner: {projectName: default, componentName: greeter}
        workloadName: greeter
        className: default
      """;

  private static final String PROMOTE =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Promotion
      metadata: {name: %s, namespace: acme}
      spec:
        owner: {projectName: default, componentName: greeter}
        sourceEnvironment: development
        targetEnvironment: staging
      """
          .formatted(PROMOTION);
}
