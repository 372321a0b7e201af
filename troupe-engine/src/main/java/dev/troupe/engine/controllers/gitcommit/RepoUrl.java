package dev.troupe.engine.controllers.gitcommit;

import java.util.Locale;
import java.util.Objects;

/**
 * The repository of a GitCommitRequest ({@code spec.repoURL}) and the transport it needs. {@link
 * #display()} is the form that may appear in a status, an event or a log: host and path only.
 */
record RepoUrl(String url, Transport transport) {

  /** How the repository is reached. */
  enum Transport {
    HTTPS,
    /** Embedded platform only (model.md §2.12.12); this executor runs in the embedded engine. */
    HTTP,
    /** Embedded platform only; JGit's local transport. */
    FILE,
    /** {@code ssh://…} or {@code user@host:path}: not supported by this server yet. */
    SSH
  }

  RepoUrl {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(transport, "transport");
  }

  static RepoUrl parse(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    Transport t;
    if (lower.startsWith("https://")) {
      t = Transport.HTTPS;
    } else if (lower.startsWith("http://")) {
      t = Transport.HTTP;
    } else if (lower.startsWith("file://")) {
      t = Transport.FILE;
    } else {
      // ssh:// and the scp-like user@host:path form; admission rejects every other shape.
      t = Transport.SSH;
    }
    return new RepoUrl(url, t);
  }

  /**
   * Whether the transport can fetch with a depth. JGit's local transport cannot serve a shallow
   * fetch, so a {@code file://} clone takes the whole single branch.
   */
  boolean shallowCapable() {
    return transport == Transport.HTTPS || transport == Transport.HTTP;
  }

  /** Host and path without scheme, user info, query or fragment. */
  String display() {
    String rest = url;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      rest = rest.substring(scheme + 3);
    } else {
      // user@host:path
      rest = rest.replaceFirst(":", "/");
    }
    int end = indexOfAny(rest, "?#");
    if (end >= 0) {
      rest = rest.substring(0, end);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    int at = authority.lastIndexOf('@');
    return at < 0 ? rest : rest.substring(at + 1);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return display();
  }
}
