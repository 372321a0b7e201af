package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.KindInfo;
import dev.troupe.cli.client.ObjectList;
import dev.troupe.cli.client.WatchEvent;
import dev.troupe.cli.client.WatchStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code troupe get KIND [NAME]}: lists or shows objects, optionally watching for changes. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "List objects of a kind, or show one, from the Troupe server.",
      "KIND is a plural, kind name or short name (components, Component, comp); 'bindings' lists"
          + " the four binding kinds with their display status (STATUS), current revision, image"
          + " and first endpoint URL; 'promotions' shows who requested each one and its"
          + " approvals.",
      ""
    },
    footer = {
      "",
      "Output (-o): table (default), wide (more columns), yaml, json, name (KIND/NAME).",
      "With -w the table is printed, then one line per change, until interrupted.",
      "",
      "Examples:",
      "  troupe get components",
      "  troupe get bindings -A",
      "  troupe get component greeter -o yaml",
      "  troupe get servicebindings -l openchoreo.dev/component=greeter -w",
      "  troupe get promotions --pending -e production"
    })
public final class GetCommand extends RemoteCommand {
  @Parameters(index = "0", paramLabel = "KIND", description = "The kind (or 'bindings').")
  String kind;

  @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "One object.")
  String name;

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Label selector, e.g. app=web,tier!=db.")
  String selector;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, wide, yaml, json or name (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = {"-w", "--watch"},
      description = "After printing, stream changes (server-sent events) until interrupted.")
  boolean watch;

  @Option(
      names = {"-A", "--all-namespaces"},
      description = "List across all organizations.")
  boolean allNamespaces;

  @Option(
      names = "--pending",
      description = "Promotions only: those waiting for a decision (the approvers' inbox).")
  boolean pending;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "ENV",
      description = "Promotions only: those into this target environment.")
  String targetEnv;

  @Override
  protected int execute() throws InterruptedException {
    ApiClient client = remote.client();
    List<KindInfo> kinds = KindResolver.load(client).resolveMany(kind);
    if (pending || targetEnv != null) {
      if (kinds.size() != 1 || !ObjectTable.PROMOTION.equals(kinds.getFirst().kind())) {
        throw new UsageError("--pending and -e select promotions: use them with 'get promotions'");
      }
      if (targetEnv != null) {
        String target = "openchoreo.dev/environment=" + targetEnv;
        selector = selector == null || selector.isBlank() ? target : selector + "," + target;
      }
    }
    if (name != null && kinds.size() > 1) {
      throw new UsageError("name one binding kind to get a binding by name, e.g. servicebinding");
    }
    String org = remote.org();
    if (name != null) {
      KindInfo k = kinds.getFirst();
      ObjectNode object = client.get(k.plural(), k.namespaced() ? org : null, name);
      int[] widths = printOne(object, kinds);
      if (watch) {
        String ns = k.namespaced() ? org : null;
        ObjectList start = client.listPage(k.plural(), ns, null, 1, null);
        follow(client, kinds, List.of(start.resourceVersion()), widths, name);
      }
      return OK;
    }
    List<ObjectNode> items = new ArrayList<>();
    List<String> revisions = new ArrayList<>();
    for (KindInfo k : kinds) {
      ObjectList list = client.list(k.plural(), scope(k, org), selector);
      items.addAll(list.items());
      revisions.add(list.resourceVersion());
    }
    if (pending) {
      items.removeIf(o -> !"Pending".equals(ObjectTable.promotionPhase(o)));
    }
    items.sort(
        Comparator.comparing((ObjectNode o) -> o.path("metadata").path("namespace").asText(""))
            .thenComparing(o -> o.path("metadata").path("name").asText()));
    int[] widths = printList(items, kinds, org);
    if (watch) {
      follow(client, kinds, revisions, widths, null);
    }
    return OK;
  }

  private String scope(KindInfo k, String org) {
    return allNamespaces || !k.namespaced() ? null : org;
  }

  /** Prints one object; returns the table's column widths (null for other formats). */
  private int[] printOne(ObjectNode object, List<KindInfo> kinds) {
    switch (output) {
      case yaml -> out().print(Codec.toYaml(object));
      case json -> out().println(Codec.toJson(object));
      case name -> out().println(Names.of(object));
      case table, wide -> {
        ObjectTable t = new ObjectTable(kinds, false, output == Output.wide);
        Table table = new Table(t.headers()).add(t.row(object, Instant.now()));
        out().print(table.render());
        return table.widths();
      }
    }
    return null;
  }

  /** Prints the list; returns the table's column widths (null for other formats). */
  private int[] printList(List<ObjectNode> items, List<KindInfo> kinds, String org) {
    switch (output) {
      case yaml, json -> {
        ObjectNode list = JsonNodeFactory.instance.objectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.putArray("items").addAll(items);
        out().print(output == Output.yaml ? Codec.toYaml(list) : Codec.toJson(list) + "\n");
        return null;
      }
      case name -> {
        items.forEach(o -> out().println(Names.of(o)));
        return null;
      }
      default -> {
        ObjectTable t = new ObjectTable(kinds, allNamespaces, output == Output.wide);
        Table table = new Table(t.headers());
        Instant now = Instant.now();
        items.forEach(o -> table.add(t.row(o, now)));
        if (table.isEmpty()) {
          err()
              .println(
                  allNamespaces || kinds.stream().noneMatch(KindInfo::namespaced)
                      ? "No resources found."
                      : "No resources found in organization \"" + org + "\".");
          return null;
        }
        out().print(table.render());
        return table.widths();
      }
    }
  }

  /** Prints every change from the watch until interrupted or the watch fails. */
  private void follow(
      ApiClient client, List<KindInfo> kinds, List<String> revisions, int[] widths, String only)
      throws InterruptedException {
    String org = remote.org();
    List<ApiClient.WatchTarget> targets = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      KindInfo k = kinds.get(i);
      String ns = only != null ? (k.namespaced() ? org : null) : scope(k, org);
      targets.add(new ApiClient.WatchTarget(k.plural(), ns, selector, revisions.get(i)));
    }
    ObjectTable t = new ObjectTable(kinds, only == null && allNamespaces, output == Output.wide);
    boolean headerShown = widths != null;
    int[] w = widths != null ? widths : new Table(t.headers()).widths();
    try (WatchStream stream = client.watch(targets)) {
      while (true) {
        WatchEvent e = stream.take();
        JsonNode o = e.object();
        if (only != null && !only.equals(o.path("metadata").path("name").asText())) {
          continue;
        }
        switch (output) {
          case yaml -> out().print("---\n" + Codec.toYaml(o));
          case json -> out().println(compact(o));
          case name -> out().println(Names.of(o) + (e.deleted() ? " deleted" : ""));
          case table, wide -> {
            if (!headerShown) {
              out().println(Table.line(t.headers(), w));
              headerShown = true;
            }
            List<String> row = t.row(o, Instant.now());
            if (e.deleted()) {
              row.set(row.size() - 1, row.getLast() + " (deleted)");
            }
            out().println(Table.line(row, w));
          }
        }
        out().flush();
      }
    }
  }

  private static String compact(JsonNode o) {
    try {
      return Codec.JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
