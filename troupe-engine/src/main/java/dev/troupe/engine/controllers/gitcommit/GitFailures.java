package dev.troupe.engine.controllers.gitcommit;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.errors.TransportException;

/**
 * Sorts what JGit threw into the two error classes of delivery.md §7.2: non-retryable
 * (authentication or authorisation failure, repository not found) and retryable (everything else:
 * network, timeouts, server errors). Unknown failures are retryable, so a transient problem never
 * fails a request at once; the attempt limit ends a permanent one.
 *
 * <p>JGit reports HTTP outcomes only as exception text (its own message keys "not authorized",
 * "Authentication is required…", "… not permitted on …"; 404 as {@link
 * NoRemoteRepositoryException}; other statuses as "{@code <code> <reason>}"), so authentication is
 * recognised by those phrases, in this one place; {@code GitCommitHttpTest} pins them against a
 * real HTTP server.
 */
final class GitFailures {
  private static final String[] AUTH_PHRASES = {
    "not authorized", "authentication is required", "authentication not supported", "not permitted"
  };

  private GitFailures() {}

  static Outcome classify(Throwable failure, RepoUrl repo, Redactor redactor) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NoRemoteRepositoryException
          || t instanceof RepositoryNotFoundException
          || t instanceof InvalidRemoteException) {
        return new Outcome.Failed("repository " + repo.display() + " not found");
      }
      if (t instanceof TransportException
          || t instanceof org.eclipse.jgit.api.errors.TransportException) {
        String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        for (String phrase : AUTH_PHRASES) {
          if (text.contains(phrase)) {
            return new Outcome.Failed(
                "authentication or authorisation failed for " + repo.display());
          }
        }
      }
      if (t instanceof UnknownHostException
          || t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof InterruptedIOException) {
        return new Outcome.Retryable(
            redactor.redact(
                "cannot reach " + repo.display() + ": " + t.getClass().getSimpleName()));
      }
    }
    return new Outcome.Retryable(redactor.redact(repo.display() + ": " + describe(failure)));
  }

  /** The innermost message, which is the one that says what happened. */
  private static String describe(Throwable failure) {
    Throwable t = failure;
    String message = t.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}
