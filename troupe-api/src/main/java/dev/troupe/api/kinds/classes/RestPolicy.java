package dev.troupe.api.kinds.classes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API-management policy for REST APIs (model.md §3.17, "RESTPolicy"); every sub-object is
 * optional. Members are in the order of the spec's field table.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestPolicy(
    RateLimit rateLimit,
    Authentication authentication,
    Cors cors,
    Security security,
    Mediation mediation,
    CircuitBreaker circuitBreaker) {

  /** The empty policy ({@code {}}). */
  public static final RestPolicy EMPTY = new RestPolicy(null, null, null, null, null, null);

  /** {@code requests} per {@code window} ({@code 1s}, {@code 1m}, {@code 1h} or {@code 1d}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RateLimit(Long requests, String window) {
    /** The gateway's rate-limit unit for the window: Second, Minute, Hour or Day. */
    @JsonIgnore
    public String unit() {
      return switch (window == null ? "" : window) {
        case "1s" -> "Second";
        case "1m" -> "Minute";
        case "1h" -> "Hour";
        case "1d" -> "Day";
        default -> throw new IllegalStateException("unsupported window " + window);
      };
    }
  }

  /** The authentication scheme and its settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Authentication(String type, Jwt jwt, OAuth2 oauth2, ApiKey apikey, Basic basic) {
    public static final String JWT = "jwt";
    public static final String APIKEY = "apikey";
    public static final String OAUTH2 = "oauth2";
    public static final String BASIC = "basic";
  }

  /** JWT validation; {@code jwks} absent means the environment's remote JWKS. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Jwt(String jwks, String issuer, List<String> audience) {
    public Jwt {
      audience = audience == null ? null : List.copyOf(audience);
    }
  }

  /** OAuth2: the published token endpoint and the scopes a token must carry (all of them). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OAuth2(String tokenUrl, List<String> scopes) {
    public OAuth2 {
      scopes = scopes == null ? null : List.copyOf(scopes);
    }
  }

  /** API-key authentication: exactly one of header, queryParam; keys in a cell Secret. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ApiKey(String header, String queryParam, String secretRef) {}

  /** Basic authentication against the {@code .htpasswd} key of a cell Secret. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Basic(String secretRef) {}

  /** CORS settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cors(
      List<String> allowOrigins,
      List<String> allowMethods,
      List<String> allowHeaders,
      List<String> exposeHeaders,
      Long maxAge) {
    public Cors {
      allowOrigins = allowOrigins == null ? null : List.copyOf(allowOrigins);
      allowMethods = allowMethods == null ? null : List.copyOf(allowMethods);
      allowHeaders = allowHeaders == null ? null : List.copyOf(allowHeaders);
      exposeHeaders = exposeHeaders == null ? null : List.copyOf(exposeHeaders);
    }
  }

  /** Client IP allow/deny lists and TLS settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Security(
      List<String> allowedIPs, List<String> blockedIPs, Boolean requireTLS, String minTLSVersion) {
    public Security {
      allowedIPs = allowedIPs == null ? null : List.copyOf(allowedIPs);
      blockedIPs = blockedIPs == null ? null : List.copyOf(blockedIPs);
    }
  }

  /** Request and response transformations. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Mediation(
      List<TransformationRule> requestTransformations,
      List<TransformationRule> responseTransformations) {
    public Mediation {
      requestTransformations =
          requestTransformations == null ? null : List.copyOf(requestTransformations);
      responseTransformations =
          responseTransformations == null ? null : List.copyOf(responseTransformations);
    }
  }

  /**
   * One transformation: {@code addHeader}/{@code removeHeaders} are rendered as route header
   * modifiers; {@code addFields}/{@code removeFields} (body actions) are not rendered.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TransformationRule(
      String type,
      String action,
      Map<String, String> fields,
      List<String> headers,
      String headerName,
      String headerValue) {
    public static final String ADD_FIELDS = "addFields";
    public static final String ADD_HEADER = "addHeader";
    public static final String REMOVE_HEADERS = "removeHeaders";
    public static final String REMOVE_FIELDS = "removeFields";

    public TransformationRule {
      fields = fields == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      headers = headers == null ? null : List.copyOf(headers);
    }
  }

  /** Circuit breaking with upstream limits (each copied when set). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CircuitBreaker(
      Boolean enabled,
      Integer maxConnections,
      Integer maxPendingRequests,
      Integer maxParallelRequests,
      Integer maxParallelRetries) {}
}
