package dev.troupe.engine.store;

/**
 * A store request that failed, as a closed set of typed errors (the Kubernetes status reasons
 * NotFound, AlreadyExists, Conflict, Gone, Invalid, plus Unavailable for storage failures). Callers
 * switch over the subclasses; messages are for people.
 */
public abstract sealed class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message of a write whose resourceVersion precondition failed (model.md §2.2). */
  public static final String MODIFIED =
      "the object has been modified; read it again and reapply your change";

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The object does not exist. */
  public static final class NotFound extends StoreException {
    private static final long serialVersionUID = 1L;
    private final transient ObjectKey key;

    public NotFound(ObjectKey key) {
      super(key.describe() + " not found", null);
      this.key = key;
    }

    public ObjectKey key() {
      return key;
    }
  }

  /** An object of that kind, namespace and name exists already. */
  public static final class AlreadyExists extends StoreException {
    private static final long serialVersionUID = 1L;
    private final transient ObjectKey key;

    public AlreadyExists(ObjectKey key) {
      super(key.describe() + " already exists", null);
      this.key = key;
    }

    public ObjectKey key() {
      return key;
    }
  }

  /** A precondition (resourceVersion or uid) does not match the stored object. */
  public static final class Conflict extends StoreException {
    private static final long serialVersionUID = 1L;
    private final transient ObjectKey key;

    public Conflict(ObjectKey key, String message) {
      super(message, null);
      this.key = key;
    }

    /** The stale-resourceVersion conflict. */
    public static Conflict modified(ObjectKey key) {
      return new Conflict(key, MODIFIED);
    }

    public ObjectKey key() {
      return key;
    }
  }

  /** The requested revision is older than the retained event log (HTTP 410). */
  public static final class Gone extends StoreException {
    private static final long serialVersionUID = 1L;
    private final long requested;
    private final long oldestAvailable;

    public Gone(long requested, long compacted) {
      super("too old resource version: " + requested + " (" + compacted + ")", null);
      this.requested = requested;
      this.oldestAvailable = compacted;
    }

    public long requested() {
      return requested;
    }

    /** The oldest revision a watch may start from. */
    public long oldestAvailable() {
      return oldestAvailable;
    }
  }

  /** The request itself is not acceptable. {@link #field()} is a dotted path or a parameter. */
  public static final class Invalid extends StoreException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;
    private final String field;

    public Invalid(Reason reason, String field, String message) {
      super(message, null);
      this.reason = reason;
      this.field = field;
    }

    static Invalid required(String field, String message) {
      return new Invalid(Reason.Required, field, message);
    }

    public Reason reason() {
      return reason;
    }

    public String field() {
      return field;
    }

    /** Why a request is invalid; names follow the admission rules of model.md §4. */
    public enum Reason {
      Required,
      InvalidValue,
      Immutable,
      Terminating,
      InvalidSelector,
      InvalidContinueToken
    }
  }

  /** The storage failed (I/O error, closed store); the outcome of a write is unknown. */
  public static final class Unavailable extends StoreException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
