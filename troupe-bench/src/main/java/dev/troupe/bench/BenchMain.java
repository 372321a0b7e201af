package dev.troupe.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code troupe bench}: {@code render --bindings N [--seed S] [--warmup K] [--rounds R] [--view
 * memory|indexed]}. Figures go to stdout, progress to stderr. Exit codes: 0 measured, 1 a binding
 * was blocked, 2 usage.
 */
public final class BenchMain {
  static final String USAGE =
      """
      usage: troupe bench render --bindings N [--seed S] [--warmup K] [--rounds R] [--view V]
        --bindings N  bindings in the generated organization (required, >= 1)
        --seed S      generator seed (default 1)
        --warmup K    unmeasured warm-up passes (default 2)
        --rounds R    measured rounds; medians are reported (default 3)
        --view V      memory: the InMemoryView troupe render uses (default); indexed: a what-if
                      view whose list() is prepared once per kind instead of a scan per call
      Each round times render+serialize of every binding, then serializing the same output objects
      alone. The last line is: render/serialize ratio R (render X s, serialize Y s, N bindings,
      M objects).""";

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() == 1 && (args.getFirst().equals("--help") || args.getFirst().equals("-h"))) {
      out.println(USAGE);
      return 0;
    }
    if (!args.isEmpty() && args.getFirst().equals("reconcile")) {
      return reconcile(args, out, err);
    }
    RenderBench.Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("troupe bench: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    RenderBench.Result result = new RenderBench(out, err).run(options);
    return result.blocked() == 0 ? 0 : 1;
  }

  static final String RECONCILE_USAGE =
      """
      usage: troupe bench reconcile --components N [--environments E] [--per-project P]
                                    [--changes C] [--timeout S] [--data-dir DIR]
        --components N    components applied (Component, Workload, Service claim each; required)
        --per-project P   components per project; the components are spread over projects of P
                          (default 50; --per-project N puts them all in one project)
        --environments E  environments of the pipeline; every component is promoted through all
                          of them (default 3)
        --changes C       single Workload edits timed one at a time for the p99 (default 100)
        --timeout S       seconds any phase may take before the run fails (default 1800)
        --data-dir DIR    runs in DIR (created; must be empty) and keeps it afterwards, to inspect
                          the store and the Git repository (default: a temporary directory,
                          deleted at the end)
      Runs the embedded platform in-process on a data directory (SQLite, Git). The last
      line is: reconciled N bindings in X s (R bindings/s), p99 change-to-Ready L ms, heap H MiB""";

  private static int reconcile(List<String> args, PrintStream out, PrintStream err) {
    if (args.contains("--help") || args.contains("-h")) {
      out.println(RECONCILE_USAGE);
      return 0;
    }
    ReconcileBench.Options options;
    try {
      options = parseReconcile(args);
    } catch (IllegalArgumentException e) {
      err.println("troupe bench: " + e.getMessage());
      err.println(RECONCILE_USAGE);
      return 2;
    }
    try {
      new ReconcileBench(out, err).run(options);
      return 0;
    } catch (IllegalStateException e) {
      err.println("troupe bench reconcile: " + e.getMessage());
      return 1;
    }
  }

  static ReconcileBench.Options parseReconcile(List<String> args) {
    int components = -1;
    int environments = 3;
    int changes = 100;
    int timeout = 1800;
    int perProject = 50;
    java.nio.file.Path dataDir = null;
    for (int i = 1; i < args.size(); i += 2) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args.get(i + 1);
      switch (flag) {
        case "--components" -> components = number(flag, value, 1);
        case "--environments" -> environments = number(flag, value, 1);
        case "--changes" -> changes = number(flag, value, 1);
        case "--timeout" -> timeout = number(flag, value, 1);
        case "--per-project" -> perProject = number(flag, value, 1);
        case "--data-dir" -> dataDir = java.nio.file.Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (components < 1) {
      throw new IllegalArgumentException("--components N is required");
    }
    return new ReconcileBench.Options(
        components,
        environments,
        perProject,
        changes,
        java.time.Duration.ofSeconds(timeout),
        dataDir);
  }

  static RenderBench.Options parse(List<String> args) {
    if (args.isEmpty() || !args.getFirst().equals("render")) {
      throw new IllegalArgumentException("expected the benchmark name 'render' or 'reconcile'");
    }
    int bindings = -1;
    long seed = 1;
    int warmup = 2;
    int rounds = 3;
    boolean indexed = false;
    for (int i = 1; i < args.size(); i += 2) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args.get(i + 1);
      switch (flag) {
        case "--bindings" -> bindings = number(flag, value, 1);
        case "--seed" -> seed = Long.parseLong(value);
        case "--warmup" -> warmup = number(flag, value, 0);
        case "--rounds" -> rounds = number(flag, value, 1);
        case "--view" -> indexed = view(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (bindings < 1) {
      throw new IllegalArgumentException("--bindings N is required");
    }
    return new RenderBench.Options(bindings, seed, warmup, rounds, indexed);
  }

  private static boolean view(String value) {
    return switch (value) {
      case "memory" -> false;
      case "indexed" -> true;
      default ->
          throw new IllegalArgumentException("--view: expected memory or indexed, got " + value);
    };
  }

  private static int number(String flag, String value, int min) {
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + ": not a number: " + value);
    }
    if (n < min) {
      throw new IllegalArgumentException(flag + " must be at least " + min + ", got " + n);
    }
    return n;
  }
}
