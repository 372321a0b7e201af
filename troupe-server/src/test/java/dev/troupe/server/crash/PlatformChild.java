package dev.troupe.server.crash;

import dev.troupe.api.admission.Identity;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.platform.EmbeddedPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of the crash test: starts the embedded platform with the demo on the data
 * directory given as the only argument (any free port), and on the first start of that directory
 * creates the API token {@value #TOKEN_NAME}. It then prints one line, {@code READY <uri> <token>}
 * ({@code -} instead of the token after the first start, when the parent has it already), and runs
 * until it is killed. It also ends when its standard input closes, so a dying test does not leave
 * it behind.
 */
public final class PlatformChild {
  /** The name of the token the child creates for the write load. */
  static final String TOKEN_NAME = "crash-load";

  /** The line prefix that announces a started platform. */
  static final String READY = "READY";

  private PlatformChild() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: PlatformChild <data-dir>");
      System.exit(2);
    }
    Thread.ofPlatform().daemon().name("stdin-watch").start(PlatformChild::haltWhenParentGoes);
    EmbeddedPlatform platform =
        EmbeddedPlatform.start(
            new EmbeddedPlatform.Options(Path.of(args[0]), "127.0.0.1", 0, true));
    // The admin token exists exactly on the first start of the directory; the load gets its own.
    String token =
        platform.firstAdminToken().isPresent()
            ? platform
                .tokens()
                .create(TOKEN_NAME, Principal.Kind.AUTOMATION, List.of(Identity.PLATFORM_ENGINEER))
            : "-";
    System.out.println(READY + " " + platform.uri() + " " + token);
    System.out.flush();
    // Only SIGKILL (or the stdin watch) ends this process; the platform is never closed.
    Thread.currentThread().join();
  }

  private static void haltWhenParentGoes() {
    try (InputStream in = System.in) {
      while (in.read() >= 0) {
        // the parent writes nothing; this only waits for end of file
      }
    } catch (IOException e) {
      // a broken pipe means the same as end of file
    }
    Runtime.getRuntime().halt(3);
  }
}
