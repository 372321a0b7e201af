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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens of the embedded server, kept in {@code <dataDir>/auth/tokens.json}. A token is {@code
 * trp_} followed by 32 random bytes in base64url; the file holds only the SHA-256 of each token
 * (hex), is replaced atomically on every change and is readable by its owner only where the file
 * system has POSIX permissions. A token is shown once, when it is created.
 *
 * <p>Authentication reads an immutable snapshot and compares every stored hash in constant time, so
 * it needs no lock and its duration does not depend on which entry matches. One process owns the
 * file; concurrent writers in other processes are not coordinated.
 */
public final class TokenStore implements Authenticator {
  /** The prefix of every token, so scanners and people recognise one. */
  public static final String PREFIX = "trp_";

  /** The name of the token created on first start. */
  public static final String ADMIN = "admin";

  private static final Logger log = LoggerFactory.getLogger(TokenStore.class);
  private static final int TOKEN_BYTES = 32;
  private static final int TOKEN_LENGTH =
      PREFIX.length()
          + Base64.getUrlEncoder().withoutPadding().encode(new byte[TOKEN_BYTES]).length;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");
  private static final int FORMAT_VERSION = 1;

  private final Path file;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private volatile List<Entry> entries;

  private record Entry(
      String name, Principal.Kind kind, List<String> roles, Instant createdAt, byte[] sha256Hex) {}

  private TokenStore(Path file, Clock clock, List<Entry> entries) {
    this.file = file;
    this.clock = clock;
    this.entries = List.copyOf(entries);
  }

  /** Opens (or starts empty) the token file of {@code dataDir}, with the system UTC clock. */
  public static TokenStore open(Path dataDir) {
    return open(dataDir, Clock.systemUTC());
  }

  /**
   * Opens the token file {@code <dataDir>/auth/tokens.json}; an absent file is an empty store.
   *
   * @throws IllegalStateException when the file exists but is not a token file of this version
   * @throws UncheckedIOException when the file cannot be read
   */
  public static TokenStore open(Path dataDir, Clock clock) {
    Path file = dataDir.resolve("auth").resolve("tokens.json");
    return new TokenStore(file, clock, Files.exists(file) ? read(file) : List.of());
  }

  /** The token file. */
  public Path file() {
    return file;
  }

  /**
   * Creates the {@code admin} token (a platform engineer) if the store has no token yet.
   *
   * @return the new token, to be handed to the local CLI configuration; empty when tokens exist
   *     already (their holders have them)
   */
  public synchronized Optional<String> ensureAdmin() {
    if (!entries.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(create(ADMIN, Principal.Kind.USER, List.of(Role.ADMIN.id())));
  }

  /** Issues a token without roles. */
  public String create(String name, Principal.Kind kind) {
    return create(name, kind, List.of());
  }

  /**
   * Issues a token and persists its hash. The returned token is not stored anywhere and cannot be
   * shown again.
   *
   * @throws IllegalArgumentException when the name is malformed or taken
   */
  public synchronized String create(String name, Principal.Kind kind, List<String> roles) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid token name \""
              + name
              + "\": expected 1-128 letters, digits, '.', '_', '@' or '-', starting with a letter"
              + " or digit");
    }
    if (entries.stream().anyMatch(e -> e.name().equals(name))) {
      throw new IllegalArgumentException(
          "a token named \"" + name + "\" exists already; revoke it first");
    }
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    List<Entry> next = new ArrayList<>(entries);
    next.add(new Entry(name, kind, List.copyOf(roles), clock.instant(), hashHex(token)));
    write(next);
    entries = List.copyOf(next);
    log.info("Created API token name={} kind={}", name, kind);
    return token;
  }

  /** The tokens, in creation order, without secrets or hashes. */
  public List<TokenInfo> list() {
    return entries.stream()
        .map(e -> new TokenInfo(e.name(), e.kind(), e.roles(), e.createdAt()))
        .toList();
  }

  /**
   * Revokes a token by name.
   *
   * @return whether a token of that name existed
   */
  public synchronized boolean revoke(String name) {
    List<Entry> next = entries.stream().filter(e -> !e.name().equals(name)).toList();
    if (next.size() == entries.size()) {
      return false;
    }
    write(next);
    entries = next;
    log.info("Revoked API token name={}", name);
    return true;
  }

  @Override
  public Optional<Principal> authenticate(String bearerToken) {
    if (bearerToken == null
        || bearerToken.length() != TOKEN_LENGTH
        || !bearerToken.startsWith(PREFIX)) {
      return Optional.empty();
    }
    byte[] presented = hashHex(bearerToken);
    Entry match = null;
    for (Entry e : entries) {
      // No early exit: the time taken does not reveal which entry matched.
      if (MessageDigest.isEqual(presented, e.sha256Hex()) && match == null) {
        match = e;
      }
    }
    return Optional.ofNullable(match)
        .map(e -> new Principal(e.name(), e.kind(), e.roles().stream().map(TokenStore::binding).toList()));
  }

  private static byte[] hashHex(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static List<Entry> read(Path file) {
    JsonNode root;
    try {
      root = Codec.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token file " + file, e);
    }
    if (root == null || root.path("version").asInt() != FORMAT_VERSION) {
      throw new IllegalStateException(
          "token file " + file + ": expected an object with \"version\": " + FORMAT_VERSION);
    }
    List<Entry> out = new ArrayList<>();
    int i = 0;
    for (JsonNode t : root.path("tokens")) {
      out.add(entry(file, i++, t));
    }
    return out;
  }

  private static Entry entry(Path file, int index, JsonNode t) {
    String where = "token file " + file + ": tokens[" + index + "]";
    String hash = t.path("sha256").asText("");
    if (!hash.matches("[0-9a-f]{64}") || !NAME.matcher(t.path("name").asText("")).matches()) {
      throw new IllegalStateException(where + ": expected a valid name and a 64-digit sha256");
    }
    try {
      List<String> roles = new ArrayList<>();
      t.path("roles").forEach(r -> roles.add(r.asText()));
      return new Entry(
          t.get("name").asText(),
          Principal.Kind.valueOf(t.path("kind").asText("USER").toUpperCase(Locale.ROOT)),
          roles,
          Instant.parse(t.path("createdAt").asText()),
          hash.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalStateException(
          where + ": expected kind USER or AUTOMATION and an ISO-8601 createdAt", e);
    }
  }

  private void write(List<Entry> next) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("version", FORMAT_VERSION);
    ArrayNode tokens = root.putArray("tokens");
    for (Entry e : next) {
      ObjectNode t = tokens.addObject();
      t.put("name", e.name());
      t.put("kind", e.kind().name());
      ArrayNode roles = t.putArray("roles");
      e.roles().forEach(roles::add);
      t.put("createdAt", e.createdAt().toString());
      t.put("sha256", new String(e.sha256Hex(), StandardCharsets.US_ASCII));
    }
    try {
      byte[] bytes = Codec.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
      writeAtomically(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write token file " + file, e);
    }
  }

  private void writeAtomically(byte[] bytes) throws IOException {
    Path dir = file.getParent();
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
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Until per-organization grants are stored: a role name held in every organization. */
  private static RoleBinding binding(String role) {
    return new RoleBinding(Role.of(role), RoleBinding.ANY, null, null);
  }
}
