package dev.troupe.cli.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.cli.remote.FakeApi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The revision table from an answer shaped like {@code GET …/revisions}. */
class HistoryTableTest {
  static final String REVISIONS =
      """
      currentRevision: 4
      items:
      - revision: 4
        deployableArtifact: orders-77c0aaaaaaaaaaaa
        images: {main: "ghcr.io/acme/orders:1.1"}
        reason: Rollback
        cause: {rolledBackTo: 2}
        by: bob
        createdAt: "2025-07-30T11:55:00Z"
        deployedAt: "2025-07-30T11:56:00Z"
      - revision: 3
        deployableArtifact: orders-c41dbbbbbbbbbbbb
        images: {main: "ghcr.io/acme/orders:1.2"}
        reason: Promotion
        cause: {promotion: orders-staging-to-production-7k2qd}
        by: alice
        createdAt: "2025-07-30T10:00:00Z"
      - revision: 2
        deployableArtifact: orders-77c0aaaaaaaaaaaa
        images: {main: "ghcr.io/acme/orders:1.1"}
        reason: Build
        cause: {build: orders-build-9f8e7d6c, commit: 1a2b3c4d5e6f7a8b}
        by: system:build-controller
        createdAt: "2025-07-29T12:00:00Z"
        deployedAt: "2025-07-29T12:01:00Z"
      """;

  @Test
  void newestFirstWithTheCurrentMarked() {
    String table =
        HistoryTable.of(FakeApi.yaml(REVISIONS), Instant.parse("2025-07-30T12:00:00Z")).render();

    List<List<String>> rows = table.lines().map(l -> List.of(l.split(" {3,}"))).toList();
    assertThat(rows)
        .containsExactly(
            List.of(
                "REVISION", "REASON", "CAUSE", "ARTIFACT", "IMAGE", "BY", "CREATED", "DEPLOYED"),
            List.of(
                "4*",
                "Rollback",
                "rollback to 2",
                "orders-77c0aaaaaaaaaaaa",
                "ghcr.io/acme/orders:1.1",
                "bob",
                "5m",
                "4m"),
            List.of(
                "3",
                "Promotion",
                "promotion/orders-staging-to-production-7k2qd",
                "orders-c41dbbbbbbbbbbbb",
                "ghcr.io/acme/orders:1.2",
                "alice",
                "120m",
                "<none>"),
            List.of(
                "2",
                "Build",
                "build/orders-build-9f8e7d6c, commit 1a2b3c4",
                "orders-77c0aaaaaaaaaaaa",
                "ghcr.io/acme/orders:1.1",
                "system:build-controller",
                "24h",
                "23h"));
  }

  @Test
  void aRevisionWithoutCauseShowsNone() {
    assertThat(HistoryTable.cause(FakeApi.yaml("{}"))).isEqualTo("<none>");
  }
}
