package dev.troupe.engine.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Audit records for tests. */
final class AuditFixtures {
  static final Instant T0 = Instant.parse("2026-07-30T10:00:00Z");

  private AuditFixtures() {}

  /** A promotion record of {@code org} at {@code time}. */
  static AuditRecord promotion(String org, String action, Instant time) {
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("sourceEnvironment", "staging").put("targetEnvironment", "production");
    details.put("promotion", "orders-staging-to-production-7k2qd");
    details
        .putObject("artifact")
        .put("name", "orders-0123456789abcdef")
        .put("digest", "sha256:" + "ab".repeat(32));
    details.put("sourceRevision", 7);
    return new AuditRecord(
        0,
        time,
        new AuditRecord.Actor("bob@example.com", "User"),
        action,
        org,
        "shop",
        "orders",
        "production",
        "Promotion/orders-staging-to-production-7k2qd",
        "Approved",
        "LGTM",
        details);
  }

  /** An API record of {@code org} at {@code time}, without optional fields. */
  static AuditRecord api(String org, String action, Instant time) {
    return new AuditRecord(
        0,
        time,
        new AuditRecord.Actor("ci-bot", "Automation"),
        action,
        org,
        null,
        null,
        null,
        "Component/orders",
        "success",
        null,
        null);
  }
}
