/**
 * The GitCommitRequest executor (delivery.md §7, model.md §3.25) as a controller of the embedded
 * engine: it clones the request's branch into a private temporary directory, applies the file edits
 * ({@code content}, RFC 6902 {@code patch} on JSON or YAML, {@code delete}), stages exactly the
 * listed paths, commits as {@code spec.author} with the server as committer, pushes, and records
 * the outcome in the status. {@link dev.troupe.engine.controllers.gitcommit.GitCommitControllers}
 * registers it.
 *
 * <p><b>Transports.</b> JGit's {@code https://}, {@code http://} and {@code file://} transports,
 * all allowed because this is the embedded platform. Credentials come from a stored {@code Secret}
 * ({@code username} + {@code password}) and reach JGit only through a credentials provider. SSH
 * ({@code ssh://}, {@code git@host:path}, or a Secret with only {@code ssh-privatekey}) is refused
 * with a clear {@code Failed} status: JGit implements SSH in a separate module ({@code
 * org.eclipse.jgit.ssh.apache}) that is not a dependency of the server yet.
 *
 * <p><b>Redaction.</b> Every message that reaches a status, an event or a log passes through {@link
 * dev.troupe.engine.controllers.gitcommit.Redactor}, which removes the request's credential values
 * and then URL user info and tokens; repositories are named by host and path only.
 *
 * <p>Written here rather than reused: the gitops applier ({@code dev.troupe.engine.gitops}) writes
 * a bare repository it owns, without a working tree, clone or push; this executor works against a
 * remote it does not own, so it needs the clone-edit-push cycle, non-fast-forward retries and the
 * error classes of §7.2 instead.
 */
package dev.troupe.engine.controllers.gitcommit;
