package dev.troupe.engine.audit;

import static dev.troupe.engine.audit.AuditFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The JSON form of audit records shared by the server and the CLI. */
class AuditRecordsTest {
  @Test
  void aPromotionRecordIsWrittenAsTheContractSays() {
    AuditRecord r = AuditFixtures.promotion("acme", "promotion.approved", T0).withSequence(42);
    ObjectNode json = AuditRecords.toJson(r);
    assertThat(json.toString())
        .isEqualTo(
            "{\"sequence\":42,\"time\":\"2026-07-30T10:00:00Z\","
                + "\"actor\":{\"user\":\"bob@example.com\",\"identityKind\":\"User\"},"
                + "\"action\":\"promotion.approved\",\"organization\":\"acme\","
                + "\"project\":\"shop\",\"component\":\"orders\",\"environment\":\"production\","
                + "\"target\":\"Promotion/orders-staging-to-production-7k2qd\","
                + "\"outcome\":\"Approved\",\"comment\":\"LGTM\","
                + "\"details\":{\"sourceEnvironment\":\"staging\","
                + "\"targetEnvironment\":\"production\","
                + "\"promotion\":\"orders-staging-to-production-7k2qd\","
                + "\"artifact\":{\"name\":\"orders-0123456789abcdef\",\"digest\":\"sha256:"
                + "ab".repeat(32)
                + "\"},\"sourceRevision\":7}}");
    assertThat(AuditRecords.fromJson(json)).isEqualTo(r);
    assertThat(AuditRecords.fromJson(AuditRecords.toJsonText(r))).isEqualTo(r);
  }

  @Test
  void absentValuesAreOmittedAndReadBackAsAbsent() {
    AuditRecord r = AuditFixtures.api("", "api.create", T0.plusNanos(5));
    ObjectNode json = AuditRecords.toJson(r);
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly("sequence", "time", "actor", "action", "target", "outcome");
    assertThat(json.path("time").asText()).isEqualTo("2026-07-30T10:00:00.000000005Z");
    AuditRecord back = AuditRecords.fromJson(json);
    assertThat(back).isEqualTo(r);
    assertThat(back.organization()).isEmpty();
    assertThat(back.details()).isNull();
  }

  @Test
  void offsetTimesAreRead() {
    AuditRecord r =
        AuditRecords.fromJson(
            "{\"time\":\"2026-07-30T12:00:00+02:00\",\"actor\":{\"user\":\"a\","
                + "\"identityKind\":\"User\"},\"action\":\"x\",\"outcome\":\"success\"}");
    assertThat(r.time()).isEqualTo(T0);
    assertThat(r.sequence()).isZero();
  }

  @Test
  void invalidRecordsNameTheField() {
    assertThatThrownBy(() -> AuditRecords.fromJson("[]"))
        .hasMessage("an audit record must be a JSON object");
    assertThatThrownBy(() -> AuditRecords.fromJson("{"))
        .hasMessageStartingWith("an audit record must be JSON");
    assertThatThrownBy(
            () ->
                AuditRecords.fromJson(
                    "{\"time\":\"2026-07-30T10:00:00Z\",\"actor\":{\"user\":\"a\"},"
                        + "\"action\":\"x\",\"outcome\":\"success\"}"))
        .hasMessage("audit record field actor.identityKind: missing");
    assertThatThrownBy(
            () ->
                AuditRecords.fromJson(
                    "{\"time\":\"yesterday\",\"actor\":{\"user\":\"a\",\"identityKind\":\"User\"},"
                        + "\"action\":\"x\",\"outcome\":\"success\"}"))
        .hasMessageStartingWith("audit record field time: expected an RFC 3339 time");
    assertThatThrownBy(
            () ->
                AuditRecords.fromJson(
                    "{\"time\":\"2026-07-30T10:00:00Z\",\"actor\":{\"user\":\"a\","
                        + "\"identityKind\":\"User\"},\"action\":\"x\",\"outcome\":1}"))
        .hasMessage("audit record field outcome: expected a string");
  }
}
