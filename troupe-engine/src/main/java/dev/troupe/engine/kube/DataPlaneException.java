package dev.troupe.engine.kube;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;

/**
 * A failed request to a DataPlane, classified for the Release controller. The message is redacted
 * and built from the API server's {@code Status} (reason and message), never from the request URL
 * or headers.
 */
public final class DataPlaneException extends RuntimeException {
  /** What went wrong. */
  public enum Kind {
    /** No HTTP response (connection refused, timeout, TLS) or the credentials were rejected. */
    UNREACHABLE,
    NOT_FOUND,
    ALREADY_EXISTS,
    /** The kind is not served by the API server (a CRD not installed). */
    KIND_NOT_INSTALLED,
    /** The API server answered with another error (validation, admission webhook, RBAC, …). */
    REJECTED
  }

  private final Kind kind;
  private final int code;

  DataPlaneException(Kind kind, int code, String message) {
    super(Redaction.redact(message));
    this.kind = kind;
    this.code = code;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 when there was no response. */
  public int code() {
    return code;
  }

  static DataPlaneException kindNotInstalled(Gvk gvk) {
    return new DataPlaneException(
        Kind.KIND_NOT_INSTALLED, 404, "the API server does not serve " + gvk);
  }

  /** Classifies a fabric8 failure of {@code action} (e.g. {@code apply Deployment ns/x}). */
  static DataPlaneException of(String action, KubernetesClientException e) {
    int code = e.getCode();
    Status status = e.getStatus();
    String detail =
        status != null && status.getMessage() != null && !status.getMessage().isBlank()
            ? status.getMessage()
            : null;
    if (code <= 0 || hasIoCause(e)) {
      return new DataPlaneException(
          Kind.UNREACHABLE, 0, action + ": data plane unreachable (" + rootCause(e) + ")");
    }
    String text = action + ": HTTP " + code + (detail == null ? "" : ": " + detail);
    return switch (code) {
      case 401 -> new DataPlaneException(Kind.UNREACHABLE, code, text + " (credentials rejected)");
      case 404 -> new DataPlaneException(Kind.NOT_FOUND, code, text);
      case 409 ->
          "AlreadyExists".equals(status == null ? null : status.getReason())
              ? new DataPlaneException(Kind.ALREADY_EXISTS, code, text)
              : new DataPlaneException(Kind.REJECTED, code, text);
      default -> new DataPlaneException(Kind.REJECTED, code, text);
    };
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's type and message, e.g. {@code ConnectException: Connection refused}. */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
