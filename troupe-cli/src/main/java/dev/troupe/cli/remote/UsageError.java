package dev.troupe.cli.remote;

/** A problem with the command's arguments: exit code 2. */
final class UsageError extends RuntimeException {
  UsageError(String message) {
    super(message);
  }
}
