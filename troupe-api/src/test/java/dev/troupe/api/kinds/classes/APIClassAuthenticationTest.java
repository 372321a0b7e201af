package dev.troupe.api.kinds.classes;

import static dev.troupe.api.kinds.classes.APIClassTest.defaults;
import static dev.troupe.api.kinds.classes.ClassDocs.problem;
import static dev.troupe.api.kinds.classes.ClassDocs.warning;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.format.Formats;
import org.junit.jupiter.api.Test;

/** APIClass authentication (model.md §3.17): the type enumeration and its requirements. */
class APIClassAuthenticationTest {
  private static final String AUTH = "spec.restPolicy.defaults.authentication";

  @Test
  void row24_authenticationTypeEnumeration() {
    Problem p =
        problem(
            defaults("authentication: {type: JWT}"),
            Rule.EnumValue,
            AUTH + ".type",
            "unsupported value \"JWT\"; allowed values: jwt, apikey, oauth2, basic");
    assertThat(p.hint()).isEqualTo("did you mean \"jwt\"?");
  }

  @Test
  void jwtRequiredForJwt() {
    Problem p =
        problem(
            defaults("authentication: {type: jwt}"),
            Rule.Required,
            AUTH + ".jwt",
            "required field \"jwt\" is missing");
    assertThat(p.hint()).isEqualTo("required when type is jwt");
    problem(
        defaults("authentication: {type: jwt, jwt: {jwks: \"https://idp/jwks\"}}"),
        Rule.Required,
        AUTH + ".jwt.issuer",
        "required field \"issuer\" is missing");
    problem(
        defaults("authentication: {type: jwt, jwt: {jwks: \"ftp://idp/jwks\", issuer: x}}"),
        Rule.InvalidFormat,
        AUTH + ".jwt.jwks",
        "jwks is not a valid URL: " + Formats.HTTP_URL.check("ftp://idp/jwks").orElseThrow());
    assertAccepted(defaults("authentication: {type: jwt, jwt: {issuer: \"https://idp\"}}"));
  }

  @Test
  void oauth2NeedsJwtAndScopes() {
    AdmissionResult r = defaults("authentication: {type: oauth2}");
    problem(r, Rule.Required, AUTH + ".jwt", "required field \"jwt\" is missing");
    problem(r, Rule.Required, AUTH + ".oauth2", "required field \"oauth2\" is missing");
    problem(
        defaults(
            "authentication:\n  type: oauth2\n  jwt: {issuer: i}\n"
                + "  oauth2: {tokenUrl: \"https://idp/token\"}"),
        Rule.Required,
        AUTH + ".oauth2.scopes",
        "required field \"scopes\" is missing");
    problem(
        defaults(
            "authentication:\n  type: oauth2\n  jwt: {issuer: i}\n"
                + "  oauth2: {tokenUrl: \"https://idp/token\", scopes: []}"),
        Rule.Required,
        AUTH + ".oauth2.scopes",
        "scopes must have at least one entry");
    problem(
        defaults(
            "authentication:\n  type: oauth2\n  jwt: {issuer: i}\n"
                + "  oauth2: {tokenUrl: \"http://idp/token\", scopes: [read]}"),
        Rule.InvalidFormat,
        AUTH + ".oauth2.tokenUrl",
        "tokenUrl is not a valid HTTPS URL: "
            + Formats.HTTPS_URL.check("http://idp/token").orElseThrow());
    assertThat(
            assertAccepted(
                    defaults(
                        "authentication:\n  type: oauth2\n  jwt: {issuer: i}\n"
                            + "  oauth2: {tokenUrl: \"https://idp/token\", scopes: [read]}"))
                .problems())
        .isEmpty();
  }

  @Test
  void apiKeyNeedsExactlyOneCarrierAndASecret() {
    problem(
        defaults("authentication: {type: apikey}"),
        Rule.Required,
        AUTH + ".apikey",
        "required field \"apikey\" is missing");
    problem(
        defaults(
            "authentication: {type: apikey, apikey: {header: X-Key, queryParam: key,"
                + " secretRef: keys}}"),
        Rule.MutuallyExclusive,
        AUTH + ".apikey",
        "only one of header, queryParam may be set");
    problem(
        defaults("authentication: {type: apikey, apikey: {secretRef: keys}}"),
        Rule.OneOfRequired,
        AUTH + ".apikey",
        "exactly one of header, queryParam must be set");
    problem(
        defaults("authentication: {type: apikey, apikey: {header: X-Key}}"),
        Rule.Required,
        AUTH + ".apikey.secretRef",
        "required field \"secretRef\" is missing");
    problem(
        defaults("authentication: {type: apikey, apikey: {header: \"X Key\", secretRef: keys}}"),
        Rule.InvalidFormat,
        AUTH + ".apikey.header",
        "header is not a valid HTTP token: " + Formats.HTTP_TOKEN.check("X Key").orElseThrow());
    assertAccepted(
        defaults("authentication: {type: apikey, apikey: {queryParam: key, secretRef: keys}}"));
  }

  @Test
  void basicNeedsASecret() {
    problem(
        defaults("authentication: {type: basic}"),
        Rule.Required,
        AUTH + ".basic",
        "required field \"basic\" is missing");
    problem(
        defaults("authentication: {type: basic, basic: {}}"),
        Rule.Required,
        AUTH + ".basic.secretRef",
        "required field \"secretRef\" is missing");
    assertAccepted(defaults("authentication: {type: basic, basic: {secretRef: htpasswd}}"));
  }

  @Test
  void settingsOfAnotherTypeAreIgnored() {
    AdmissionResult r =
        assertAccepted(
            defaults(
                "authentication: {type: basic, basic: {secretRef: htpasswd},"
                    + " apikey: {header: X-Key, secretRef: keys}}"));
    warning(
        r, Rule.IgnoredField, AUTH + ".apikey", "apikey is ignored: authentication type is basic");
  }
}
