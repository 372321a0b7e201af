package dev.troupe.engine.gitops;

import static dev.troupe.engine.gitops.GitCli.git;
import static dev.troupe.engine.gitops.GitCli.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.engine.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promotion ledger in a gitops repository: one file per Promotion outside the manifests, one
 * commit per audit record, checked with the real git executable.
 */
class PromotionLedgerFileTest {
  private static final String PROMOTION = "orders-staging-to-production-7k2qd";
  private static final String FILE = "promotions/acme/shop/orders/" + PROMOTION + ".yaml";
  private static final Instant T0 = Instant.parse("2026-07-30T10:00:00Z");

  @TempDir Path tmp;
  private Path repo;
  private GitOpsApplier applier;

  @BeforeEach
  void open() {
    repo = tmp.resolve("gitops/acme/dp.git");
    applier =
        new GitOpsApplier(
            GitOpsTarget.local(repo, "main", ""),
            new CommitAuthor("Troupe", "troupe@acme.dev"),
            new Releases.TestClock("2026-07-30T12:00:00Z"));
  }

  @AfterEach
  void close() {
    applier.close();
  }

  static AuditRecord record(
      String action, Instant time, String user, String kind, String outcome, String comment) {
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("sourceEnvironment", "staging").put("targetEnvironment", "production");
    details.put("promotion", PROMOTION);
    details
        .putObject("artifact")
        .put("name", "orders-0123456789abcdef")
        .put("digest", Releases.DIGEST);
    details.put("sourceRevision", 7);
    if (outcome.equals("Applied")) {
      details.put("targetRevision", 3);
    }
    return new AuditRecord(
        0,
        time,
        new AuditRecord.Actor(user, kind),
        action,
        "acme",
        "shop",
        "orders",
        "production",
        "Promotion/" + PROMOTION,
        outcome,
        comment,
        details);
  }

  static List<AuditRecord> trail() {
    return List.of(
        record("promotion.requested", T0, "alice@example.com", "User", "Pending", "release 1.4"),
        record(
            "promotion.approved",
            T0.plusSeconds(60),
            "bob@example.com",
            "User",
            "Approved",
            "LGTM"),
        record(
            "promotion.applied",
            T0.plusSeconds(61),
            "system:troupe",
            "Automation",
            "Applied",
            "ServiceBinding \"orders-production\" at revision 3"));
  }

  @Test
  void eachRecordIsACommitOfItsOwnTellingWhoDidWhat() {
    applier.apply(
        Releases.content(
            Releases.ref("shop", "orders", "production"),
            1,
            Releases.service(Releases.ref("shop", "orders", "production"), "orders:1")));
    List<AuditRecord> trail = trail();

    assertThat(PromotionLedgerFile.sync(applier, trail.subList(0, 1))).hasSize(1);
    assertThat(PromotionLedgerFile.sync(applier, trail)).hasSize(2);

    assertThat(lines(repo, "log", "--format=%s", "main"))
        .containsExactly(
            "promotion.applied: orders staging → production by system:troupe (Automation):"
                + " \"ServiceBinding \"orders-production\" at revision 3\"",
            "promotion.approved: orders staging → production by bob@example.com (User): \"LGTM\"",
            "promotion.requested: orders staging → production by alice@example.com (User):"
                + " \"release 1.4\"",
            "deploy shop/orders in production: revision 1 (Build build/orders-b1)",
            "Initialize Troupe GitOps repository");
    assertThat(git(repo, "log", "-1", "--format=%b", "main"))
        .isEqualTo(
            """
            Organization: acme
            Project: shop
            Promotion: orders-staging-to-production-7k2qd
            Phase: Applied
            Deployable-Artifact: orders-0123456789abcdef DIGEST
            Source-Revision: 7
            Target-Revision: 3

            """
                .replace("DIGEST", Releases.DIGEST));
    assertThat(git(repo, "log", "-1", "--format=%(trailers:key=Phase,valueonly)", "main~1"))
        .isEqualTo("Approved\n\n");
  }

  @Test
  void theFileHoldsTheTrailAndIsNoManifest() {
    PromotionLedgerFile.sync(applier, trail());
    String file = git(repo, "show", "main:" + FILE);
    assertThat(file)
        .isEqualTo(
            """
            # Troupe promotion ledger: the audit records of one Promotion, oldest first \
            (docs/gitops.md).
            # Written by the platform; not a Kubernetes object, and no kustomization lists it.
            promotion: orders-staging-to-production-7k2qd
            organization: acme
            project: shop
            component: orders
            sourceEnvironment: staging
            targetEnvironment: production
            sourceRevision: 7
            artifact:
              name: orders-0123456789abcdef
              digest: DIGEST
            phase: Applied
            targetRevision: 3
            records:
              - action: promotion.requested
                time: 2026-07-30T10:00:00Z
                actor:
                  user: alice@example.com
                  identityKind: User
                outcome: Pending
                comment: release 1.4
              - action: promotion.approved
                time: 2026-07-30T10:01:00Z
                actor:
                  user: bob@example.com
                  identityKind: User
                outcome: Approved
                comment: LGTM
              - action: promotion.applied
                time: 2026-07-30T10:01:01Z
                actor:
                  user: system:troupe
                  identityKind: Automation
                outcome: Applied
                comment: ServiceBinding "orders-production" at revision 3
            """
                .replace("DIGEST", Releases.DIGEST));
    var doc = DocumentReader.readYaml("ledger", file).getFirst().tree();
    assertThat(doc.has("apiVersion") || doc.has("kind")).as("not a Kubernetes object").isFalse();
    assertThat(PromotionLedgerFile.entries(file.getBytes(StandardCharsets.UTF_8))).isEqualTo(3);
  }

  @Test
  void syncingAgainOrWithAnOlderTrailCommitsNothing() {
    List<AuditRecord> trail = trail();
    PromotionLedgerFile.sync(applier, trail);
    String head = git(repo, "rev-parse", "main").strip();

    assertThat(PromotionLedgerFile.sync(applier, trail)).isEmpty();
    assertThat(PromotionLedgerFile.sync(applier, trail.subList(0, 2)))
        .as("a ledger never goes back")
        .isEmpty();
    assertThat(git(repo, "rev-parse", "main").strip()).isEqualTo(head);
  }

  @Test
  void theLedgerStaysOutOfTheManifestsAndTheirIndexes() {
    var production = Releases.ref("shop", "orders", "production");
    applier.apply(Releases.content(production, 1, Releases.service(production, "orders:1")));
    PromotionLedgerFile.sync(applier, trail());
    applier.apply(Releases.content(production, 2, Releases.service(production, "orders:2")));

    assertThat(lines(repo, "ls-tree", "-r", "--name-only", "main"))
        .filteredOn(p -> p.startsWith("promotions/"))
        .containsExactly(FILE);
    assertThat(git(repo, "show", "main:acme/production/kustomization.yaml"))
        .doesNotContain("promotion");
    assertThat(git(repo, "show", "main:acme/production/shop/kustomization.yaml"))
        .doesNotContain("promotion");
    assertThat(lines(repo, "log", "-1", "--format=%s", "main"))
        .containsExactly("update shop/orders in production: revision 2 (Build build/orders-b1)");
  }

  @Test
  void theLedgerMovesAsideWhenTheManifestsWouldShareItsDirectory() {
    AuditRecord r = trail().getFirst();
    assertThat(PromotionLedgerFile.path(applier.target(), r)).isEqualTo(FILE);
    assertThat(PromotionLedgerFile.path(GitOpsTarget.local(repo, "main", "clusters/eu"), r))
        .isEqualTo(FILE);
    assertThat(PromotionLedgerFile.path(GitOpsTarget.local(repo, "main", "promotions/eu"), r))
        .isEqualTo(".promotions/acme/shop/orders/" + PROMOTION + ".yaml");
    AuditRecord inPromotionsOrg =
        new AuditRecord(
            0,
            T0,
            r.actor(),
            r.action(),
            "promotions",
            "shop",
            "orders",
            "production",
            r.target(),
            r.outcome(),
            null,
            r.details());
    assertThat(PromotionLedgerFile.path(applier.target(), inPromotionsOrg))
        .isEqualTo(".promotions/promotions/shop/orders/" + PROMOTION + ".yaml");
  }

  @Test
  void committedFilesAndPathsAreChecked() {
    assertThat(applier.readFile("notes/a.txt")).isEmpty();
    assertThat(applier.commitFile("notes/a.txt", "one\n".getBytes(), "add a")).isPresent();
    assertThat(applier.commitFile("notes/a.txt", "one\n".getBytes(), "add a again")).isEmpty();
    assertThat(applier.readFile("notes/a.txt"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo("one\n".getBytes()));
    assertThat(lines(repo, "log", "--format=%s", "main"))
        .containsExactly("add a", "Initialize Troupe GitOps repository");
    for (String bad : List.of("", "/abs", "a/../b", ".git/config", "a//b", "dir/")) {
      assertThatThrownBy(() -> applier.commitFile(bad, new byte[0], "x"))
          .as(bad)
          .isInstanceOf(GitOpsException.class)
          .hasMessageContaining("invalid repository file path");
    }
  }
}
