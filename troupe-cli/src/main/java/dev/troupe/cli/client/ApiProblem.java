package dev.troupe.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 9457 problem as the server sends it: {@code type, title, status, detail, code, errors[]}.
 */
public record ApiProblem(
    String type, String title, int status, String detail, String code, List<FieldError> errors) {

  public ApiProblem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /**
   * One admission finding: {@code path, message, rule, severity, hint} and, when known, where it is
   * ({@code file, line, column}) and which object it is about ({@code kind, namespace, name}).
   * Absent numbers are 0, absent strings "".
   */
  public record FieldError(
      String path,
      String message,
      String rule,
      String severity,
      String hint,
      String file,
      int line,
      int column,
      String kind,
      String namespace,
      String name) {

    public boolean isError() {
      return !"warning".equalsIgnoreCase(severity);
    }

    /** Reads one entry of {@code errors[]} or {@code warnings[]}. */
    public static FieldError from(JsonNode n) {
      return new FieldError(
          text(n, "path"),
          text(n, "message"),
          text(n, "rule"),
          text(n, "severity"),
          text(n, "hint"),
          text(n, "file"),
          n.path("line").asInt(0),
          n.path("column").asInt(0),
          text(n, "kind"),
          text(n, "namespace"),
          text(n, "name"));
    }
  }

  /** Reads a problem body; a body that is not a problem yields one built from the status alone. */
  public static ApiProblem from(int status, JsonNode body) {
    if (body == null || !body.isObject()) {
      return new ApiProblem(null, "HTTP " + status, status, "", fallbackCode(status), List.of());
    }
    List<FieldError> errors = new ArrayList<>();
    body.path("errors").forEach(e -> errors.add(FieldError.from(e)));
    String code = text(body, "code");
    return new ApiProblem(
        text(body, "type"),
        text(body, "title"),
        body.path("status").asInt(status),
        text(body, "detail"),
        code.isEmpty() ? fallbackCode(status) : code,
        errors);
  }

  static String fallbackCode(int status) {
    return switch (status) {
      case 400 -> "INVALID";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 410 -> "GONE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      default -> status >= 500 ? "INTERNAL" : "HTTP_" + status;
    };
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
