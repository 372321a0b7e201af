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
    String token = store.create("ci-bot", Principal.Kind.AUTOMATION, List.of("developer"));

    assertThat(token).matches("trp_[A-Za-z0-9_-]{43}");
    assertThat(store.authenticate(token))
        .contains(new Principal("ci-bot", Principal.Kind.AUTOMATION, List.of("developer")));
    assertThat(store.list())
        .containsExactly(
            new TokenInfo(
                "ci-bot", Principal.Kind.AUTOMATION, List.of("developer"), CLOCK.instant()));
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
  void revokedTokenNoLongerAuthenticatesAlsoAfterRestart() {
    TokenStore store = TokenStore.open(dir, CLOCK);
    String alice = store.create("alice", Principal.Kind.USER);
    String bob = store.create("bob", Principal.Kind.USER);

    assertThat(store.revoke("alice")).isTrue();
    assertThat(store.revoke("alice")).isFalse();
    assertThat(store.authenticate(alice)).isEmpty();

    TokenStore restarted = TokenStore.open(dir, CLOCK);
    assertThat(restarted.authenticate(alice)).isEmpty();
    assertThat(restarted.authenticate(bob)).map(Principal::name).contains("bob");
    assertThat(restarted.list()).extracting(TokenInfo::name).containsExactly("bob");
  }

  @Test
  void rejectsDuplicateAndMalformedNames() {
    TokenStore store = TokenStore.open(dir, CLOCK);
    store.create("alice", Principal.Kind.USER);

    assertThatThrownBy(() -> store.create("alice", Principal.Kind.USER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exists already");
    assertThatThrownBy(() -> store.create("bad name", Principal.Kind.USER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid token name");
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
