package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.ApiException;
import dev.troupe.cli.client.ApiProblem;
import dev.troupe.cli.client.ApplyResult;
import dev.troupe.cli.client.ConflictRetry;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe apply -f}: sends files to the server as one atomic batch. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update the objects of resource files on the Troupe server, as one atomic batch:"
          + " either every object is admitted and written, or none is.",
      "Objects that name no namespace go to the organization of -n (default: the config file's,"
          + " else default). A 409 conflict (a concurrent write) is retried up to 5 times.",
      ""
    },
    footer = {
      "",
      "Output: one line per object, KIND/NAME created|configured|unchanged; warnings go to stderr."
          + " Admission errors are printed as FILE:LINE:COL: error[Rule] Kind ns/name: path:"
          + " message.",
      "",
      "Exit codes: 0 applied, 1 error (nothing written), 2 usage error.",
      "",
      "Examples:",
      "  troupe apply -f samples/",
      "  troupe apply -f app.yaml --dry-run",
      "  cat app.yaml | troupe apply -f -"
    })
public final class ApplyCommand extends RemoteCommand {
  @Option(
      names = {"-f", "--filename"},
      paramLabel = "PATH",
      required = true,
      description =
          "File or directory (recursive: *.yaml, *.yml, *.json), or - for stdin. Repeatable.")
  List<String> files;

  @Option(
      names = "--dry-run",
      description = "Admit the objects on the server without writing them (dryRun=true).")
  boolean dryRun;

  @Override
  protected int execute() {
    List<Document> docs = Manifests.read(files, System.in);
    List<String> readErrors = Manifests.readErrors(docs);
    if (!readErrors.isEmpty()) {
      readErrors.forEach(err()::println);
      err().println("apply: the files cannot be read; nothing was sent");
      return ERROR;
    }
    if (docs.isEmpty()) {
      throw new UsageError("no objects in " + String.join(", ", files));
    }
    String org = remote.org();
    List<ObjectNode> objects = new ArrayList<>();
    for (Document d : docs) {
      objects.add(withNamespace(d.tree().deepCopy(), org));
    }
    ApiClient client = remote.client();
    ProblemPrinter printer = new ProblemPrinter(docs, org);
    ApplyResult result;
    try {
      result =
          ConflictRetry.run(
              () -> client.apply(objects, true, dryRun),
              (attempt, conflict) ->
                  err()
                      .println(
                          "conflict: "
                              + conflict.problem().detail()
                              + "; retrying (attempt "
                              + attempt
                              + " of "
                              + ConflictRetry.MAX_ATTEMPTS
                              + ")"),
              ConflictRetry.Pause.PARK);
    } catch (ApiException e) {
      if (e.problem().errors().isEmpty()) {
        throw e;
      }
      long errors = 0;
      for (ApiProblem.FieldError fe : e.problem().errors()) {
        err().println(printer.format(fe));
        errors += fe.isError() ? 1 : 0;
      }
      err()
          .println(
              "apply failed ("
                  + e.status()
                  + " "
                  + e.code()
                  + "): "
                  + errors
                  + (errors == 1 ? " error" : " errors")
                  + "; nothing was written");
      return ERROR;
    }
    for (ApiProblem.FieldError w : result.warnings()) {
      err().println("Warning: " + printer.format(w));
    }
    String suffix = dryRun ? " (dry run)" : "";
    for (ApplyResult.Applied a : result.results()) {
      out().println(Names.of(a.kind(), a.name()) + " " + a.action() + suffix);
    }
    return OK;
  }

  /** Sets the organization on namespaced objects that name none. */
  private static ObjectNode withNamespace(ObjectNode tree, String org) {
    boolean cluster =
        Kinds.byName(tree.path("kind").asText("")).map(KindDef::clusterScoped).orElse(false);
    if (cluster || !tree.path("metadata").isObject()) {
      return tree;
    }
    ObjectNode meta = (ObjectNode) tree.get("metadata");
    if (meta.path("namespace").asText("").isEmpty()) {
      meta.put("namespace", org);
    }
    return tree;
  }
}
