package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.remote.UsageError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code troupe diff C -e A -e B} and {@code troupe diff C -e E --revision N [--revision M]}: what
 * differs in the rendered data-plane objects (delivery.md §9.2).
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Show what differs in the rendered data-plane objects of a component: between two"
          + " environments (-e A -e B: what each one runs now), or between two revisions in one"
          + " environment (-e E --revision N [--revision M]; one --revision compares it with what"
          + " runs now). Prints a unified diff of each object's YAML; objects are paired by"
          + " apiVersion, kind and name, and an object on one side only is shown as removed or"
          + " added.",
      "Between two environments each side's cell namespace and its environment labels"
          + " (environment-name, openchoreo.dev/environment) are replaced by <namespace> and"
          + " <environment>, and generated names (name and *Name fields) show the binding's name"
          + " as <binding> and their hash as <hash>; objects are paired by those names. What is"
          + " left is what differs between the environments: images, configuration, replicas,"
          + " routes and policies.",
      ""
    },
    footer = {
      "",
      "Exit codes (like diff(1)): 0 no differences, 1 differences (or an error), 2 usage error.",
      "",
      "Examples:",
      "  troupe diff orders -e staging -e production",
      "  troupe diff orders -e production --revision 3 --revision 4",
      "  troupe diff orders -e production --revision 3"
    })
public final class DiffCommand extends DeliveryCommand {
  static final int DIFFERENT = 1;

  @Parameters(index = "0", paramLabel = "COMPONENT", description = "The component.")
  String component;

  @Mixin ProjectOption project;

  @Option(
      names = {"-e", "--env"},
      required = true,
      paramLabel = "ENV",
      description = "An environment: twice to compare two, once with --revision.")
  List<String> envs;

  @Option(
      names = "--revision",
      paramLabel = "N",
      description = "A revision of the one environment: once (compared with the current) or twice.")
  List<Long> revisions = new ArrayList<>();

  @Option(
      names = {"-U", "--context"},
      paramLabel = "LINES",
      defaultValue = "3",
      description = "Unchanged lines shown around each change (default: ${DEFAULT-VALUE}).")
  int context;

  @Override
  protected int execute() {
    check();
    ApiClient client = remote.client();
    ComponentRef c = component(client, project, component);
    RenderedDiff.Side from;
    RenderedDiff.Side to;
    if (envs.size() == 2) {
      from = environment(client, c, envs.get(0));
      to = environment(client, c, envs.get(1));
    } else {
      String env = envs.getFirst();
      from = revision(client, c, env, revisions.get(0));
      to = revision(client, c, env, revisions.size() == 2 ? revisions.get(1) : null);
    }
    RenderedDiff.Result r = RenderedDiff.compare(from, to, context);
    if (r.equal()) {
      err()
          .println(
              "No differences in the "
                  + r.total()
                  + " rendered object"
                  + (r.total() == 1 ? "" : "s")
                  + " of "
                  + from.label()
                  + " and "
                  + to.label()
                  + ".");
      return OK;
    }
    out().print(r.text());
    err()
        .println(
            from.label()
                + " and "
                + to.label()
                + ": "
                + r.changed()
                + " changed, "
                + r.onlyFrom()
                + " only in "
                + from.label()
                + ", "
                + r.onlyTo()
                + " only in "
                + to.label()
                + " (of "
                + r.total()
                + " objects)"
                + (from.normalised() ? "; namespace and environment labels normalised" : ""));
    return DIFFERENT;
  }

  private void check() {
    if (context < 0) {
      throw new UsageError("--context must be 0 or more, got " + context);
    }
    if (envs.size() == 2 && revisions.isEmpty()) {
      if (envs.get(0).equals(envs.get(1))) {
        throw new UsageError(
            "name two different environments, or one with --revision N [--revision M]");
      }
      return;
    }
    if (envs.size() == 1 && (revisions.size() == 1 || revisions.size() == 2)) {
      for (Long r : revisions) {
        if (r < 1) {
          throw new UsageError("--revision must be at least 1, got " + r);
        }
      }
      return;
    }
    throw new UsageError(
        "expected -e A -e B (two environments) or -e E --revision N [--revision M] (revisions of"
            + " one environment), got "
            + envs.size()
            + " environment(s) and "
            + revisions.size()
            + " revision(s)");
  }

  /** What environment {@code env} runs now, normalised for comparing environments. */
  private static RenderedDiff.Side environment(ApiClient client, ComponentRef c, String env) {
    JsonNode view = client.getJson(c.binding(env), Map.of());
    JsonNode rendered = client.getJson(c.binding(env, "rendered"), Map.of());
    return new RenderedDiff.Side(env, objects(rendered), env, view.path("name").asText(""));
  }

  /** The objects of revision {@code n} (null: what runs now) in {@code env}. */
  private static RenderedDiff.Side revision(ApiClient client, ComponentRef c, String env, Long n) {
    Map<String, String> query = n == null ? Map.of() : Map.of("revision", Long.toString(n));
    JsonNode rendered = client.getJson(c.binding(env, "rendered"), query);
    String number = rendered.path("revision").asText(n == null ? "current" : n.toString());
    return new RenderedDiff.Side(env + "@" + number, objects(rendered), null, null);
  }

  private static List<JsonNode> objects(JsonNode rendered) {
    List<JsonNode> out = new ArrayList<>();
    rendered.path("objects").forEach(out::add);
    return out;
  }
}
