package dev.troupe.api.kinds.classes;

import static dev.troupe.api.kinds.classes.ClassDocs.admit;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troupe.api.kinds.classes.RestPolicy.CircuitBreaker;
import dev.troupe.api.kinds.classes.RestPolicy.Cors;
import dev.troupe.api.kinds.classes.RestPolicy.RateLimit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Policy for a level" (model.md §3.17, §6 divergence 43). */
class APIClassPolicyTest {

  private static APIClass apiClass(String spec) {
    return (APIClass) assertAccepted(admit("APIClass", spec)).objects().get(0).resource();
  }

  @Test
  void circuitBreakerOverrideKeepsTheDefaultLimits() {
    APIClass c =
        apiClass(
            """
            restPolicy:
              defaults:
                circuitBreaker: {enabled: false, maxConnections: 50, maxPendingRequests: 20}
              public:
                circuitBreaker: {enabled: true}
            """);
    assertThat(c.policyFor(APIClass.PUBLIC).orElseThrow().circuitBreaker())
        .isEqualTo(new CircuitBreaker(true, 50, 20, null, null));
    assertThat(c.policyFor(APIClass.ORGANIZATION).orElseThrow().circuitBreaker())
        .isEqualTo(new CircuitBreaker(false, 50, 20, null, null));
  }

  @Test
  void overrideWinsFieldByFieldAndListsAreReplaced() {
    APIClass c =
        apiClass(
            """
            restPolicy:
              defaults:
                rateLimit: {requests: 10, window: 1m}
                cors:
                  allowOrigins: ["https://a.example.com", "https://b.example.com"]
                  allowMethods: [GET]
                  maxAge: 600
                authentication:
                  type: jwt
                  jwt: {issuer: "https://idp", audience: [a, b]}
              organization:
                rateLimit: {requests: 1000, window: 1h}
                cors:
                  allowOrigins: ["https://internal.example.com"]
                authentication:
                  type: jwt
                  jwt: {issuer: "https://internal-idp"}
            """);
    RestPolicy org = c.policyFor("Organization").orElseThrow();
    assertThat(org.rateLimit()).isEqualTo(new RateLimit(1000L, "1h"));
    assertThat(org.rateLimit().unit()).isEqualTo("Hour");
    assertThat(org.cors())
        .isEqualTo(
            new Cors(List.of("https://internal.example.com"), List.of("GET"), null, null, 600L));
    assertThat(org.authentication().jwt().issuer()).isEqualTo("https://internal-idp");
    assertThat(org.authentication().jwt().audience()).containsExactly("a", "b");
    RestPolicy pub = c.policyFor("public").orElseThrow();
    assertThat(pub.rateLimit()).isEqualTo(new RateLimit(10L, "1m"));
    assertThat(pub.rateLimit().unit()).isEqualTo("Minute");
  }

  @Test
  void oneSideAbsentUsesTheOther() {
    APIClass onlyOverride =
        apiClass("restPolicy:\n  public:\n    rateLimit: {requests: 5, window: 1s}\n");
    assertThat(onlyOverride.policyFor(APIClass.PUBLIC).orElseThrow().rateLimit().requests())
        .isEqualTo(5L);
    assertThat(onlyOverride.policyFor(APIClass.ORGANIZATION)).isEmpty();
    assertThat(onlyOverride.policyFor(APIClass.PROJECT)).isEmpty();

    APIClass onlyDefaults =
        apiClass("restPolicy:\n  defaults:\n    rateLimit: {requests: 7, window: 1d}\n");
    assertThat(onlyDefaults.policyFor(APIClass.ORGANIZATION).orElseThrow().rateLimit().unit())
        .isEqualTo("Day");
    assertThat(onlyDefaults.policyFor(APIClass.PROJECT).orElseThrow().rateLimit().requests())
        .isEqualTo(7L);
  }

  @Test
  void emptyPoliciesArePresent() {
    APIClass c = apiClass("restPolicy: {defaults: {}, public: {}, organization: {}}\n");
    assertThat(c.policyFor(APIClass.PUBLIC)).contains(RestPolicy.EMPTY);
  }

  @Test
  void mergeIsPure() {
    RestPolicy defaults =
        new RestPolicy(
            new RateLimit(1L, "1s"), null, null, null, null, new CircuitBreaker(true, 1, 2, 3, 4));
    RestPolicy override =
        new RestPolicy(
            null, null, null, null, null, new CircuitBreaker(false, null, 9, null, null));
    RestPolicy merged = APIClass.merge(defaults, override).orElseThrow();
    assertThat(merged.rateLimit()).isEqualTo(new RateLimit(1L, "1s"));
    assertThat(merged.circuitBreaker()).isEqualTo(new CircuitBreaker(false, 1, 9, 3, 4));
    assertThat(defaults.circuitBreaker()).isEqualTo(new CircuitBreaker(true, 1, 2, 3, 4));
    assertThat(APIClass.merge(null, null)).isEmpty();
  }

  @Test
  void unknownLevel() {
    APIClass c = apiClass("{}");
    assertThatThrownBy(() -> c.policyFor("Internal")).isInstanceOf(IllegalArgumentException.class);
  }
}
