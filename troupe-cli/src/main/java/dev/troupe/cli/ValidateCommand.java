package dev.troupe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.starterkit.OfflineStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe validate}: admits files as one batch, offline, and reports every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate resource files as one batch, offline, exactly as applying them would (nothing is"
          + " written).",
      "References must resolve within the files, the Organization 'default' and the platform"
          + " starter kit of each organization the files use.",
      ""
    },
    footer = {
      "",
      "Output:",
      "  text  one line per problem: FILE:LINE:COL: error[Rule] Kind ns/name: field.path: message",
      "  json  a JSON array of {severity, rule, file, document, line, column, kind, namespace, name,"
          + " path, message, hint}",
      "  yaml  the admitted objects with every default filled in (only when valid)",
      "",
      "Exit codes: 0 valid, 1 invalid, 2 usage error.",
      "",
      "Examples:",
      "  troupe validate -f samples/",
      "  troupe validate -f app.yaml -o yaml",
      "  cat app.yaml | troupe validate -f - -o json"
    })
final class ValidateCommand implements Callable<Integer> {
  enum Output {
    text,
    json,
    yaml
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
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or yaml (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = {"-n", "--namespace", "--org"},
      paramLabel = "ORG",
      defaultValue = "default",
      description =
          "Organization (namespace) for objects that name none (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Override
  public Integer call() {
    List<Document> docs = InputFiles.read(files, System.in);
    AdmissionResult result =
        Admission.admit(
            docs, AdmissionOptions.offline(namespace, OfflineStore.forInputs(docs, namespace)));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    switch (output) {
      case json -> out.println(Codec.toJson(problemsJson(result.problems())));
      case yaml -> {
        result.problems().forEach(p -> err.println(p.toText()));
        if (result.accepted()) {
          out.print(
              Codec.toYamlStream(result.objects().stream().map(AdmittedObject::tree).toList()));
        }
      }
      case text -> {
        result.problems().forEach(p -> out.println(p.toText()));
        err.println(summary(docs, result));
      }
    }
    out.flush();
    return result.accepted() ? 0 : 1;
  }

  static String summary(List<Document> docs, AdmissionResult result) {
    long files = docs.stream().map(Document::file).distinct().count();
    int errors = result.errors().size();
    int warnings = result.warnings().size();
    String verdict = errors == 0 ? "valid" : "invalid";
    return verdict
        + ": "
        + docs.size()
        + (docs.size() == 1 ? " object" : " objects")
        + " in "
        + files
        + (files == 1 ? " file" : " files")
        + ", "
        + errors
        + (errors == 1 ? " error" : " errors")
        + ", "
        + warnings
        + (warnings == 1 ? " warning" : " warnings");
  }

  static ArrayNode problemsJson(List<Problem> problems) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Problem p : problems) {
      ObjectNode o = array.addObject();
      o.put("severity", p.severity().wire());
      o.put("rule", p.rule().name());
      if (p.source() != null) {
        o.put("file", p.source().file());
        o.put("document", p.source().document());
        o.put("line", p.source().line());
        o.put("column", p.source().column());
      }
      o.put("kind", p.kind());
      o.put("namespace", p.namespace());
      o.put("name", p.name());
      o.put("path", p.path());
      o.put("message", p.message());
      if (p.hint() != null && !p.hint().isEmpty()) {
        o.put("hint", p.hint());
      }
      if (!p.related().isEmpty()) {
        o.set("related", Codec.toTree(p.related()));
      }
    }
    return array;
  }
}
