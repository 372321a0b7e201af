package dev.troupe.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The token file's format and its owner-only, atomic replacement.
 *
 * <p>Format 2: {@code {"version":2,"users":[{"name","kind":"USER|AUTOMATION","bindings":[{"role",
 * "organization","project"?,"environment"?}],"createdAt","revokedAt"?,"sha256"?}]}}; a revoked
 * identity has no {@code sha256}. Format 1 (before per-organization grants): {@code
 * {"version":1,"tokens":[{"name","kind","roles":["developer",...],"createdAt","sha256"}]}}, read as
 * each role held in every organization; its {@code admin} token, which the first start created as
 * the platform's administrator when there was no admin role yet, becomes {@link
 * RoleBinding#admin()} so that the holder of an existing data directory can manage users.
 */
final class TokenFile {
  static final int VERSION = 2;
  private static final int LEGACY_VERSION = 1;

  /** Compared against instead of a revoked identity's missing hash: matches no token's hash. */
  static final byte[] NO_HASH = "-".repeat(64).getBytes(StandardCharsets.US_ASCII);

  /**
   * One identity and the hex SHA-256 of its token (ASCII bytes), null once revoked.
   *
   * @param user the identity
   * @param sha256Hex the token's hash; null for a revoked identity
   */
  record Entry(UserAccount user, byte[] sha256Hex) {}

  private final Path path;

  TokenFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  List<Entry> read() {
    JsonNode root;
    try {
      root = Codec.JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token file " + path, e);
    }
    int version = root == null ? 0 : root.path("version").asInt();
    if (version != VERSION && version != LEGACY_VERSION) {
      throw new IllegalStateException(
          "token file "
              + path
              + ": expected an object with \"version\": "
              + VERSION
              + " (or "
              + LEGACY_VERSION
              + ")");
    }
    String list = version == VERSION ? "users" : "tokens";
    List<Entry> out = new ArrayList<>();
    int i = 0;
    for (JsonNode t : root.path(list)) {
      String where = "token file " + path + ": " + list + "[" + i++ + "]";
      Entry e = entry(where, t, version);
      if (out.stream().anyMatch(o -> o.user().name().equals(e.user().name()))) {
        throw new IllegalStateException(where + ": the name \"" + e.user().name() + "\" repeats");
      }
      out.add(e);
    }
    return out;
  }

  private static Entry entry(String where, JsonNode t, int version) {
    String name = t.path("name").asText("");
    String hash = t.path("sha256").asText("");
    Instant revokedAt = instant(where, "revokedAt", t.get("revokedAt"));
    boolean hashOk = hash.matches("[0-9a-f]{64}") || (revokedAt != null && hash.isEmpty());
    if (!hashOk || !TokenStore.NAME.matcher(name).matches()) {
      throw new IllegalStateException(
          where + ": expected a valid name and a 64-digit sha256 (none once revoked)");
    }
    Principal.Kind kind;
    try {
      kind = Principal.Kind.valueOf(t.path("kind").asText("USER").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": kind: expected USER or AUTOMATION", e);
    }
    Instant createdAt = instant(where, "createdAt", t.get("createdAt"));
    if (createdAt == null) {
      throw new IllegalStateException(where + ": createdAt: expected an ISO-8601 instant");
    }
    List<RoleBinding> bindings = new ArrayList<>();
    try {
      if (version == LEGACY_VERSION && name.equals(TokenStore.ADMIN)) {
        bindings.add(RoleBinding.admin());
      } else if (version == LEGACY_VERSION) {
        for (JsonNode r : t.path("roles")) {
          bindings.add(new RoleBinding(Role.of(r.asText()), RoleBinding.ANY, null, null));
        }
      } else {
        for (JsonNode b : t.path("bindings")) {
          bindings.add(
              RoleBinding.of(
                  b.path("role").asText(""),
                  b.path("organization").asText(""),
                  text(b.get("project")),
                  text(b.get("environment"))));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
    UserAccount user = new UserAccount(name, kind, bindings, createdAt, revokedAt);
    byte[] sha = revokedAt != null ? null : hash.getBytes(StandardCharsets.US_ASCII);
    return new Entry(user, sha);
  }

  private static Instant instant(String where, String field, JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return Instant.parse(n.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(where + ": " + field + ": expected an ISO-8601 instant", e);
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  void write(List<Entry> next) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", VERSION);
    ArrayNode users = root.putArray("users");
    for (Entry e : next) {
      UserAccount u = e.user();
      ObjectNode t = users.addObject();
      t.put("name", u.name());
      t.put("kind", u.kind().name());
      ArrayNode bindings = t.putArray("bindings");
      for (RoleBinding b : u.bindings()) {
        ObjectNode o = bindings.addObject();
        o.put("role", b.role().id());
        o.put("organization", b.organization());
        if (b.project() != null) {
          o.put("project", b.project());
        }
        if (b.environment() != null) {
          o.put("environment", b.environment());
        }
      }
      t.put("createdAt", u.createdAt().toString());
      if (u.revokedAt() != null) {
        t.put("revokedAt", u.revokedAt().toString());
      }
      if (e.sha256Hex() != null) {
        t.put("sha256", new String(e.sha256Hex(), StandardCharsets.US_ASCII));
      }
    }
    try {
      writeAtomically(Codec.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write token file " + path, e);
    }
  }

  private void writeAtomically(byte[] bytes) throws IOException {
    Path dir = path.getParent();
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
    // Created owner-only from the start: no moment where the hashes are readable by others.
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
            }
            : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, "tokens-", ".tmp", attrs);
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      try {
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
