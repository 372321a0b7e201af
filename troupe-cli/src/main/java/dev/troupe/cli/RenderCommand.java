package dev.troupe.cli;

import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.render.Blocker;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.offline.OfflineRender;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code troupe render}: offline rendering of files into the data-plane objects of each Release.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Render resource files into the Kubernetes objects each environment would run — offline: no"
          + " server, no cluster, no credentials.",
      "The files are validated first (exactly as 'troupe validate'). Then every binding in the"
          + " files, and the first-environment binding each claim would get (the root of its"
          + " project's pipeline), is rendered.",
      ""
    },
    footer = {
      "",
      "Output is deterministic: one YAML stream ordered by environment, cell namespace, kind and"
          + " name; --out DIR writes DIR/<environment>/<cell-namespace>/<kind>-<name>.yaml instead.",
      "Blocked bindings (missing class, pending connection, unresolved configuration, …) are"
          + " reported on stderr and make the exit code 1; the other bindings are still rendered.",
      "",
      "Exit codes: 0 rendered, 1 invalid input or a blocked binding, 2 usage error.",
      "",
      "Examples:",
      "  troupe render -f samples/",
      "  troupe render -f app/ --env development --out build/manifests",
      "  troupe render -f app/ --explain Deployment/greeter-service-483f44a4"
    })
final class RenderCommand implements Callable<Integer> {
  enum Output {
    yaml,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "PATH",
      required = true,
      description =
          "File or directory (recursive: *.yaml, *.yml, *.json), or - for stdin. Repeatable.")
  List<String> files;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "NAME",
      description = "Only these environments. Repeatable.")
  List<String> environments;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "yaml or json (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write one file per object under DIR instead of printing a stream.")
  Path out;

  @Option(
      names = {"-n", "--namespace", "--org"},
      paramLabel = "ORG",
      defaultValue = "default",
      description =
          "Organization (namespace) for objects that name none (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--explain",
      paramLabel = "KIND/NAME",
      description = "Show where each field of one rendered object comes from.")
  String explain;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Document> docs = InputFiles.read(files, System.in);
    InMemoryView store = OfflineStore.forInputs(docs, namespace);
    AdmissionResult admitted = Admission.admit(docs, AdmissionOptions.offline(namespace, store));
    admitted.problems().forEach(p -> err.println(p.toText()));
    if (!admitted.accepted()) {
      err.println(ValidateCommand.summary(docs, admitted));
      return 1;
    }
    Set<String> envs = environments == null ? Set.of() : new LinkedHashSet<>(environments);
    OfflineRender.Result result = OfflineRender.render(admitted.objects(), store, envs);
    result.notes().forEach(n -> err.println("note: " + n));
    report(result, err);
    if (explain != null) {
      return Explain.print(result, explain, stdout, err);
    }
    if (out != null) {
      write(result, out);
      err.println("wrote " + result.objects().size() + " objects to " + out);
    } else if (output == Output.json) {
      stdout.println(
          Codec.toJson(result.objects().stream().map(OfflineRender.Output::canonical).toList()));
    } else {
      stdout.print(
          Codec.toYamlStream(
              result.objects().stream().map(OfflineRender.Output::canonical).toList()));
    }
    stdout.flush();
    return result.blocked() ? 1 : 0;
  }

  private static void report(OfflineRender.Result result, PrintWriter err) {
    for (OfflineRender.Release r : result.releases()) {
      Binding b = r.binding();
      String who =
          b.kind() + " " + b.namespace() + "/" + b.name() + " (" + b.environmentName() + ")";
      if (r.outcome() instanceof RenderOutcome.Blocked blocked) {
        for (Blocker x : blocked.blockers()) {
          err.println("blocked: " + who + ": " + x.reason() + ": " + x.message());
        }
      }
      r.outcome()
          .warnings()
          .forEach(
              w ->
                  err.println(
                      "warning: "
                          + who
                          + ": "
                          + w.type()
                          + "["
                          + w.reason()
                          + "]: "
                          + w.message()));
    }
  }

  private static void write(OfflineRender.Result result, Path dir) throws IOException {
    for (OfflineRender.Output o : result.objects()) {
      Path file =
          dir.resolve(o.environment())
              .resolve(o.cellNamespace())
              .resolve(
                  o.object().kind().toLowerCase(Locale.ROOT) + "-" + o.object().name() + ".yaml");
      Files.createDirectories(file.getParent());
      Files.writeString(file, Codec.toYaml(o.canonical()), StandardCharsets.UTF_8);
    }
  }
}
