package dev.troupe.engine.controllers.delivery;

import static dev.troupe.engine.controllers.delivery.DeliveryFixture.ALICE;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.BOB;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.NS;
import static dev.troupe.engine.controllers.delivery.DeliveryFixture.PLATFORM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.audit.AuditLog;
import dev.troupe.engine.audit.AuditQuery;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.engine.audit.AuditSink;
import dev.troupe.engine.audit.SqliteAuditLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit records of delivery.md §3.6 in the durable log, on the full delivery chain: one per
 * state change, with its actor, time, place and details, exactly once even when the process dies
 * between the status write and the append.
 */
class PromotionAuditTest {
  static final String TO_STAGING = "greeter-development-to-staging-a1b2c";
  static final String TO_PRODUCTION = "greeter-staging-to-production-d3e4f";

  @TempDir Path dir;
  DeliveryFixture f;
  SqliteAuditLog log;

  @AfterEach
  void stop() {
    if (f != null) {
      f.close();
    }
    if (log != null) {
      log.close();
    }
  }

  private DeliveryFixture started(AuditSink sink) {
    f = new DeliveryFixture(dir, sink).start(true);
    return f;
  }

  /** The records about Promotion {@code name}, oldest first. */
  static List<AuditRecord> records(AuditLog log, String name) {
    return log.query(new AuditQuery(NS, null, 0, "promotion.", 1000)).stream()
        .filter(r -> ("Promotion/" + name).equals(r.target()))
        .toList();
  }

  static List<String> actions(AuditLog log, String name) {
    return records(log, name).stream().map(AuditRecord::action).toList();
  }

  private static Instant instant(JsonNode n) {
    return Instant.parse(n.asText());
  }

  @Test
  void eachStateChangeIsOneRecordWithItsActorTimeAndDetails() {
    log = SqliteAuditLog.openIn(dir);
    started(log);
    String artifact = f.binding("greeter").path("spec").path("deployableArtifactRef").asText();
    String digest =
        f.store.get("DeployableArtifact", NS, artifact).path("spec").path("digest").asText();

    f.promote(ALICE, TO_STAGING, "development", "staging", "  reason: first release\n");
    ObjectNode staging = f.awaitPhase(TO_STAGING, "Applied");
    f.awaitIdle();
    List<AuditRecord> r = records(log, TO_STAGING);
    assertThat(r)
        .extracting(AuditRecord::action)
        .containsExactly("promotion.requested", "promotion.approved", "promotion.applied");
    assertThat(r).extracting(AuditRecord::sequence).isSorted();
    AuditRecord requested = r.get(0);
    assertThat(requested.actor()).isEqualTo(new AuditRecord.Actor("alice@example.com", "User"));
    assertThat(requested.outcome()).isEqualTo("Pending");
    assertThat(requested.comment()).isEqualTo("first release");
    assertThat(requested.time()).isEqualTo(instant(staging.at("/status/requestedAt")));
    assertThat(requested.organization()).isEqualTo(NS);
    assertThat(requested.project()).isEqualTo("default");
    assertThat(requested.component()).isEqualTo("greeter");
    assertThat(requested.environment()).isEqualTo("staging");
    assertThat(requested.target()).isEqualTo("Promotion/" + TO_STAGING);
    assertThat(requested.details().toString())
        .isEqualTo(
            "{\"sourceEnvironment\":\"development\",\"targetEnvironment\":\"staging\","
                + "\"promotion\":\""
                + TO_STAGING
                + "\","
                + "\"artifact\":{\"name\":\""
                + artifact
                + "\",\"digest\":\""
                + digest
                + "\"},"
                + "\"sourceRevision\":1}");
    AuditRecord approved = r.get(1);
    assertThat(approved.actor()).isEqualTo(AuditRecord.Actor.platform());
    assertThat(approved.outcome()).isEqualTo("Approved");
    assertThat(approved.comment()).isEqualTo("no approval required");
    assertThat(approved.time()).isEqualTo(instant(staging.at("/status/approvedAt")));
    AuditRecord applied = r.get(2);
    assertThat(applied.actor()).isEqualTo(AuditRecord.Actor.platform());
    assertThat(applied.outcome()).isEqualTo("Applied");
    assertThat(applied.comment()).isEqualTo("ServiceBinding \"greeter-staging\" at revision 1");
    assertThat(applied.details().path("targetRevision").asLong()).isEqualTo(1);
    assertThat(applied.time()).isAfterOrEqualTo(approved.time());

    f.awaitReady("greeter-staging");
    f.promote(ALICE, TO_PRODUCTION, "staging", "production", "  reason: release 1.0\n");
    f.awaitIdle();
    assertThat(actions(log, TO_PRODUCTION)).containsExactly("promotion.requested");
    f.decide(TO_PRODUCTION, BOB, "Approve", "LGTM");
    ObjectNode production = f.awaitPhase(TO_PRODUCTION, "Applied");
    f.awaitIdle();
    r = records(log, TO_PRODUCTION);
    assertThat(r)
        .extracting(AuditRecord::action)
        .containsExactly("promotion.requested", "promotion.approved", "promotion.applied");
    approved = r.get(1);
    assertThat(approved.actor()).isEqualTo(new AuditRecord.Actor("bob@example.com", "User"));
    assertThat(approved.comment()).isEqualTo("LGTM");
    assertThat(approved.environment()).isEqualTo("production");
    assertThat(approved.time())
        .isEqualTo(instant(production.at("/status/decisions/0/time")))
        .isEqualTo(instant(production.at("/status/approvedAt")));

    // A controller restart finds every record in the log and appends none again.
    f.restartPromotions(log);
    f.awaitIdle();
    assertThat(log.query(new AuditQuery(NS, null, 0, "promotion.", 1000))).hasSize(6);
  }

  @Test
  void decisionsExpiryAndPlatformWithdrawalNameWhoEndedThePromotion() {
    log = SqliteAuditLog.openIn(dir);
    started(log);
    f.promote(ALICE, TO_STAGING, "development", "staging", "");
    f.awaitPhase(TO_STAGING, "Applied");
    f.awaitReady("greeter-staging");

    String rejected = "greeter-staging-to-production-r1r1r";
    f.promote(ALICE, rejected, "staging", "production", "");
    f.awaitPhase(rejected, "Pending");
    f.decide(rejected, BOB, "Reject", "not during the freeze");
    f.awaitPhase(rejected, "Rejected");

    String withdrawn = "greeter-staging-to-production-w2w2w";
    f.promote(ALICE, withdrawn, "staging", "production", "");
    f.awaitPhase(withdrawn, "Pending");
    f.decide(withdrawn, ALICE, "Reject", "wrong build");
    f.awaitPhase(withdrawn, "Rejected");

    String expired = "greeter-staging-to-production-e3e3e";
    f.promote(ALICE, expired, "staging", "production", "  expiresAfter: 2s\n");
    ObjectNode e = f.awaitPhase(expired, "Expired");

    String removed = "greeter-staging-to-production-p4p4p";
    f.promote(ALICE, removed, "staging", "production", "");
    f.awaitPhase(removed, "Pending");
    f.edit(
        PLATFORM,
        "DeploymentPipeline",
        "default",
        pl -> ((ArrayNode) pl.path("spec").path("promotionPaths")).remove(1));
    f.awaitPhase(removed, "Rejected");
    f.awaitIdle();

    AuditRecord r = records(log, rejected).getLast();
    assertThat(r.action()).isEqualTo("promotion.rejected");
    assertThat(r.actor()).isEqualTo(new AuditRecord.Actor("bob@example.com", "User"));
    assertThat(r.outcome()).isEqualTo("Rejected");
    assertThat(r.comment()).isEqualTo("not during the freeze");

    r = records(log, withdrawn).getLast();
    assertThat(r.action()).isEqualTo("promotion.withdrawn");
    assertThat(r.actor()).isEqualTo(new AuditRecord.Actor("alice@example.com", "User"));
    assertThat(r.comment()).isEqualTo("wrong build");

    assertThat(actions(log, expired)).containsExactly("promotion.requested", "promotion.expired");
    r = records(log, expired).getLast();
    assertThat(r.actor()).isEqualTo(AuditRecord.Actor.platform());
    assertThat(r.outcome()).isEqualTo("Expired");
    assertThat(r.time()).isEqualTo(instant(e.at("/status/expiresAt")));

    assertThat(actions(log, removed)).containsExactly("promotion.requested", "promotion.withdrawn");
    r = records(log, removed).getLast();
    assertThat(r.actor()).isEqualTo(AuditRecord.Actor.platform());
    assertThat(r.outcome()).isEqualTo("Rejected");
    assertThat(r.comment()).startsWith("PathRemoved: no promotion path from \"staging\"");
    for (String p : List.of(rejected, withdrawn)) {
      assertThat(actions(log, p)).hasSize(2).first().isEqualTo("promotion.requested");
    }
  }

  @Test
  void anApprovedPromotionThatFailsIsRecordedAsFailed() {
    log = SqliteAuditLog.openIn(dir);
    f = new DeliveryFixture(dir, log).start(false);
    f.promote(ALICE, TO_STAGING, "development", "staging", "");
    f.awaitIdle();
    ObjectNode p = f.promotion(TO_STAGING);
    ObjectNode status = p.putObject("status");
    status.put("phase", "Approved");
    status.put("requestedAt", "2026-07-30T10:00:00Z");
    status.putObject("gate").put("requiresApproval", false).put("manualOnly", false);
    status.put("requiredApprovals", 0);
    f.store.updateStatus(p);
    f.edit(
        PLATFORM,
        "DeploymentPipeline",
        "default",
        pl ->
            ((ObjectNode)
                    pl.path("spec")
                        .path("promotionPaths")
                        .get(0)
                        .path("targetEnvironmentRefs")
                        .get(0))
                .put("requiresApproval", true));

    f.startPromotions();
    f.awaitPhase(TO_STAGING, "Failed");
    f.awaitIdle();
    List<AuditRecord> r = records(log, TO_STAGING);
    assertThat(r)
        .extracting(AuditRecord::action)
        .containsExactly("promotion.requested", "promotion.failed");
    assertThat(r.get(0).time()).isEqualTo(Instant.parse("2026-07-30T10:00:00Z"));
    assertThat(r.get(1).actor()).isEqualTo(AuditRecord.Actor.platform());
    assertThat(r.get(1).outcome()).isEqualTo("Failed");
    assertThat(r.get(1).comment()).startsWith("GateChanged: the edge development → staging");
  }

  /**
   * A log the process cannot reach while {@code dead}: as if it died right after a status write.
   */
  static final class Dying implements AuditSink {
    private final AuditSink log;
    volatile boolean dead = true;

    Dying(AuditSink log) {
      this.log = log;
    }

    @Override
    public AuditRecord append(AuditRecord record) {
      return appendOnce("no-key-" + System.nanoTime(), record).orElseThrow();
    }

    @Override
    public Optional<AuditRecord> appendOnce(String key, AuditRecord record) {
      if (dead) {
        throw new IllegalStateException("the process died before appending " + record.action());
      }
      return log.appendOnce(key, record);
    }
  }

  @Test
  void recordsLostBetweenTheStatusWriteAndTheAppendAreAppendedOnceAfterARestart() {
    log = SqliteAuditLog.openIn(dir);
    started(new Dying(log));
    f.promote(ALICE, TO_STAGING, "development", "staging", "");
    // The pass wrote Approved, then "died": no record, and it stops there.
    ObjectNode approved = f.awaitPhase(TO_STAGING, "Approved");
    assertThat(records(log, TO_STAGING)).isEmpty();

    f.restartPromotions(log);
    f.awaitPhase(TO_STAGING, "Applied");
    f.awaitIdle();
    List<AuditRecord> r = records(log, TO_STAGING);
    assertThat(r)
        .extracting(AuditRecord::action)
        .containsExactly("promotion.requested", "promotion.approved", "promotion.applied");
    assertThat(r.get(0).time())
        .as("the time the status recorded, not the time of the late append")
        .isEqualTo(instant(approved.at("/status/requestedAt")));
    assertThat(r.get(1).time()).isEqualTo(instant(approved.at("/status/approvedAt")));

    f.restartPromotions(log);
    f.awaitIdle();
    assertThat(records(log, TO_STAGING)).isEqualTo(r);
  }

  @Test
  void withoutAnAuditLogTheControllerWritesEventsOnly() {
    f = new DeliveryFixture(dir).start(true);
    f.promote(ALICE, TO_STAGING, "development", "staging", "");
    f.awaitPhase(TO_STAGING, "Applied");
    f.awaitIdle();
    assertThat(f.events(TO_STAGING))
        .containsExactly("PromotionRequested", "PromotionApproved", "PromotionApplied");
    assertThat(dir.resolve(SqliteAuditLog.FILE)).doesNotExist();
    assertThat(Git.lines(f.repository(), "ls-tree", "-r", "--name-only", "main"))
        .as("no promotion ledger either")
        .noneMatch(path -> path.startsWith("promotions/"))
        .anyMatch(path -> path.startsWith("default/staging/"));
  }
}
