package dev.troupe.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.troupe.api.codec.Codec;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.remote.DurationConverter;
import dev.troupe.cli.remote.RemoteCommand;
import dev.troupe.cli.remote.Table;
import dev.troupe.cli.remote.UsageError;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code troupe audit}: the audit log of an organization (or, with {@code -A}, of all), oldest
 * first: every write through the API, every promotion decision and delivery verb, with who, what,
 * when and the outcome.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Show the audit log of an organization: who wrote what through the API, promotion"
          + " decisions, rollbacks, suspends and undeploys, oldest first.",
      ""
    },
    footer = {
      "",
      "Columns: TIME, ACTOR, ACTION, TARGET, OUTCOME (ORGANIZATION first with -A).",
      "Needs the platform-engineer (or admin) role in the organization; -A needs it on every"
          + " organization.",
      "",
      "Examples:",
      "  troupe audit --since 1h",
      "  troupe audit --action promotion. -n acme",
      "  troupe audit -A --since 2026-01-02T00:00:00Z -o json"
    })
public final class AuditCommand extends RemoteCommand {
  /** The formats of this command. */
  enum Format {
    table,
    json
  }

  private static final int PAGE = 500;

  @Option(
      names = "--since",
      paramLabel = "DURATION|TIME",
      description =
          "Only records of the last DURATION (e.g. 30m, 24h) or since TIME (RFC 3339, e.g."
              + " 2026-01-02T15:04:05Z).")
  String since;

  @Option(
      names = "--action",
      paramLabel = "PREFIX",
      description = "Only actions starting with PREFIX, e.g. promotion. or api.delete.")
  String action;

  @Option(
      names = {"-A", "--all-organizations"},
      description = "The records of every organization (and of none, such as user management).")
  boolean all;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format output;

  /** The time source of {@code --since DURATION}; replaced in tests. */
  Clock clock = Clock.systemUTC();

  @Override
  protected int execute() {
    Instant from = since == null ? null : since(since, clock.instant());
    ApiClient client = remote.client();
    String path =
        all ? "/api/v1/audit" : ApiClient.path("api", "v1", "orgs", remote.org(), "audit");
    List<JsonNode> records = new ArrayList<>();
    String after = null;
    do {
      Map<String, String> query = new LinkedHashMap<>();
      if (from != null) {
        query.put("since", from.toString());
      }
      if (action != null && !action.isBlank()) {
        query.put("action", action);
      }
      if (after != null) {
        query.put("after", after);
      }
      query.put("limit", Integer.toString(PAGE));
      JsonNode page = client.getJson(path, query);
      page.path("items").forEach(records::add);
      JsonNode next = page.path("next");
      after = next.isNumber() ? next.asText() : null;
    } while (after != null);
    if (output == Format.json) {
      ArrayNode items = JsonNodeFactory.instance.arrayNode();
      records.forEach(items::add);
      out().println(Codec.toJson(items));
      return OK;
    }
    List<String> headers = new ArrayList<>(List.of("TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME"));
    if (all) {
      headers.add(0, "ORGANIZATION");
    }
    Table table = new Table(headers);
    for (JsonNode r : records) {
      List<String> row = new ArrayList<>();
      if (all) {
        row.add(r.path("organization").asText("-"));
      }
      row.add(Users.seconds(r.path("time").asText()));
      row.add(actor(r.path("actor")));
      row.add(r.path("action").asText());
      row.add(r.path("target").asText(""));
      row.add(r.path("outcome").asText());
      table.add(row);
    }
    if (table.isEmpty()) {
      err()
          .println(
              "No audit records"
                  + (all ? "" : " in organization \"" + remote.org() + "\"")
                  + (since == null ? "" : " since " + from)
                  + ".");
    } else {
      out().print(table.render());
    }
    return OK;
  }

  private static String actor(JsonNode actor) {
    String user = actor.path("user").asText("");
    return "Automation".equals(actor.path("identityKind").asText()) ? user + " (automation)" : user;
  }

  /** {@code --since}: a duration back from {@code now}, or an RFC 3339 time. */
  static Instant since(String value, Instant now) {
    String v = value.strip();
    if (!v.isEmpty() && Character.isDigit(v.charAt(v.length() - 1)) && !v.contains("T")) {
      throw new UsageError(
          "--since \"" + value + "\": a duration needs a unit (ms, s, m, h), e.g. 30m or 24h");
    }
    if (v.contains("T")) {
      try {
        return OffsetDateTime.parse(v).toInstant();
      } catch (DateTimeParseException e) {
        throw new UsageError(
            "--since \"" + value + "\": expected an RFC 3339 time such as 2026-01-02T15:04:05Z");
      }
    }
    try {
      return now.minus(new DurationConverter().convert(v)).truncatedTo(ChronoUnit.SECONDS);
    } catch (CommandLine.TypeConversionException e) {
      throw new UsageError("--since: " + e.getMessage() + ", or an RFC 3339 time");
    }
  }
}
