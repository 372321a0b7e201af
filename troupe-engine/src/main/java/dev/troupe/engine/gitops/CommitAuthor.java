package dev.troupe.engine.gitops;

import java.util.Objects;

/**
 * Author and committer of every gitops commit ({@code DataPlane spec.gitops.author}, else the
 * server setting {@code troupe.gitops.author}). The time comes from the applier's clock.
 */
public record CommitAuthor(String name, String email) {
  /** Used when neither the DataPlane nor the server names an author. */
  public static final CommitAuthor DEFAULT = new CommitAuthor("Troupe", "troupe@localhost");

  public CommitAuthor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    if (name.isBlank() || name.contains("\n") || name.contains("<") || name.contains(">")) {
      throw new IllegalArgumentException("invalid commit author name: " + name);
    }
    if (email.indexOf('@') < 0
        || email.indexOf('@') != email.lastIndexOf('@')
        || email.contains("\n")
        || email.contains("<")
        || email.contains(">")) {
      throw new IllegalArgumentException("invalid commit author email: " + email);
    }
  }
}
