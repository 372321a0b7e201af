package dev.troupe.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Where the Troupe server is, which token to send and the default organization.
 *
 * <p>Each setting is resolved in this order: the flag ({@code --server}, {@code --token}, {@code
 * -n}), the environment ({@code TROUPE_SERVER}, {@code TROUPE_TOKEN}), then the config file: {@code
 * --config}, else {@code $TROUPE_CONFIG}, else {@code $XDG_CONFIG_HOME/troupe/config.yaml}, else
 * {@code ~/.config/troupe/config.yaml}. The file is YAML: {@code server}, {@code token}, {@code
 * organization}. The organization defaults to {@code default}.
 *
 * <p>The file's token is used only with the file's server: a server named by a flag or the
 * environment never receives a token that was stored for another server.
 *
 * @param server the base URL (e.g. {@code http://127.0.0.1:8080}), or null when none is configured
 * @param token the bearer token, or null
 * @param organization the default organization (namespace)
 * @param file the config file consulted (it may not exist)
 */
public record CliConfig(String server, String token, String organization, Path file) {
  /** Organization used when neither a flag nor the config file names one. */
  public static final String DEFAULT_ORGANIZATION = "default";

  static final String NO_SERVER =
      "no Troupe server configured: pass --server, set TROUPE_SERVER, or run `troupe up`";

  /** What the command line said; null for an option not given. */
  public record Flags(String server, String token, String organization, Path configFile) {
    public static Flags none() {
      return new Flags(null, null, null, null);
    }
  }

  /** Resolves the settings from flags, the process environment and the config file. */
  public static CliConfig resolve(Flags flags) {
    return resolve(flags, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * Resolves the settings from flags, {@code env} and the config file.
   *
   * @param home the user's home directory (for {@code ~/.config})
   */
  public static CliConfig resolve(Flags flags, Map<String, String> env, Path home) {
    Path file = flags.configFile() != null ? flags.configFile() : defaultPath(env, home);
    FileSettings fromFile = read(file);
    String server = firstNonBlank(flags.server(), env.get("TROUPE_SERVER"));
    String token = firstNonBlank(flags.token(), env.get("TROUPE_TOKEN"));
    if (server == null) {
      server = fromFile.server();
    }
    if (token == null && fromFile.token() != null && sameServer(server, fromFile.server())) {
      token = fromFile.token();
    }
    String org = firstNonBlank(flags.organization(), fromFile.organization());
    return new CliConfig(
        server == null ? null : normalize(server, "the server URL"),
        token,
        org == null ? DEFAULT_ORGANIZATION : org,
        file);
  }

  /** The config file path when no {@code --config} is given. */
  public static Path defaultPath(Map<String, String> env, Path home) {
    String explicit = blankToNull(env.get("TROUPE_CONFIG"));
    if (explicit != null) {
      return Path.of(explicit);
    }
    String xdg = blankToNull(env.get("XDG_CONFIG_HOME"));
    Path base = xdg != null ? Path.of(xdg) : home.resolve(".config");
    return base.resolve("troupe").resolve("config.yaml");
  }

  /** The server URL, or a {@link ConfigException} saying how to configure one. */
  public String requireServer() {
    if (server == null) {
      throw new ConfigException(NO_SERVER);
    }
    return server;
  }

  /**
   * Writes a config file readable and writable by its owner only (mode 0600 where the file system
   * has POSIX permissions; its folder, when created, 0700). Replaces an existing file atomically.
   *
   * @param token may be null (then no token is stored)
   * @param organization may be null (then none is stored)
   */
  public static void save(Path path, String server, String token, String organization)
      throws IOException {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("server", normalize(server, "the server URL"));
    if (token != null) {
      doc.put("token", token);
    }
    if (organization != null) {
      doc.put("organization", organization);
    }
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(dir)) {
      if (posix) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(dir);
      }
    }
    // The temporary file is created 0600 before the token is written, so it is never readable.
    Path tmp =
        posix
            ? Files.createTempFile(
                dir,
                ".config",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".config", ".tmp");
    try {
      Files.writeString(tmp, Codec.toYaml(doc), StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "CliConfig[server="
        + server
        + ", token="
        + (token == null ? "none" : "<redacted>")
        + ", organization="
        + organization
        + ", file="
        + file
        + "]";
  }

  private record FileSettings(String server, String token, String organization) {}

  private static FileSettings read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new FileSettings(null, null, null);
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    List<Document> docs = DocumentReader.readYaml(file.toString(), text);
    if (docs.isEmpty()) {
      return new FileSettings(null, null, null);
    }
    Document doc = docs.getFirst();
    if (!doc.parsed()) {
      Document.ReadProblem p = doc.problems().getFirst();
      throw new ConfigException(
          "config file "
              + file
              + ":"
              + p.position().line()
              + ":"
              + p.position().column()
              + ": "
              + p.message()
              + " (expected YAML with server, token and organization)");
    }
    JsonNode tree = doc.tree();
    return new FileSettings(
        blankToNull(tree.path("server").asText(null)),
        blankToNull(tree.path("token").asText(null)),
        blankToNull(tree.path("organization").asText(null)));
  }

  private static boolean sameServer(String server, String fileServer) {
    if (server == null || fileServer == null) {
      return true;
    }
    return stripSlash(server).equals(stripSlash(fileServer));
  }

  static String normalize(String url, String what) {
    String u = stripSlash(url.strip());
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null) {
        throw new ConfigException(
            what + " \"" + url + "\" is not an http(s) URL, e.g. http://127.0.0.1:8080");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new ConfigException(
          what
              + " \""
              + url
              + "\" is not a URL: "
              + e.getReason()
              + ", e.g. http://127.0.0.1:8080");
    }
  }

  private static String stripSlash(String s) {
    String r = s;
    while (r.endsWith("/")) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }

  private static String firstNonBlank(String a, String b) {
    String x = blankToNull(a);
    return x != null ? x : blankToNull(b);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
