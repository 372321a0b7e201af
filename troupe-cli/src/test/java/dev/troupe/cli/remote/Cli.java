package dev.troupe.cli.remote;

import dev.troupe.cli.TroupeCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process against a fake server and captures exit code, stdout and stderr. */
public record Cli(int code, String out, String err) {
  /**
   * Runs {@code args} with {@code --server}, {@code --token} and a config file that does not exist
   * (so the developer's own config never leaks into a test).
   */
  public static Cli run(FakeApi api, Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--server",
            api.url(),
            "--token",
            FakeApi.TOKEN,
            "--config",
            dir.resolve("absent-config.yaml").toString()));
    return raw(all.toArray(String[]::new));
  }

  /**
   * Runs {@code args} against a real server as the holder of {@code token}, with a config file that
   * does not exist.
   */
  public static Cli against(java.net.URI server, String token, Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--server",
            server.toString(),
            "--token",
            token,
            "--config",
            dir.resolve("absent-config.yaml").toString()));
    return raw(all.toArray(String[]::new));
  }

  public static Cli raw(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        TroupeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
  }
}
