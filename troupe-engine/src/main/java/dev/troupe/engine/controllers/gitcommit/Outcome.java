package dev.troupe.engine.controllers.gitcommit;

/** How one execution of a request ended (delivery.md §7.2). Messages are redacted already. */
sealed interface Outcome {

  /** A commit was pushed ({@code message: commit pushed}). */
  record Pushed(String sha, String branch) implements Outcome {}

  /** The edits changed nothing; no commit ({@code message: no changes}, SHA = HEAD). */
  record Unchanged(String sha, String branch) implements Outcome {}

  /** Network, server 5xx, exhausted non-fast-forward retries: try again later. */
  record Retryable(String message) implements Outcome {}

  /** Authentication, missing branch, invalid path, a patch that does not apply, a file too big. */
  record Failed(String message) implements Outcome {}
}
