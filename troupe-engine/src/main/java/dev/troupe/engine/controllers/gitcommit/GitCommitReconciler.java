package dev.troupe.engine.controllers.gitcommit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.delivery.GitCommitRequest;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Reconciler;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.store.ObjectKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.PersonIdent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The GitCommitRequest executor as a controller (delivery.md §7.2): a request is executed until it
 * is {@code Succeeded} or {@code Failed}, and never again after that.
 *
 * <ol>
 *   <li>terminal → nothing; new → {@code phase: Pending};
 *   <li>the repository URL and transport are checked (ssh is not supported yet → {@code Failed});
 *   <li>the auth Secret is read: missing → stay {@code Pending} with {@code Ready=False
 *       SecretNotFound} (the Secret watch resumes it); unusable → {@code Failed};
 *   <li>the {@link CommitExecutor} runs once; its outcome is recorded: pushed or unchanged → {@code
 *       Succeeded}; non-retryable → {@code Failed}; retryable → {@code Pending}, {@code Ready=False
 *       Retrying} and a timer (5 s doubling to 5 min), until the attempt limit fails it.
 * </ol>
 *
 * Status is read from the store, not the cache, so a request is never executed again on a stale
 * read of its own status.
 */
final class GitCommitReconciler implements Reconciler {
  private static final Logger log = LoggerFactory.getLogger(GitCommitReconciler.class);
  static final String SSH_UNSUPPORTED =
      "ssh transport is not supported by this server yet; use an https:// repository URL with"
          + " username and password";

  private final ControllerContext ctx;
  private final GitCommitOptions options;
  private final CommitExecutor executor;
  private final GitCommitStatus status;

  /** When each request in back-off may run again; requeues before that only wait. */
  private final Map<ObjectKey, Instant> notBefore = new ConcurrentHashMap<>();

  GitCommitReconciler(ControllerContext ctx, GitCommitOptions options) {
    this.ctx = ctx;
    this.options = options;
    this.executor =
        new CommitExecutor(
            options.workRoot(),
            options.timeout(),
            options.nonFastForwardRetries(),
            options.beforePush());
    this.status = new GitCommitStatus(ctx.store(), ctx.status());
  }

  /** What the checks before executing decided. */
  private sealed interface Preparation {}

  private record Ready(CommitJob job, Redactor redactor) implements Preparation {}

  private record Stop(Result result) implements Preparation {}

  @Override
  public Result reconcile(ObjectKey key) {
    Optional<ObjectNode> stored = ctx.store().find(key.kind(), key.namespace(), key.name());
    if (stored.isEmpty() || stored.get().path("metadata").hasNonNull("deletionTimestamp")) {
      notBefore.remove(key);
      return Result.done();
    }
    ObjectNode tree = stored.get();
    if (isTerminal(tree)) {
      notBefore.remove(key);
      return Result.done();
    }
    Duration wait = waitLeft(key);
    if (wait != null) {
      return Result.after(wait);
    }
    MDC.put("kind", key.kind());
    MDC.put("namespace", key.namespace());
    MDC.put("name", key.name());
    try {
      Optional<ObjectNode> pending = markPending(key, tree);
      if (pending.isEmpty()) {
        return Result.done();
      }
      return switch (prepare(key, pending.get())) {
        case Stop stop -> stop.result();
        case Ready ready ->
            record(key, ready.job(), executor.execute(ready.job(), ready.redactor()));
      };
    } finally {
      MDC.remove("kind");
      MDC.remove("namespace");
      MDC.remove("name");
    }
  }

  // ---- steps -----------------------------------------------------------------------------------

  private Optional<ObjectNode> markPending(ObjectKey key, ObjectNode tree) {
    if (!tree.path("status").path("phase").asText("").isEmpty()) {
      return Optional.of(tree);
    }
    ObjectNode s = GitCommitStatus.draft(tree);
    s.put("phase", GitCommitStatus.PENDING);
    s.put("attempts", 0);
    return status.write(key, s);
  }

  private Preparation prepare(ObjectKey key, ObjectNode tree) {
    GitCommitRequest request;
    try {
      request = Codec.bind(tree, GitCommitRequest.class);
    } catch (IllegalArgumentException e) {
      return fail(key, tree, "the request cannot be read as a GitCommitRequest");
    }
    GitCommitRequest.Spec spec = request.spec();
    if (spec == null
        || spec.repoURL() == null
        || spec.message() == null
        || spec.files() == null
        || spec.files().isEmpty()) {
      return fail(key, tree, "spec.repoURL, spec.message and spec.files are required");
    }
    Optional<String> badUrl = Formats.GIT_URL_WITH_FILE.check(spec.repoURL());
    if (badUrl.isPresent()) {
      return fail(key, tree, "repoURL is not a valid Git URL: " + badUrl.get());
    }
    RepoUrl repo = RepoUrl.parse(spec.repoURL());
    if (repo.transport() == RepoUrl.Transport.SSH) {
      return fail(key, tree, SSH_UNSUPPORTED);
    }
    GitAuth auth = new GitAuth.Anonymous();
    if (spec.authSecretRef() != null && !spec.authSecretRef().isEmpty()) {
      switch (AuthSecrets.read(ctx.store(), key.namespace(), spec.authSecretRef())) {
        case AuthSecrets.Missing m -> {
          return waitForSecret(key, tree, m.message());
        }
        case AuthSecrets.Unusable u -> {
          return fail(key, tree, u.message());
        }
        case AuthSecrets.Found f -> auth = f.auth();
      }
      if (auth instanceof GitAuth.SshKey) {
        return fail(
            key,
            tree,
            AuthSecrets.NO_USABLE_CREDENTIALS
                + " for "
                + repo.transport().name().toLowerCase(java.util.Locale.ROOT)
                + ": it holds an ssh-privatekey, and "
                + SSH_UNSUPPORTED);
      }
    }
    Instant now = ctx.clock().instant();
    var settings = ctx.settings();
    PersonIdent committer =
        new PersonIdent(
            settings.gitopsAuthorName(), settings.gitopsAuthorEmail(), now, ZoneOffset.UTC);
    GitCommitRequest.Author a = spec.author();
    PersonIdent author =
        new PersonIdent(
            a == null || a.name() == null ? settings.gitopsAuthorName() : a.name(),
            a == null || a.email() == null ? settings.gitopsAuthorEmail() : a.email(),
            now,
            ZoneOffset.UTC);
    String branch = spec.branch() == null || spec.branch().isEmpty() ? null : spec.branch();
    CommitJob job =
        new CommitJob(repo, branch, spec.message(), author, committer, spec.files(), auth);
    return new Ready(job, new Redactor(auth));
  }

  private Result record(ObjectKey key, CommitJob job, Outcome outcome) {
    Optional<ObjectNode> current = ctx.store().find(key.kind(), key.namespace(), key.name());
    if (current.isEmpty()) {
      return Result.done();
    }
    ObjectNode tree = current.get();
    int attempts = GitCommitStatus.attempts(tree) + 1;
    ObjectNode s = GitCommitStatus.draft(tree);
    s.put("attempts", attempts);
    Instant now = ctx.clock().instant();
    String where = job.repo().display();
    switch (outcome) {
      case Outcome.Pushed p -> {
        succeed(s, tree, now, p.sha(), p.branch(), "commit pushed");
        String msg = "commit " + p.sha() + " pushed to branch \"" + p.branch() + "\" of " + where;
        GitCommitStatus.ready(s, tree, true, GitCommitStatus.SUCCEEDED, msg);
        status.write(key, s).ifPresent(t -> ctx.events().normal(t, "Committed", msg));
        log.info("Pushed commit {} of {} to branch {} of {}", p.sha(), key, p.branch(), where);
      }
      case Outcome.Unchanged u -> {
        succeed(s, tree, now, u.sha(), u.branch(), "no changes");
        String msg =
            "no changes: branch \"" + u.branch() + "\" of " + where + " already has this content";
        GitCommitStatus.ready(s, tree, true, GitCommitStatus.SUCCEEDED, msg);
        status.write(key, s).ifPresent(t -> ctx.events().normal(t, "NoChanges", msg));
        log.info("Found nothing to commit for {} on branch {} of {}", key, u.branch(), where);
      }
      case Outcome.Failed f -> {
        failed(key, tree, s, now, f.message());
      }
      case Outcome.Retryable r -> {
        if (attempts >= options.maxAttempts()) {
          failed(key, tree, s, now, "gave up after " + attempts + " attempts: " + r.message());
          return Result.done();
        }
        Duration delay = options.backoff(attempts);
        s.put("phase", GitCommitStatus.PENDING);
        s.put("message", r.message());
        GitCommitStatus.ready(
            s,
            tree,
            false,
            "Retrying",
            r.message()
                + " (attempt "
                + attempts
                + " of "
                + options.maxAttempts()
                + "; next in "
                + delay.toSeconds()
                + " s)");
        status.write(key, s).ifPresent(t -> ctx.events().warning(t, "Retrying", r.message()));
        log.info(
            "Scheduled retry {} of {} in {} ms after: {}",
            attempts,
            key,
            delay.toMillis(),
            r.message());
        notBefore.put(key, now.plus(delay));
        return Result.after(delay);
      }
    }
    notBefore.remove(key);
    return Result.done();
  }

  private static void succeed(
      ObjectNode s, ObjectNode tree, Instant now, String sha, String branch, String message) {
    GitCommitStatus.complete(s, GitCommitStatus.SUCCEEDED, message, now);
    s.put("observedSHA", sha);
    s.put("observedBranch", branch);
  }

  private Stop fail(ObjectKey key, ObjectNode tree, String message) {
    ObjectNode s = GitCommitStatus.draft(tree);
    failed(key, tree, s, ctx.clock().instant(), message);
    return new Stop(Result.done());
  }

  private void failed(ObjectKey key, ObjectNode tree, ObjectNode s, Instant now, String message) {
    GitCommitStatus.complete(s, GitCommitStatus.FAILED, message, now);
    GitCommitStatus.ready(s, tree, false, GitCommitStatus.FAILED, message);
    status.write(key, s).ifPresent(t -> ctx.events().warning(t, "Failed", message));
    log.warn("Failed {}: {}", key, message);
    notBefore.remove(key);
  }

  private Stop waitForSecret(ObjectKey key, ObjectNode tree, String message) {
    ObjectNode s = GitCommitStatus.draft(tree);
    s.put("phase", GitCommitStatus.PENDING);
    s.put("message", message);
    boolean already = "SecretNotFound".equals(readyReason(tree));
    GitCommitStatus.ready(s, tree, false, "SecretNotFound", message);
    Optional<ObjectNode> written = status.write(key, s);
    if (!already) {
      written.ifPresent(t -> ctx.events().warning(t, "SecretNotFound", message));
    }
    return new Stop(Result.done());
  }

  private static String readyReason(ObjectNode tree) {
    for (var c : tree.path("status").path("conditions")) {
      if (GitCommitStatus.READY.equals(c.path("type").asText())) {
        return c.path("reason").asText();
      }
    }
    return "";
  }

  private static boolean isTerminal(ObjectNode tree) {
    String phase = tree.path("status").path("phase").asText("");
    return phase.equals(GitCommitStatus.SUCCEEDED) || phase.equals(GitCommitStatus.FAILED);
  }

  /** How long a request in back-off still has to wait; null when it may run. */
  private Duration waitLeft(ObjectKey key) {
    Instant until = notBefore.get(key);
    if (until == null) {
      return null;
    }
    Duration left = Duration.between(ctx.clock().instant(), until);
    if (left.isNegative() || left.isZero()) {
      notBefore.remove(key);
      return null;
    }
    return left;
  }
}
