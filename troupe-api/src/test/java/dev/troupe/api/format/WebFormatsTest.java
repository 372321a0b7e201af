package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.CORS_ORIGIN;
import static dev.troupe.api.format.Formats.EMAIL;
import static dev.troupe.api.format.Formats.HTTPS_URL;
import static dev.troupe.api.format.Formats.HTTP_TOKEN;
import static dev.troupe.api.format.Formats.HTTP_TOKEN_OR_STAR;
import static dev.troupe.api.format.Formats.HTTP_URL;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebFormatsTest {

  private static final String CREDENTIALS = "credentials in the URL are not allowed";
  private static final String TOKEN_CHARS = "use letters, digits and !#$%&'*+-.^_`|~";
  private static final String ORIGIN_SHAPE =
      "expected \"*\" or scheme://host[:port], e.g. https://app.example.com";

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(HTTPS_URL, "https://kubernetes.default.svc"),
        arguments(HTTPS_URL, "https://api.dp.example.com:6443"),
        arguments(HTTPS_URL, "https://10.0.0.1:6443/"),
        arguments(HTTPS_URL, "https://[2001:db8::1]:6443"),
        arguments(HTTPS_URL, "HTTPS://Auth.Example.com/oauth2/token?x=1#f"),
        arguments(HTTP_URL, "http://observer.openchoreo-observability-plane:8080"),
        arguments(HTTP_URL, "https://idp.example.com/.well-known/jwks.json"),
        arguments(EMAIL, "bot@troupe.dev"),
        arguments(EMAIL, "a@b"),
        arguments(EMAIL, "first.last+tag@example.co.uk"),
        arguments(HTTP_TOKEN, "X-API-Key"),
        arguments(HTTP_TOKEN, "authorization"),
        arguments(HTTP_TOKEN, "x!#$%&'*+-.^_`|~1"),
        arguments(HTTP_TOKEN_OR_STAR, "*"),
        arguments(HTTP_TOKEN_OR_STAR, "Content-Type"),
        arguments(CORS_ORIGIN, "*"),
        arguments(CORS_ORIGIN, "https://app.example.com"),
        arguments(CORS_ORIGIN, "http://localhost:3000"),
        arguments(CORS_ORIGIN, "https://*.example.com"),
        arguments(CORS_ORIGIN, "http://127.0.0.1:8080"),
        arguments(CORS_ORIGIN, "http://[::1]:8080"),
        arguments(CORS_ORIGIN, "chrome-extension://abcdef"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(HTTPS_URL, "", "expected an absolute https:// URL"),
        arguments(HTTPS_URL, "http://api.example.com", "expected an absolute https:// URL"),
        arguments(HTTPS_URL, "api.example.com:6443", "expected an absolute https:// URL"),
        arguments(HTTPS_URL, "https://", "the host is missing"),
        arguments(HTTPS_URL, "https:///path", "the host is missing"),
        arguments(HTTPS_URL, "https://admin:pw@api.example.com", CREDENTIALS),
        arguments(HTTPS_URL, "https://admin:p/w@api.example.com", CREDENTIALS),
        arguments(HTTPS_URL, "https://api_server:6443", "the host is not valid"),
        arguments(HTTPS_URL, "https://api.example.com:70000", "the host is not valid"),
        arguments(
            HTTPS_URL,
            "https://api .example.com",
            "must not contain whitespace or control characters"),
        arguments(
            HTTP_URL, "ftp://files.example.com", "expected an absolute http:// or https:// URL"),
        arguments(HTTP_URL, "/relative/path", "expected an absolute http:// or https:// URL"),
        arguments(HTTP_URL, "http://user@observer:8080", CREDENTIALS),
        arguments(EMAIL, "", "must contain exactly one \"@\""),
        arguments(EMAIL, "bot.troupe.dev", "must contain exactly one \"@\""),
        arguments(EMAIL, "a@b@c", "must contain exactly one \"@\""),
        arguments(EMAIL, "@troupe.dev", "needs a name before and a domain after \"@\""),
        arguments(EMAIL, "bot@", "needs a name before and a domain after \"@\""),
        arguments(EMAIL, "bot @troupe.dev", "must not contain whitespace or control characters"),
        arguments(HTTP_TOKEN, "", "must not be empty"),
        arguments(HTTP_TOKEN, "*", "the wildcard \"*\" is not allowed here"),
        arguments(HTTP_TOKEN, "X API Key", TOKEN_CHARS),
        arguments(HTTP_TOKEN, "X-Key:", TOKEN_CHARS),
        arguments(HTTP_TOKEN, "\"quoted\"", TOKEN_CHARS),
        arguments(HTTP_TOKEN, "caf\u00e9", TOKEN_CHARS),
        arguments(HTTP_TOKEN_OR_STAR, "", "must not be empty"),
        arguments(HTTP_TOKEN_OR_STAR, "a,b", TOKEN_CHARS),
        arguments(CORS_ORIGIN, "", ORIGIN_SHAPE),
        arguments(CORS_ORIGIN, "shop.example.com", ORIGIN_SHAPE),
        arguments(CORS_ORIGIN, "HTTPS://shop.example.com", ORIGIN_SHAPE),
        arguments(CORS_ORIGIN, "://shop.example.com", ORIGIN_SHAPE),
        arguments(
            CORS_ORIGIN, "https://app.example.com/", "an origin has no path, query or fragment"),
        arguments(
            CORS_ORIGIN, "https://app.example.com/x", "an origin has no path, query or fragment"),
        arguments(CORS_ORIGIN, "https://u@app.example.com", "an origin has no user information"),
        arguments(
            CORS_ORIGIN,
            "https://a.*.example.com",
            "only a leading \"*.\" wildcard is allowed in the host"),
        arguments(
            CORS_ORIGIN, "https://*", "only a leading \"*.\" wildcard is allowed in the host"),
        arguments(CORS_ORIGIN, "https://App.example.com", "the host must be lower-case"),
        arguments(CORS_ORIGIN, "https://app.example.com:0", "the host or port is not valid"),
        arguments(CORS_ORIGIN, "https://", "the host or port is not valid"),
        arguments(CORS_ORIGIN, "https://app_1.example.com", "the host or port is not valid"));
  }

  @ParameterizedTest(name = "{0} accepts \"{1}\"")
  @MethodSource
  void valid(Format format, String value) {
    assertAccepts(format, value);
  }

  @ParameterizedTest(name = "{0} rejects \"{1}\": {2}")
  @MethodSource
  void invalid(Format format, String value, String reason) {
    assertRejects(format, value, reason);
  }
}
