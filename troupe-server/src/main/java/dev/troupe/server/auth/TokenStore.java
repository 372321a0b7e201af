package dev.troupe.server.auth;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users and automation identities of the embedded server with their API tokens, kept in {@code
 * <dataDir>/auth/tokens.json} ({@link TokenFile}). Each identity has at most one active token:
 * {@code trp_} followed by 32 random bytes in base64url. The file holds only the SHA-256 of each
 * token (hex), is replaced atomically on every change and is readable by its owner only where the
 * file system has POSIX permissions. A token is shown once, when it is created. Revoking drops the
 * hash and keeps the identity listed, so the audit log's names stay unambiguous; a name is never
 * issued twice.
 *
 * <p>Authentication reads an immutable snapshot and compares every stored hash in constant time, so
 * it needs no lock and its duration does not depend on which entry matches. One process owns the
 * file; concurrent writers in other processes are not coordinated.
 */
public final class TokenStore implements UserDirectory {
  /** The prefix of every token, so scanners and people recognise one. */
  public static final String PREFIX = "trp_";

  /** The name of the identity created on first start. */
  public static final String ADMIN = "admin";

  private static final Logger log = LoggerFactory.getLogger(TokenStore.class);
  private static final int TOKEN_BYTES = 32;
  private static final int TOKEN_LENGTH =
      PREFIX.length()
          + Base64.getUrlEncoder().withoutPadding().encode(new byte[TOKEN_BYTES]).length;
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

  private final TokenFile file;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private volatile List<TokenFile.Entry> entries;

  private TokenStore(TokenFile file, Clock clock, List<TokenFile.Entry> entries) {
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
   * Files of format 1 (tokens with role names) are read as identities holding those roles in every
   * organization, and are rewritten in the current format on the next change.
   *
   * @throws IllegalStateException when the file exists but is not a token file
   * @throws UncheckedIOException when the file cannot be read
   */
  public static TokenStore open(Path dataDir, Clock clock) {
    TokenFile file = new TokenFile(dataDir.resolve("auth").resolve("tokens.json"));
    return new TokenStore(file, clock, Files.exists(file.path()) ? file.read() : List.of());
  }

  /** The token file. */
  public Path file() {
    return file.path();
  }

  /**
   * Creates the {@code admin} identity ({@link RoleBinding#admin()}) if the store has no identity
   * yet.
   *
   * @return the new token, to be handed to the local CLI configuration; empty when identities exist
   *     already (their holders have their tokens)
   */
  public synchronized Optional<String> ensureAdmin() {
    if (!entries.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        createUser(ADMIN, Principal.Kind.USER, List.of(RoleBinding.admin())).token());
  }

  /** Issues a token for an identity without roles (it can authenticate but do nothing). */
  public String create(String name, Principal.Kind kind) {
    return createUser(name, kind, List.of()).token();
  }

  /**
   * Issues a token for an identity holding {@code roles} (role names) in every organization.
   *
   * @throws IllegalArgumentException when the name or a role is malformed, or the name is taken
   */
  public String create(String name, Principal.Kind kind, List<String> roles) {
    List<RoleBinding> bindings =
        roles.stream().map(r -> new RoleBinding(Role.of(r), RoleBinding.ANY, null, null)).toList();
    return createUser(name, kind, bindings).token();
  }

  @Override
  public synchronized Issued createUser(
      String name, Principal.Kind kind, List<RoleBinding> bindings) {
    requireName(name);
    if (kind == null) {
      throw new IllegalArgumentException("kind: expected User or Automation");
    }
    for (int i = 0; i < bindings.size(); i++) {
      RoleBinding b = bindings.get(i);
      try {
        RoleBinding.of(b.role().id(), b.organization(), b.project(), b.environment());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bindings[" + i + "]." + e.getMessage(), e);
      }
    }
    if (entries.stream().anyMatch(e -> e.user().name().equals(name))) {
      boolean revoked = find(name).map(u -> !u.active()).orElse(false);
      throw new NameTakenException(
          "a user named \""
              + name
              + "\" "
              + (revoked
                  ? "existed and was revoked; names are not reused (the audit log names them),"
                      + " choose another"
                  : "exists already; choose another name"));
    }
    byte[] secret = new byte[TOKEN_BYTES];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    UserAccount user = new UserAccount(name, kind, bindings, clock.instant(), null);
    List<TokenFile.Entry> next = new ArrayList<>(entries);
    next.add(new TokenFile.Entry(user, hashHex(token)));
    file.write(next);
    entries = List.copyOf(next);
    log.info("Created user name={} kind={} bindings={}", name, kind, bindings.size());
    return new Issued(user, token);
  }

  @Override
  public List<UserAccount> list() {
    return entries.stream().map(TokenFile.Entry::user).toList();
  }

  @Override
  public Optional<UserAccount> find(String name) {
    return entries.stream()
        .map(TokenFile.Entry::user)
        .filter(u -> u.name().equals(name))
        .findFirst();
  }

  @Override
  public synchronized boolean revoke(String name) {
    List<TokenFile.Entry> next = new ArrayList<>(entries.size());
    boolean changed = false;
    for (TokenFile.Entry e : entries) {
      if (e.user().name().equals(name) && e.user().active()) {
        next.add(new TokenFile.Entry(e.user().revoked(clock.instant()), null));
        changed = true;
      } else {
        next.add(e);
      }
    }
    if (!changed) {
      return false;
    }
    file.write(next);
    entries = List.copyOf(next);
    log.info("Revoked user name={}", name);
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
    TokenFile.Entry match = null;
    for (TokenFile.Entry e : entries) {
      // No early exit: the time taken does not reveal which entry matched. A revoked entry has no
      // hash and is compared against a dummy of the same length.
      byte[] stored = e.sha256Hex() != null ? e.sha256Hex() : TokenFile.NO_HASH;
      if (MessageDigest.isEqual(presented, stored) && e.sha256Hex() != null && match == null) {
        match = e;
      }
    }
    return Optional.ofNullable(match).map(e -> e.user().principal());
  }

  static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid user name \""
              + (name == null ? "" : name)
              + "\": expected 1-128 letters, digits, '.', '_', '@' or '-', starting with a letter"
              + " or digit");
    }
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
}
