package dev.troupe.api.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every format's check is total (never throws), and the formats that see secret-adjacent values
 * (Git URLs, base64 PEM data, vault keys) never put the value, or the secret inside it, into a
 * reason.
 */
class FormatSecrecyPropertiesTest {

  private static final List<Format> SECRET_ADJACENT =
      List.of(
          Formats.GIT_URL,
          Formats.GIT_URL_WITH_FILE,
          Formats.BASE64_PEM_CERTS,
          Formats.BASE64_PEM_CERT,
          Formats.BASE64_PEM_PRIVATE_KEY,
          Formats.VAULT_KEY);

  @Property(tries = 3000)
  void checkNeverThrowsOnArbitraryStrings(
      @ForAll("allFormats") Format format, @ForAll("anyText") String value) {
    Optional<String> reason = format.check(value);
    reason.ifPresent(r -> assertThat(r).isNotBlank().doesNotEndWith("."));
  }

  @Property(tries = 3000)
  void checkNeverThrowsOnNearMisses(
      @ForAll("allFormats") Format format, @ForAll("secretish") String value) {
    format.check(value);
  }

  @Property(tries = 5000)
  void secretAdjacentReasonsNeverContainTheValue(
      @ForAll("secretFormats") Format format, @ForAll("secretish") String value) {
    Assume.that(value.length() >= 8);
    format.check(value).ifPresent(reason -> assertThat(reason).doesNotContain(value));
  }

  @Property(tries = 3000)
  void gitUrlReasonsNeverContainThePassword(@ForAll("credentialUrl") Secret url) {
    for (Format format : List.of(Formats.GIT_URL, Formats.GIT_URL_WITH_FILE)) {
      Optional<String> reason = format.check(url.value());
      assertThat(reason).isPresent();
      assertThat(reason.get()).doesNotContain(url.secret()).doesNotContain(url.value());
    }
  }

  @Property(tries = 2000)
  void pemReasonsNeverContainTheEncodedData(@ForAll("pemLike") String value) {
    Assume.that(value.length() >= 8);
    for (Format format :
        List.of(
            Formats.BASE64_PEM_CERTS, Formats.BASE64_PEM_CERT, Formats.BASE64_PEM_PRIVATE_KEY)) {
      format
          .check(value)
          .ifPresent(
              reason -> {
                assertThat(reason).doesNotContain(value);
                for (int i = 0; i + 8 <= value.length(); i += 4) {
                  String chunk = value.substring(i, i + 8);
                  if (!isPlainWords(chunk)) {
                    assertThat(reason).doesNotContain(chunk);
                  }
                }
              });
    }
  }

  /** A value with the secret it carries. */
  record Secret(String value, String secret) {}

  @Provide
  Arbitrary<Format> allFormats() {
    return Arbitraries.of(FormatCatalogTest.allFormats());
  }

  @Provide
  Arbitrary<Format> secretFormats() {
    return Arbitraries.of(SECRET_ADJACENT);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings(),
        Arbitraries.strings().ascii().ofMaxLength(300),
        Arbitraries.strings().withChars("-_./:@#*[]?~^\\ \t\n%0aZ9").ofMaxLength(80));
  }

  @Provide
  Arbitrary<String> secretish() {
    return Arbitraries.oneOf(
        anyText(), credentialUrl().map(Secret::value), pemLike(), vaultLike(), gitUrlLike());
  }

  @Provide
  Arbitrary<Secret> credentialUrl() {
    Arbitrary<String> scheme = Arbitraries.of("https://", "http://", "ssh://", "HTTPS://");
    Arbitrary<String> user = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> password =
        Arbitraries.strings()
            .alpha()
            .numeric()
            .withChars("!$%&'()*+,;=-._~/")
            .ofMinLength(8)
            .ofMaxLength(40);
    Arbitrary<String> host = Arbitraries.of("github.com", "git.example.com:8443", "10.0.0.7", "h");
    Arbitrary<String> path = Arbitraries.of("/acme/ops.git", "", "/x", "/a b");
    Arbitrary<Secret> userPassword =
        Combinators.combine(scheme, user, password, host, path)
            .as((s, u, p, h, rest) -> new Secret(s + u + ":" + p + "@" + h + rest, p));
    Arbitrary<Secret> tokenAsUser =
        Combinators.combine(Arbitraries.of("https://", "http://"), password, host, path)
            .as((s, p, h, rest) -> new Secret(s + p + "@" + h + rest, p));
    Arbitrary<Secret> scpWithPassword =
        Combinators.combine(user, password, host)
            .as((u, p, h) -> new Secret(u + ":" + p + "@" + h + ":acme/ops.git", p));
    // A '/' in the "password" of an ssh:// or scp-like URL makes a different, valid URL (e.g.
    // ssh://a:1/x@host/path is host "a", port 1, path "/x@host/path"): not a credential URL.
    return Arbitraries.oneOf(userPassword, tokenAsUser, scpWithPassword)
        .filter(secret -> secret.secret().indexOf('@') < 0)
        .filter(secret -> secret.value().startsWith("http") || secret.secret().indexOf('/') < 0);
  }

  @Provide
  Arbitrary<String> gitUrlLike() {
    Arbitrary<String> prefix =
        Arbitraries.of("https://", "http://", "ssh://", "file://", "git://", "git@", "-", "");
    Arbitrary<String> rest = Arbitraries.strings().ascii().ofMaxLength(60);
    return Combinators.combine(prefix, rest).as(String::concat);
  }

  @Provide
  Arbitrary<String> vaultLike() {
    Arbitrary<String> part = Arbitraries.strings().withChars("abcXYZ019/#_- .\n").ofMaxLength(30);
    return Combinators.combine(Arbitraries.of("secret/data/", "/", "#", ""), part)
        .as(String::concat);
  }

  @Provide
  Arbitrary<String> pemLike() {
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<String> type =
        Arbitraries.of("CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "X");
    Arbitrary<String> pemText =
        Combinators.combine(type, bytes, Arbitraries.integers().between(0, 3))
            .as(
                (t, b, damage) -> {
                  String body = Base64.getMimeEncoder().encodeToString(b);
                  String text =
                      "-----BEGIN " + t + "-----\n" + body + "\n-----END " + t + "-----\n";
                  return switch (damage) {
                    case 0 -> text;
                    case 1 -> text.substring(0, text.length() / 2);
                    case 2 -> text.replace("-----END", "-----FIN");
                    default -> "junk\n" + text + text;
                  };
                });
    return Arbitraries.oneOf(
        pemText.map(PemFixtures::base64),
        pemText,
        bytes.map(b -> Base64.getEncoder().encodeToString(b)),
        pemText.map(
            t -> Base64.getMimeEncoder().encodeToString(t.getBytes(StandardCharsets.US_ASCII))));
  }

  /** Chunks of plain lower-case words (like "not valid") may legitimately appear in reasons. */
  private static boolean isPlainWords(String chunk) {
    return chunk.chars().allMatch(c -> (c >= 'a' && c <= 'z') || c == ' ' || c == '-');
  }
}
