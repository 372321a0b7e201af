package dev.troupe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code troupe up}: will start the embedded platform. Until the control plane exists it says so
 * plainly and exits with 1, so no script mistakes it for a running platform.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start the embedded platform (SQLite store, local Git data plane, REST API) with a demo"
          + " organization.",
      "Not available yet in this release: it prints what is available instead and exits with 1."
    })
final class UpCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    err.println("troupe up: the embedded platform is not part of this release yet.");
    err.println("Available today, offline:");
    err.println("  ./troupe validate -f samples/        # admit files with precise errors");
    err.println("  ./troupe validate -f samples/ -o yaml  # see every default filled in");
    err.println("  ./troupe crds                        # CRDs for Kubernetes mode");
    err.flush();
    return 1;
  }
}
