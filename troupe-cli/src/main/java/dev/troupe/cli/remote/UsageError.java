package dev.troupe.cli.remote;

/** A problem with the command's arguments: exit code 2. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
