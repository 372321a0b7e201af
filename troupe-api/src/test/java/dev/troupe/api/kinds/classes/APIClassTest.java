package dev.troupe.api.kinds.classes;

import static dev.troupe.api.kinds.classes.ClassDocs.admit;
import static dev.troupe.api.kinds.classes.ClassDocs.problem;
import static dev.troupe.api.kinds.classes.ClassDocs.warning;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.format.Formats;
import org.junit.jupiter.api.Test;

/** APIClass (model.md §3.17): the RESTPolicy rules. */
class APIClassTest {
  private static final String KIND = "APIClass";
  private static final String D = "spec.restPolicy.defaults";

  /** An APIClass whose {@code restPolicy.defaults} is {@code policy}. */
  static AdmissionResult defaults(String policy) {
    StringBuilder b = new StringBuilder("restPolicy:\n  defaults:\n");
    policy.lines().forEach(l -> b.append("    ").append(l).append('\n'));
    return admit(KIND, b.toString());
  }

  @Test
  void row23_rateLimitWindow() {
    problem(
        defaults("rateLimit: {requests: 100, window: 30s}"),
        Rule.EnumValue,
        D + ".rateLimit.window",
        "window \"30s\" is not supported; allowed windows are 1s, 1m, 1h, 1d");
  }

  @Test
  void rateLimitWindowHints() {
    assertThat(windowHint("60s")).isEqualTo("write \"1m\"");
    assertThat(windowHint("24h")).isEqualTo("write \"1d\"");
    assertThat(windowHint("1H")).isEqualTo("did you mean \"1h\"?");
    assertThat(windowHint("30s"))
        .isEqualTo("requests are not rescaled: choose one of the windows and adjust requests");
  }

  @Test
  void rateLimitRequestsRangeAndRequiredMembers() {
    problem(
        defaults("rateLimit: {requests: 0, window: 1m}"),
        Rule.Range,
        D + ".rateLimit.requests",
        "0 is out of range 1..4294967295");
    assertAccepted(defaults("rateLimit: {requests: 4294967295, window: 1d}"));
    AdmissionResult r = defaults("rateLimit: {}");
    problem(r, Rule.Required, D + ".rateLimit.requests", "required field \"requests\" is missing");
    problem(r, Rule.Required, D + ".rateLimit.window", "required field \"window\" is missing");
  }

  @Test
  void corsFormats() {
    AdmissionResult r =
        defaults(
            """
            cors:
              allowOrigins: ["https://*.example.com", "example.com"]
              allowMethods: [GET, get]
              allowHeaders: ["*", "X-Trace"]
              exposeHeaders: ["*"]
              maxAge: -1
            """);
    problem(
        r,
        Rule.InvalidFormat,
        D + ".cors.allowOrigins[1]",
        "allowOrigins is not a valid CORS origin: "
            + Formats.CORS_ORIGIN.check("example.com").orElseThrow());
    Problem m =
        problem(
            r,
            Rule.EnumValue,
            D + ".cors.allowMethods[1]",
            "unsupported value \"get\"; allowed values: GET, HEAD, POST, PUT, DELETE, CONNECT,"
                + " OPTIONS, TRACE, PATCH, *");
    assertThat(m.hint()).isEqualTo("did you mean \"GET\"?");
    problem(r, Rule.InvalidFormat, D + ".cors.exposeHeaders[0]");
    problem(r, Rule.Range, D + ".cors.maxAge", "-1 is out of range 0..2147483647");
    assertThat(r.errors()).hasSize(4);
  }

  @Test
  void ipListsAndTls() {
    AdmissionResult r =
        defaults(
            """
            security:
              allowedIPs: [10.0.0.0/8, "2001:db8::1", 10.0.0.0/33]
              blockedIPs: [192.168.1.7]
              requireTLS: true
              minTLSVersion: "1.4"
            """);
    problem(r, Rule.InvalidFormat, D + ".security.allowedIPs[2]");
    problem(
        r,
        Rule.EnumValue,
        D + ".security.minTLSVersion",
        "unsupported value \"1.4\"; allowed values: 1.0, 1.1, 1.2, 1.3");
    assertThat(r.errors()).hasSize(2);
    warning(
        assertAccepted(defaults("security: {minTLSVersion: \"1.2\"}")),
        Rule.NotRendered,
        D + ".security.minTLSVersion",
        "minTLSVersion is not enforced per API: TLS is terminated by the shared gateway listener");
    problem(
        defaults("security: {minTLSVersion: 1.2}"),
        Rule.TypeMismatch,
        D + ".security.minTLSVersion",
        "expected string, got number");
  }

  @Test
  void transformations() {
    AdmissionResult r =
        defaults(
            """
            mediation:
              requestTransformations:
              - {type: json, action: addHeader, headerName: X-Env}
              - {type: json, action: removeHeaders, headers: []}
              - {type: json, action: addFields}
              - {action: removeHeaders, headers: [X-Internal]}
              responseTransformations:
              - {type: yaml, action: dropFields}
            """);
    String req = D + ".mediation.requestTransformations";
    problem(r, Rule.Required, req + "[0].headerValue", "required field \"headerValue\" is missing");
    problem(r, Rule.Required, req + "[1].headers", "headers must have at least one entry");
    problem(r, Rule.Required, req + "[2].fields", "required field \"fields\" is missing");
    problem(r, Rule.Required, req + "[3].type", "required field \"type\" is missing");
    String res = D + ".mediation.responseTransformations[0]";
    problem(
        r, Rule.EnumValue, res + ".type", "unsupported value \"yaml\"; allowed values: json, xml");
    problem(
        r,
        Rule.EnumValue,
        res + ".action",
        "unsupported value \"dropFields\"; allowed values: addFields, addHeader, removeHeaders,"
            + " removeFields");
  }

  @Test
  void bodyTransformationsAreNotRendered() {
    AdmissionResult r =
        assertAccepted(
            defaults(
                """
                mediation:
                  responseTransformations:
                  - {type: json, action: removeFields, fields: {password: ""}, headers: [X-A]}
                  - {type: json, action: addHeader, headerName: X-Env, headerValue: prod}
                """));
    String res = D + ".mediation.responseTransformations";
    warning(
        r,
        Rule.NotRendered,
        res + "[0].action",
        "body transformation removeFields is not rendered: gateways apply header transformations"
            + " only");
    warning(
        r, Rule.IgnoredField, res + "[0].headers", "headers is ignored for action removeFields");
    assertThat(r.problems()).hasSize(2);
  }

  @Test
  void circuitBreaker() {
    AdmissionResult r = defaults("circuitBreaker: {maxConnections: -1}");
    problem(
        r, Rule.Required, D + ".circuitBreaker.enabled", "required field \"enabled\" is missing");
    problem(
        r, Rule.Range, D + ".circuitBreaker.maxConnections", "-1 is out of range 0..2147483647");
    assertAccepted(
        defaults(
            "circuitBreaker: {enabled: false, maxConnections: 0, maxPendingRequests: 1,"
                + " maxParallelRequests: 2, maxParallelRetries: 3}"));
  }

  @Test
  void grpcPolicyMustBeEmpty() {
    assertAccepted(admit(KIND, "grpcPolicy: {}\n"));
    problem(
        admit(KIND, "grpcPolicy: {rateLimit: {requests: 1, window: 1s}}\n"),
        Rule.UnknownField,
        "spec.grpcPolicy.rateLimit",
        "unknown field \"rateLimit\"");
  }

  @Test
  void overridesAreValidatedLikeDefaults() {
    AdmissionResult r =
        admit(
            KIND,
            """
            restPolicy:
              public: {rateLimit: {requests: 5, window: 2h}}
              organization: {authentication: {type: Basic}}
              project: {}
            """);
    problem(r, Rule.EnumValue, "spec.restPolicy.public.rateLimit.window");
    problem(r, Rule.EnumValue, "spec.restPolicy.organization.authentication.type");
    problem(r, Rule.UnknownField, "spec.restPolicy.project");
  }

  @Test
  void emptySpecIsAccepted() {
    AdmissionResult r = assertAccepted(admit(KIND, "{}"));
    APIClass c = (APIClass) r.objects().get(0).resource();
    assertThat(c.policyFor(APIClass.PUBLIC)).isEmpty();
  }

  private static String windowHint(String window) {
    return problem(
            defaults("rateLimit: {requests: 1, window: " + window + "}"),
            Rule.EnumValue,
            D + ".rateLimit.window")
        .hint();
  }
}
