package dev.troupe.cli;

import dev.troupe.cli.client.CliConfig;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Role;
import dev.troupe.server.platform.EmbeddedPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded platform in the foreground for {@code troupe server} and {@code troupe up}:
 * starts it, makes sure the CLI config holds a working token for it, prints where to look, and
 * blocks until Ctrl-C (SIGINT) or SIGTERM, then shuts down cleanly.
 */
final class PlatformRunner {
  private PlatformRunner() {}

  /**
   * The data directory: {@code $TROUPE_DATA_DIR}, {@code $XDG_DATA_HOME/troupe},
   * ~/.local/share/troupe.
   */
  static Path defaultDataDir(Map<String, String> env, Path home) {
    String explicit = env.get("TROUPE_DATA_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_DATA_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share"))
        .resolve("troupe");
  }

  static int run(EmbeddedPlatform.Options options, PrintWriter out, PrintWriter err) {
    out.println("troupe: starting the platform in " + options.dataDir() + " …");
    out.flush();
    EmbeddedPlatform platform;
    try {
      platform = EmbeddedPlatform.start(options);
    } catch (RuntimeException e) {
      err.println("troupe: could not start the platform: " + e.getMessage());
      if (e.getMessage() != null && e.getMessage().contains("already open")) {
        err.println("  another Troupe server uses " + options.dataDir() + "; stop it first.");
      }
      if (e.getCause() instanceof java.net.BindException || isBindFailure(e)) {
        err.println("  port " + options.port() + " is taken; choose another with --port.");
      }
      err.flush();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              platform.close();
              stopped.countDown();
            },
            "troupe-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Path config = configPath();
      String tokenNote = ensureToken(platform, config);
      if (options.demo()) {
        out.println("troupe: reconciling the demo …");
        out.flush();
        platform.engine().awaitIdle(Duration.ofSeconds(60));
      }
      String repo = platform.gitopsDirectory().resolve("default").resolve("default.git").toString();
      out.println();
      out.println("Troupe is running.");
      out.println("  API       " + platform.uri() + "   (OpenAPI: " + platform.uri() + "/openapi)");
      out.println("  Token     " + tokenNote);
      out.println("  Git       " + platform.gitopsDirectory() + "/<org>/<dataplane>.git");
      out.println("  Data      " + options.dataDir());
      out.println();
      out.println("Try:");
      if (options.demo()) {
        out.println("  ./troupe get bindings -A");
        out.println("  ./troupe describe servicebinding orders");
        out.println("  ./troupe events");
        out.println("  git clone " + repo + " /tmp/troupe-gitops && ls -R /tmp/troupe-gitops");
      } else {
        out.println("  ./troupe apply -f samples/platform/acme-organization.yaml");
        out.println("  ./troupe get organizations");
        out.println("  ./troupe get bindings -A");
      }
      out.println();
      out.println("Press Ctrl-C to stop; starting again resumes where it stopped.");
      out.flush();
    } catch (IOException | RuntimeException e) {
      err.println("troupe: " + e.getMessage());
      err.flush();
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /**
   * Keeps the CLI config pointing at this server with a token it accepts: the admin token of a
   * first start, the configured token when it still works, else a new admin token.
   */
  static String ensureToken(EmbeddedPlatform platform, Path config) throws IOException {
    String server = platform.uri().toString();
    CliConfig current =
        Files.exists(config)
            ? CliConfig.resolve(
                new CliConfig.Flags(null, null, null, config), Map.of(), Path.of("/nonexistent"))
            : null;
    String token = platform.firstAdminToken().orElse(null);
    if (token == null && current != null && current.token() != null) {
      if (platform.tokens().authenticate(current.token()).isPresent()) {
        token = current.token();
      }
    }
    if (token == null) {
      token =
          platform
              .tokens()
              .create(
                  "admin-" + System.currentTimeMillis() / 1000,
                  Principal.Kind.USER,
                  List.of(Role.ADMIN.id()));
    }
    String org =
        current != null && current.organization() != null ? current.organization() : "default";
    CliConfig.save(config, server, token, org);
    return "saved in " + config + " (the CLI reads it; never printed)";
  }

  static Path configPath() {
    return CliConfig.defaultPath(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }
}
