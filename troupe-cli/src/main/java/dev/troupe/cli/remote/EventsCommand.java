package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.KindInfo;
import dev.troupe.cli.client.ObjectList;
import dev.troupe.cli.client.WatchEvent;
import dev.troupe.cli.client.WatchStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code troupe events [KIND/NAME]}: what the platform did and why, oldest first. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "List the events of an organization, or of one object, sorted by their last occurrence"
          + " (latest last).",
      ""
    },
    footer = {
      "",
      "Columns: TIME (since the last occurrence), TYPE (Normal|Warning), REASON, OBJECT, MESSAGE.",
      "",
      "Examples:",
      "  troupe events",
      "  troupe events servicebinding/greeter-development -w",
      "  troupe events component/greeter -n acme"
    })
public final class EventsCommand extends RemoteCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "KIND/NAME",
      description = "Only the events about this object.")
  String object;

  @Option(
      names = {"-w", "--watch"},
      description = "After printing, stream new events until interrupted.")
  boolean watch;

  @Override
  protected int execute() throws InterruptedException {
    ApiClient client = remote.client();
    String org = remote.org();
    String kind = null;
    String name = null;
    if (object != null) {
      int slash = object.indexOf('/');
      if (slash <= 0 || slash == object.length() - 1) {
        throw new UsageError("expected KIND/NAME, e.g. component/greeter, not \"" + object + "\"");
      }
      KindInfo k = KindResolver.load(client).resolve(object.substring(0, slash));
      kind = k.kind();
      name = object.substring(slash + 1);
      if (!k.namespaced()) {
        org = "default"; // events of cluster-scoped objects are kept in "default"
      }
    }
    ObjectList list = client.events(org, kind, name);
    List<ObjectNode> events = new ArrayList<>(list.items());
    events.sort(Comparator.comparing(EventsCommand::lastTimestamp));
    List<String> headers = List.of("TIME", "TYPE", "REASON", "OBJECT", "MESSAGE");
    Table table = new Table(headers);
    Instant now = Instant.now();
    events.forEach(e -> table.add(row(e, now)));
    int[] widths = table.widths();
    if (table.isEmpty()) {
      err().println("No events found in organization \"" + org + "\".");
    } else {
      out().print(table.render());
    }
    if (!watch) {
      return OK;
    }
    out().flush();
    boolean headerShown = !table.isEmpty();
    try (WatchStream stream = client.watchEvents(org, kind, name, list.resourceVersion())) {
      while (true) {
        WatchEvent e = stream.take();
        if (e.deleted()) {
          continue;
        }
        if (!headerShown) {
          out().println(Table.line(headers, widths));
          headerShown = true;
        }
        out().println(Table.line(row(e.object(), Instant.now()), widths));
        out().flush();
      }
    }
  }

  static String lastTimestamp(JsonNode event) {
    String last = event.path("lastTimestamp").asText("");
    return last.isEmpty() ? event.path("firstTimestamp").asText("") : last;
  }

  private static List<String> row(JsonNode e, Instant now) {
    JsonNode involved = e.path("involvedObject");
    return List.of(
        Age.since(lastTimestamp(e), now),
        e.path("type").asText(""),
        e.path("reason").asText(""),
        Names.of(involved.path("kind").asText(), involved.path("name").asText()),
        e.path("message").asText(""));
  }
}
