package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.remote.Age;
import dev.troupe.cli.remote.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The revision table of {@code troupe history} (delivery.md §9.2): REVISION, REASON, CAUSE,
 * ARTIFACT, IMAGE, BY, CREATED, DEPLOYED, newest first; {@code *} after the current revision.
 */
final class HistoryTable {
  static final List<String> HEADERS =
      List.of("REVISION", "REASON", "CAUSE", "ARTIFACT", "IMAGE", "BY", "CREATED", "DEPLOYED");
  private static final String NONE = "<none>";

  private HistoryTable() {}

  /** The table of a {@code GET …/revisions} answer: {@code {currentRevision, items}}. */
  static Table of(JsonNode revisions, Instant now) {
    String current = revisions.path("currentRevision").asText("");
    Table t = new Table(HEADERS);
    for (JsonNode e : revisions.path("items")) {
      String revision = e.path("revision").asText("");
      t.add(
          List.of(
              revision + (revision.equals(current) ? "*" : ""),
              orNone(e.path("reason").asText("")),
              cause(e.path("cause")),
              orNone(e.path("deployableArtifact").asText("")),
              orNone(images(e.path("images"))),
              orNone(e.path("by").asText("")),
              age(e.path("createdAt"), now),
              age(e.path("deployedAt"), now)));
    }
    return t;
  }

  /**
   * What caused a revision: {@code build/NAME (commit 1a2b3c4)}, {@code promotion/NAME} or {@code
   * rollback to 2}.
   */
  static String cause(JsonNode cause) {
    List<String> parts = new ArrayList<>();
    String build = cause.path("build").asText("");
    String commit = cause.path("commit").asText("");
    if (!build.isEmpty()) {
      parts.add("build/" + build);
    }
    if (!commit.isEmpty()) {
      parts.add("commit " + (commit.length() > 7 ? commit.substring(0, 7) : commit));
    }
    String promotion = cause.path("promotion").asText("");
    if (!promotion.isEmpty()) {
      parts.add("promotion/" + promotion);
    }
    if (cause.hasNonNull("rolledBackTo")) {
      parts.add("rollback to " + cause.path("rolledBackTo").asText());
    }
    return parts.isEmpty() ? NONE : String.join(", ", parts);
  }

  private static String images(JsonNode images) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : images.properties()) {
      out.add(e.getValue().asText());
    }
    return String.join(",", out);
  }

  private static String age(JsonNode timestamp, Instant now) {
    String t = timestamp.asText("");
    return t.isEmpty() ? NONE : Age.since(t, now);
  }

  private static String orNone(String s) {
    return s.isEmpty() ? NONE : s;
  }
}
