package dev.troupe.engine.jsonpatch;

/**
 * A patch that cannot be read or does not apply. The message names the operation (its index and op)
 * and the pointer, never a value of the patch or of the document.
 */
public final class JsonPatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonPatchException(String message) {
    super(message);
  }
}
