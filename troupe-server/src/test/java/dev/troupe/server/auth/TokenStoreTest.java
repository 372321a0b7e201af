package dev.troupe.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TokenStoreTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void issuedTokenHasThePrefixAndAuthenticatesItsPrincipal() {
    TokenStore store = TokenStore.open(dir, CLOCK);
    RoleBinding shop = new RoleBinding(Role.DEVELOPER, "acme", "shop", "development");
    UserDirectory.Issued issued =
        store.createUser("ci-bot", Principal.Kind.AUTOMATION, List.of(shop));

    assertThat(issued.token()).matches("trp_[A-Za-z0-9_-]{43}");
    assertThat(issued.toString()).doesNotContain(issued.token()).contains("redacted");
    assertThat(store.authenticate(issued.token()))
        .contains(new Principal("ci-bot", Principal.Kind.AUTOMATION, List.of(shop)));
    assertThat(store.list())
        .containsExactly(
            new UserAccount(
                "ci-bot", Principal.Kind.AUTOMATION, List.of(shop), CLOCK.instant(), null));
  }

  @Test
  void roleNamesAreHeldInEveryOrganization() {
    TokenStore store = TokenStore.open(dir, CLOCK);
    String token = store.create("pat", Principal.Kind.USER, List.of("platform-engineer"));

    assertThat(store.authenticate(token).orElseThrow().bindings())
        .containsExactly(new RoleBinding(Role.PLATFORM_ENGINEER, "*", null, null));
    assertThatThrownBy(() -> store.create("x", Principal.Kind.USER, List.of("overlord")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown role \"overlord\"");
  }

  @Test
  void bindingsAndKindSurviveARestart() {
    TokenStore store = TokenStore.open(dir, CLOCK);
    List<RoleBinding> bindings =
        List.of(
            new RoleBinding(Role.APPROVER, "acme", null, "production"),
            new RoleBinding(Role.VIEWER, "*", null, null));
    String token = store.createUser("petra", Principal.Kind.USER, bindings).token();

    TokenStore restarted = TokenStore.open(dir, CLOCK);
    assertThat(restarted.authenticate(token))
        .contains(new Principal("petra", Principal.Kind.USER, bindings));
    assertThat(restarted.find("petra").orElseThrow().bindings()).isEqualTo(bindings);
  }

  @Test
  void malformedBindingsAreRefusedWithTheField() {
    TokenStore store = TokenStore.open(dir, CLOCK);

    assertThatThrownBy(
            () ->
                store.createUser(
                    "x",
                    Principal.Kind.USER,
                    List.of(new RoleBinding(Role.VIEWER, "Not An Org", null, null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bindings[0].organization")
        .hasMessageContaining("DNS label");
    assertThatThrownBy(() -> RoleBinding.of("viewer", "acme", "bad/project", null))
        .hasMessageContaining("project \"bad/project\"");
    assertThatThrownBy(() -> RoleBinding.of("viewer", "", null, null))
        .hasMessageContaining("organization: required");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void readsTokenFilesOfFormatOne() throws Exception {
    String token = "trp_" + "A".repeat(43);
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
    String other = "trp_" + "B".repeat(43);
    String otherHash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(other.getBytes(StandardCharsets.UTF_8)));
    Files.createDirectories(dir.resolve("auth"));
    Files.writeString(
        dir.resolve("auth/tokens.json"),
        """
        {"version": 1, "tokens": [
          {"name": "admin", "kind": "USER", "roles": ["platform-engineer"],
           "createdAt": "2025-05-01T00:00:00Z", "sha256": "%s"},
          {"name": "ci", "kind": "AUTOMATION", "roles": ["developer", "approver"],
           "createdAt": "2025-05-02T00:00:00Z", "sha256": "%s"}
        ]}
        """
            .formatted(hash, otherHash));

    TokenStore store = TokenStore.open(dir, CLOCK);

    // The first start's admin token was the administrator before there was an admin role.
    assertThat(store.authenticate(token))
        .contains(new Principal("admin", Principal.Kind.USER, List.of(RoleBinding.admin())));
    assertThat(store.authenticate(other).orElseThrow().bindings())
        .containsExactly(
            new RoleBinding(Role.DEVELOPER, "*", null, null),
            new RoleBinding(Role.APPROVER, "*", null, null));
    assertThat(store.find("ci").orElseThrow().kind()).isEqualTo(Principal.Kind.AUTOMATION);
    assertThat(store.ensureAdmin()).isEmpty();

    // The next change writes the current format, with the same hashes.
    store.create("later", Principal.Kind.USER);
    String rewritten = Files.readString(dir.resolve("auth/tokens.json"));
    assertThat(rewritten).contains("\"version\" : 2").contains(hash).contains(otherHash);
    assertThat(TokenStore.open(dir, CLOCK).authenticate(other)).isPresent();
  }

  @Test
  void tokensAreRandom() {
    TokenStore store = TokenStore.open(dir, CLOCK);
    assertThat(store.create("a", Principal.Kind.USER))
        .isNotEqualTo(store.create("b", Principal.Kind.USER));
  }

  @Test
  void rejectsUnknownMalformedAndAlteredTokens() {
    TokenStore store = TokenStore.open(dir, CLOCK);
    String token = store.create("alice", Principal.Kind.USER);
    char last = token.charAt(token.length() - 1);
    String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(store.authenticate(null)).isEmpty();
    assertThat(store.authenticate("")).isEmpty();
    assertThat(store.authenticate(altered)).isEmpty();
    assertThat(store.authenticate("xyz_" + token.substring(4))).isEmpty();
    assertThat(store.authenticate(token + "A")).isEmpty();
  }

  @Test
  void fileHoldsOnlyTheSha256OfEachToken() throws Exception {
    TokenStore store = TokenStore.open(dir, CLOCK);
    String token = store.create("alice", Principal.Kind.USER);

    String file = Files.readString(dir.resolve("auth/tokens.json"));
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
    assertThat(file).doesNotContain(token).doesNotContain(token.substring(4)).contains(hash);
    assertThat(store.list().toString()).doesNotContain(hash).doesNotContain(token);
  }

  @Test
  void fileIsOwnerOnlyAndReplacedWithoutLeftovers() throws Exception {
    assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    TokenStore store = TokenStore.open(dir, CLOCK);
    store.create("alice", Principal.Kind.USER);
    store.create("bob", Principal.Kind.USER);
    store.revoke("alice");

    Path file = dir.resolve("auth/tokens.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("tokens.json");
    }
  }

  @Test
  void ensureAdminCreatesAnAdminOnceAndKeepsTokensAcrossRestarts() {
    TokenStore first = TokenStore.open(dir, CLOCK);
    String admin = first.ensureAdmin().orElseThrow();
    assertThat(first.ensureAdmin()).isEmpty();
    assertThat(first.authenticate(admin).orElseThrow().bindings())
        .containsExactly(RoleBinding.admin());

    TokenStore restarted = TokenStore.open(dir, CLOCK);
    assertThat(restarted.ensureAdmin()).isEmpty();
    assertThat(restarted.authenticate(admin)).map(Principal::name).contains(TokenStore.ADMIN);
  }

  @Test
  void revokedUsersNoLongerAuthenticateAlsoAfterRestartButStayListed() throws Exception {
    TokenStore store = TokenStore.open(dir, CLOCK);
    String alice = store.create("alice", Principal.Kind.USER);
    String bob = store.create("bob", Principal.Kind.USER);
    String aliceHash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(alice.getBytes(StandardCharsets.UTF_8)));

    assertThat(store.revoke("alice")).isTrue();
    assertThat(store.revoke("alice")).isFalse();
    assertThat(store.revoke("nobody")).isFalse();
    assertThat(store.authenticate(alice)).isEmpty();
    assertThat(Files.readString(dir.resolve("auth/tokens.json"))).doesNotContain(aliceHash);

    TokenStore restarted = TokenStore.open(dir, CLOCK);
    assertThat(restarted.authenticate(alice)).isEmpty();
    assertThat(restarted.authenticate(bob)).map(Principal::name).contains("bob");
    assertThat(restarted.list()).extracting(UserAccount::name).containsExactly("alice", "bob");
    UserAccount revoked = restarted.find("alice").orElseThrow();
    assertThat(revoked.active()).isFalse();
    assertThat(revoked.revokedAt()).isEqualTo(CLOCK.instant());
    assertThat(restarted.find("bob").orElseThrow().active()).isTrue();
  }

  @Test
  void namesAreNeverIssuedTwiceNotEvenAfterRevocation() {
    TokenStore store = TokenStore.open(dir, CLOCK);
    store.create("alice", Principal.Kind.USER);
    store.revoke("alice");

    assertThatThrownBy(() -> store.create("alice", Principal.Kind.USER))
        .isInstanceOf(UserDirectory.NameTakenException.class)
        .hasMessageContaining("revoked");
  }

  @Test
  void aCorruptFileIsReportedWithItsPath() throws Exception {
    Files.createDirectories(dir.resolve("auth"));
    Files.writeString(
        dir.resolve("auth/tokens.json"),
        "{\"version\":1,\"tokens\":[{\"name\":\"x\",\"sha256\":\"nothex\"}]}");

    assertThatThrownBy(() -> TokenStore.open(dir, CLOCK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tokens.json")
        .hasMessageContaining("tokens[0]");
  }

  @Test
  void tokensNeverReachTheLog() {
    Logger logger = (Logger) LoggerFactory.getLogger(TokenStore.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addAppender(appender);
    try {
      TokenStore store = TokenStore.open(dir, CLOCK);
      String admin = store.ensureAdmin().orElseThrow();
      String bot = store.create("bot", Principal.Kind.AUTOMATION);
      store.authenticate(admin);
      store.authenticate(bot + "x");
      store.revoke("bot");

      assertThat(appender.list).isNotEmpty();
      assertThat(appender.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(m -> m.contains(admin) || m.contains(bot) || m.contains("trp_"));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
  }
}
