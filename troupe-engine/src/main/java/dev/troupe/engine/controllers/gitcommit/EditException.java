package dev.troupe.engine.controllers.gitcommit;

/**
 * An edit that cannot be made (a bad path, a patch that does not apply, a file too large): a
 * non-retryable failure of the request. The message names the file, never its content.
 */
final class EditException extends Exception {
  private static final long serialVersionUID = 1L;

  EditException(String message) {
    super(message);
  }
}
