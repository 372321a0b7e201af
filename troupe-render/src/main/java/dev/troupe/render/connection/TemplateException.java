package dev.troupe.render.connection;

/** A connection template error (rendering.md §6.3); the message is the exact blocker message. */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
