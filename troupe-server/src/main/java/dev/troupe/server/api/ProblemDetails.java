package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.engine.store.StoreException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problem details of this API: the body shape, the titles of the codes, and the mapping of
 * store errors and admission findings to a status and code.
 */
final class ProblemDetails {
  static final String CONTENT_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://troupe.dev/problems/";

  private static final Map<String, String> TITLES =
      Map.ofEntries(
          Map.entry("INVALID", "The request is invalid"),
          Map.entry("UNAUTHENTICATED", "Authentication required"),
          Map.entry("FORBIDDEN", "Not allowed"),
          Map.entry("NOT_FOUND", "Not found"),
          Map.entry("USER_NOT_FOUND", "User not found"),
          Map.entry("NOT_IMPLEMENTED", "Not implemented"),
          Map.entry("UNKNOWN_KIND", "Unknown kind"),
          Map.entry("ORGANIZATION_NOT_FOUND", "Organization not found"),
          // Delivery (delivery.md §9.1)
          Map.entry("PROJECT_NOT_FOUND", "Project not found"),
          Map.entry("COMPONENT_NOT_FOUND", "Component not found"),
          Map.entry("DEPLOYMENT_PIPELINE_NOT_FOUND", "Deployment pipeline not found"),
          Map.entry("ENVIRONMENT_NOT_FOUND", "Environment not found"),
          Map.entry("BINDING_NOT_FOUND", "Binding not found"),
          Map.entry("PROMOTION_NOT_FOUND", "Promotion not found"),
          Map.entry("REVISION_NOT_FOUND", "Revision not found"),
          Map.entry("INVALID_PROMOTION_PATH", "No such promotion path"),
          Map.entry("UNSUPPORTED_COMPONENT_TYPE", "Component type cannot be promoted"),
          Map.entry("AMBIGUOUS_BINDING", "More than one binding"),
          Map.entry("SOURCE_NOT_READY", "Source not ready"),
          Map.entry("PROMOTION_IN_PROGRESS", "Promotion in progress"),
          Map.entry("PROMOTION_NOT_PENDING", "Promotion not pending"),
          Map.entry("APPROVAL_NOT_ALLOWED", "Approval not allowed"),
          Map.entry("ALREADY_AT_REVISION", "Already at that revision"),
          Map.entry("ARTIFACT_NOT_FOUND", "Artifact not found"),
          Map.entry("CONFLICT", "Conflict"),
          Map.entry("ALREADY_EXISTS", "Already exists"),
          Map.entry("ARTIFACT_IN_USE", "Still in use"),
          Map.entry("GONE", "Resource version too old"),
          Map.entry("UNSUPPORTED_MEDIA_TYPE", "Unsupported media type"),
          Map.entry("METHOD_NOT_ALLOWED", "Method not allowed"),
          Map.entry("UNAVAILABLE", "Storage unavailable"),
          Map.entry("INTERNAL", "Internal error"));

  private ProblemDetails() {}

  /** The problem body of {@code e}. */
  static ObjectNode body(ApiException e) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("type", TYPE_BASE + e.code().toLowerCase(Locale.ROOT).replace('_', '-'));
    body.put("title", TITLES.getOrDefault(e.code(), "Error"));
    body.put("status", e.status());
    body.put("detail", e.detail());
    body.put("code", e.code());
    ArrayNode errors = body.putArray("errors");
    e.errors().forEach(errors::add);
    return body;
  }

  static void write(Context ctx, ApiException e) {
    e.headers().forEach(ctx::header);
    Responses.json(ctx, e.status(), body(e), CONTENT_TYPE);
  }

  /** The exception-handler form of {@link #write}. */
  static void writeException(ApiException e, Context ctx) {
    write(ctx, e);
  }

  /** The problem of a store error. */
  static ApiException of(StoreException e) {
    return switch (e) {
      case StoreException.NotFound nf -> ApiException.notFound(nf.getMessage());
      case StoreException.AlreadyExists ae ->
          new ApiException(409, "ALREADY_EXISTS", ae.getMessage());
      case StoreException.Conflict c -> new ApiException(409, "CONFLICT", c.getMessage());
      case StoreException.Gone g -> new ApiException(410, "GONE", g.getMessage());
      case StoreException.Invalid i -> invalid(i);
      case StoreException.Unavailable u ->
          new ApiException(503, "UNAVAILABLE", "the store is unavailable: " + u.getMessage());
    };
  }

  private static ApiException invalid(StoreException.Invalid i) {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("path", i.field() == null ? "" : i.field());
    error.put("message", i.getMessage());
    error.put("rule", i.reason().name());
    error.put("severity", "error");
    int status = i.reason() == StoreException.Invalid.Reason.Terminating ? 409 : 400;
    String code = status == 409 ? "CONFLICT" : "INVALID";
    return new ApiException(status, code, i.getMessage(), List.of(error), Map.of());
  }

  /**
   * The problem of a rejected admission: 404 ORGANIZATION_NOT_FOUND when the namespace's
   * Organization is missing, 409 CONFLICT for a stale resourceVersion or uid or a terminating
   * object, else 400 INVALID; every error is listed.
   */
  static ApiException ofAdmission(List<Problem> errors) {
    List<ObjectNode> entries = errors.stream().map(ProblemDetails::entry).toList();
    String detail = summary(errors);
    boolean orgMissing =
        errors.stream()
            .anyMatch(p -> p.rule() == Rule.NotFound && p.path().equals("metadata.namespace"));
    if (orgMissing) {
      return new ApiException(404, "ORGANIZATION_NOT_FOUND", detail, entries, Map.of());
    }
    boolean conflict =
        errors.stream().anyMatch(p -> p.rule() == Rule.Conflict || p.rule() == Rule.Terminating);
    return new ApiException(
        conflict ? 409 : 400, conflict ? "CONFLICT" : "INVALID", detail, entries, Map.of());
  }

  private static String summary(List<Problem> errors) {
    if (errors.isEmpty()) {
      return "the request was rejected";
    }
    Problem first = errors.get(0);
    StringBuilder b = new StringBuilder();
    b.append(first.kind().isEmpty() ? "object" : first.kind()).append(' ');
    if (!first.namespace().isEmpty()) {
      b.append(first.namespace()).append('/');
    }
    b.append(first.name().isEmpty() ? "<unnamed>" : first.name()).append(": ");
    if (!first.path().isEmpty()) {
      b.append(first.path()).append(": ");
    }
    b.append(first.message());
    if (errors.size() > 1) {
      b.append(" (and ").append(errors.size() - 1).append(" more)");
    }
    return b.toString();
  }

  /** One {@code errors[]} (or {@code warnings[]}) entry of an admission problem. */
  static ObjectNode entry(Problem p) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("path", p.path());
    e.put("message", p.message());
    e.put("rule", p.rule().name());
    e.put("severity", p.severity().wire());
    if (p.hint() != null && !p.hint().isEmpty()) {
      e.put("hint", p.hint());
    }
    if (!p.kind().isEmpty()) {
      e.put("kind", p.kind());
    }
    if (!p.namespace().isEmpty()) {
      e.put("namespace", p.namespace());
    }
    if (!p.name().isEmpty()) {
      e.put("name", p.name());
    }
    if (p.source() != null) {
      e.put("file", p.source().file());
      e.put("line", p.source().line());
      e.put("column", p.source().column());
    }
    return e;
  }

  /** Admission warnings as {@code Warning: 299 - "..."} headers (RFC 7234 form, ASCII only). */
  static void warningHeaders(Context ctx, List<Problem> warnings) {
    for (Problem w : warnings) {
      String text =
          w.kind()
              + " "
              + (w.namespace().isEmpty() ? "" : w.namespace() + "/")
              + w.name()
              + ": "
              + (w.path().isEmpty() ? "" : w.path() + ": ")
              + w.message();
      ctx.res().addHeader("Warning", "299 - \"" + headerSafe(text) + "\"");
    }
  }

  private static String headerSafe(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\'');
      } else if (c < 0x20 || c > 0x7e) {
        b.append(c == '\n' || c == '\t' ? ' ' : '?');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
