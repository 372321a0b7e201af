package dev.troupe.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code troupe version}. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the Troupe version, the API version it serves and the Java runtime.")
final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.println("troupe " + version());
    out.println("api: openchoreo.dev/v1alpha1");
    out.println("java: " + Runtime.version());
    out.flush();
    return 0;
  }

  /** Supplies {@code --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"troupe " + version()};
    }
  }
}
