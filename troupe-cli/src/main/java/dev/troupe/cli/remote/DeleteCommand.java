package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Document;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.ApiException;
import dev.troupe.cli.client.DeleteResult;
import dev.troupe.cli.client.KindInfo;
import dev.troupe.cli.client.ObjectRef;
import dev.troupe.cli.client.Propagation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code troupe delete KIND NAME...} or {@code troupe delete -f FILE}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete objects by kind and name, or those of resource files (in reverse order, so dependents"
          + " go before what they depend on).",
      ""
    },
    footer = {
      "",
      "--cascade: background (default: delete now, dependents afterwards), foreground (dependents"
          + " first), orphan (keep dependents). Applies to KIND NAME; files use the server's"
          + " default.",
      "",
      "Exit codes: 0 deleted, 1 error or not found, 2 usage error, 3 --wait timed out.",
      "",
      "Examples:",
      "  troupe delete component greeter",
      "  troupe delete -f samples/ --wait",
      "  troupe delete servicebinding greeter-dev --cascade=foreground"
    })
public final class DeleteCommand extends RemoteCommand {
  enum Cascade {
    background,
    foreground,
    orphan
  }

  @Parameters(arity = "0..*", paramLabel = "KIND NAME", description = "A kind and names.")
  List<String> args = new ArrayList<>();

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "PATH",
      description = "Delete the objects of these files or directories (- for stdin). Repeatable.")
  List<String> files;

  @Option(names = "--cascade", paramLabel = "MODE", description = "background, foreground, orphan.")
  Cascade cascade;

  @Option(names = "--wait", description = "Wait (on the watch) until the objects are gone.")
  boolean waitForGone;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = DurationConverter.class,
      description = "Limit for --wait (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--ignore-not-found", description = "An absent object is not an error.")
  boolean ignoreNotFound;

  @Option(names = "--dry-run", description = "Check the deletion without doing it (dryRun=true).")
  boolean dryRun;

  private record Target(KindInfo kind, String namespace, String name) {}

  @Override
  protected int execute() throws InterruptedException {
    boolean byFile = files != null && !files.isEmpty();
    if (byFile == !args.isEmpty()) {
      throw new UsageError("give either KIND NAME... or -f PATH");
    }
    if (byFile && cascade != null) {
      throw new UsageError("--cascade applies to `delete KIND NAME`, not to -f");
    }
    if (!byFile && args.size() < 2) {
      throw new UsageError("missing NAME: troupe delete KIND NAME...");
    }
    ApiClient client = remote.client();
    KindResolver kinds = KindResolver.load(client);
    String org = remote.org();
    List<Target> deleted = new ArrayList<>();
    boolean failed =
        byFile
            ? deleteFiles(client, kinds, org, deleted)
            : deleteNamed(client, kinds, org, deleted);
    if (waitForGone && !dryRun && !deleted.isEmpty()) {
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Target t : deleted) {
        Waiter.Outcome o =
            new Waiter(client, t.kind(), t.namespace(), t.name()).untilDeleted(deadline);
        if (o instanceof Waiter.Outcome.TimedOut) {
          err()
              .println(
                  "troupe: timed out after "
                      + Age.format(timeout)
                      + " waiting for "
                      + Names.of(t.kind().kind(), t.name())
                      + " to disappear"
                      + finalizers(o.object()));
          return NOT_MET;
        }
      }
    }
    return failed ? ERROR : OK;
  }

  private boolean deleteNamed(
      ApiClient client, KindResolver kinds, String org, List<Target> deleted) {
    KindInfo k = kinds.resolve(args.getFirst());
    String ns = k.namespaced() ? org : null;
    Propagation propagation =
        cascade == null ? null : Propagation.valueOf(capitalize(cascade.name()));
    boolean failed = false;
    for (String name : args.subList(1, args.size())) {
      String shown = Names.of(k.kind(), name);
      try {
        client.delete(k.plural(), ns, name, propagation, dryRun);
        out().println(shown + " deleted" + (dryRun ? " (dry run)" : ""));
        deleted.add(new Target(k, ns, name));
      } catch (ApiException e) {
        if (e.status() != 404) {
          throw e;
        }
        if (!ignoreNotFound) {
          err().println("troupe: error: " + shown + " not found");
          failed = true;
        }
      }
    }
    return failed;
  }

  private boolean deleteFiles(
      ApiClient client, KindResolver kinds, String org, List<Target> deleted) {
    List<Document> docs = Manifests.read(files, System.in);
    List<String> readErrors = Manifests.readErrors(docs);
    if (!readErrors.isEmpty()) {
      readErrors.forEach(err()::println);
      throw new UsageError("the files cannot be read; nothing was deleted");
    }
    List<ObjectRef> refs = new ArrayList<>();
    for (Document d : docs) {
      JsonNode t = d.tree();
      String kindName = t.path("kind").asText("");
      String name = t.path("metadata").path("name").asText("");
      if (kindName.isEmpty() || name.isEmpty()) {
        throw new UsageError(
            d.file() + " (document " + d.index() + "): needs kind and metadata.name");
      }
      KindInfo k = kinds.resolve(kindName);
      String ns = t.path("metadata").path("namespace").asText("");
      refs.add(new ObjectRef(k.kind(), k.namespaced() ? (ns.isEmpty() ? org : ns) : null, name));
    }
    boolean failed = false;
    for (DeleteResult r : client.deleteObjects(refs, dryRun)) {
      String shown = Names.of(r.kind(), r.name());
      if ("notfound".equals(r.action())) {
        if (!ignoreNotFound) {
          err().println("troupe: error: " + shown + " not found");
          failed = true;
        }
        continue;
      }
      out().println(shown + " " + r.action() + (dryRun ? " (dry run)" : ""));
      KindInfo k = kinds.resolve(r.kind());
      deleted.add(new Target(k, k.namespaced() ? r.namespace() : null, r.name()));
    }
    return failed;
  }

  private static String finalizers(JsonNode object) {
    if (object == null) {
      return "";
    }
    List<String> f = new ArrayList<>();
    object.path("metadata").path("finalizers").forEach(x -> f.add(x.asText()));
    return f.isEmpty() ? "" : " (finalizers: " + String.join(", ", f) + ")";
  }

  private static String capitalize(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
