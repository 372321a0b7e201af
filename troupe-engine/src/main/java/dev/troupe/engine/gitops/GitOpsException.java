package dev.troupe.engine.gitops;

/**
 * A gitops write that did not happen. {@link Reason#INVALID_CONTENT} is terminal for this
 * generation ({@code Applied=False InvalidConfiguration}); the others are transient ({@code
 * Applied=False GitPushFailed}, retried).
 */
public final class GitOpsException extends RuntimeException {
  /** Why the write failed. */
  public enum Reason {
    /** The Release cannot be written: a name that is no file name, an object outside its cell. */
    INVALID_CONTENT,
    /** The branch moved under us on every attempt. */
    CONCURRENT_UPDATE,
    /** Reading or writing the repository failed. */
    REPOSITORY_ERROR
  }

  private final Reason reason;

  GitOpsException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** True when retrying later may succeed. */
  public boolean transientFailure() {
    return reason != Reason.INVALID_CONTENT;
  }

  static GitOpsException invalid(String message) {
    return new GitOpsException(Reason.INVALID_CONTENT, message, null);
  }
}
