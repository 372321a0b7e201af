package dev.troupe.engine.controllers.gitcommit;

import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Credentials for one request, read from its {@code authSecretRef}. They reach the Git library only
 * through a {@link CredentialsProvider}: never a URL, a command line or an environment variable. No
 * {@code toString} shows a value.
 */
sealed interface GitAuth {

  /** The provider to hand to JGit; null when the repository is accessed anonymously. */
  CredentialsProvider provider();

  /** Every value a message must never contain (for {@link Redactor}). */
  List<String> secretValues();

  /** No {@code authSecretRef}. */
  record Anonymous() implements GitAuth {
    @Override
    public CredentialsProvider provider() {
      return null;
    }

    @Override
    public List<String> secretValues() {
      return List.of();
    }
  }

  /** HTTP basic authentication ({@code username} + {@code password}, which may be a token). */
  record Basic(String username, String password) implements GitAuth {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public CredentialsProvider provider() {
      return new UsernamePasswordCredentialsProvider(username, password.toCharArray());
    }

    @Override
    public List<String> secretValues() {
      return List.of(username, password);
    }

    @Override
    public String toString() {
      return "Basic[<redacted>]";
    }
  }

  /**
   * An SSH private key ({@code ssh-privatekey}, optional {@code known_hosts}). Recognised so that
   * the request fails with a clear message: JGit needs its separate SSH module for this, which the
   * server does not ship yet. The key itself is not kept.
   */
  record SshKey() implements GitAuth {
    @Override
    public CredentialsProvider provider() {
      return null;
    }

    @Override
    public List<String> secretValues() {
      return List.of();
    }
  }
}
