package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A request that ends with an RFC 9457 problem: HTTP status, stable {@code code}, a detail for
 * people and, for admission failures, the individual {@code errors}. Thrown by handlers and written
 * by {@link ProblemDetails}; never carries request headers or credentials.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient List<ObjectNode> errors;
  private final transient Map<String, String> headers;

  ApiException(int status, String code, String detail) {
    this(status, code, detail, List.of(), Map.of());
  }

  ApiException(
      int status,
      String code,
      String detail,
      List<ObjectNode> errors,
      Map<String, String> headers) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  static ApiException invalid(String detail) {
    return new ApiException(400, "INVALID", detail);
  }

  static ApiException notFound(String detail) {
    return new ApiException(404, "NOT_FOUND", detail);
  }

  static ApiException unknownKind(String word) {
    return new ApiException(
        404,
        "UNKNOWN_KIND",
        "unknown kind \""
            + word
            + "\": expected a kind's plural, singular, name or short name (GET /api/v1/kinds lists"
            + " them)");
  }

  static ApiException unauthenticated(String detail) {
    return new ApiException(
        401, "UNAUTHENTICATED", detail, List.of(), Map.of("WWW-Authenticate", "Bearer"));
  }

  static ApiException unsupportedMediaType(String got, String expected) {
    return new ApiException(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "unsupported Content-Type \"" + got + "\": expected " + expected);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  String detail() {
    return getMessage();
  }

  List<ObjectNode> errors() {
    return errors;
  }

  Map<String, String> headers() {
    return headers;
  }
}
