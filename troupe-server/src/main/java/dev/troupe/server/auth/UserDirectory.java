package dev.troupe.server.auth;

import java.util.List;
import java.util.Optional;

/**
 * The identities the server knows and authenticates: create one (its token is returned once), list,
 * find and revoke them.
 */
public interface UserDirectory extends Authenticator {

  /** A new identity and its token, which is shown this once and stored nowhere. */
  record Issued(UserAccount user, String token) {
    /** Never prints the token (a record prints every component by default). */
    @Override
    public String toString() {
      return "Issued[user=" + user + ", token=<redacted>]";
    }
  }

  /** The name is in use, or was used by an identity that has been revoked. */
  final class NameTakenException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public NameTakenException(String message) {
      super(message);
    }
  }

  /**
   * Creates an identity holding {@code bindings} and issues its token.
   *
   * @throws NameTakenException when the name is (or was) taken
   * @throws IllegalArgumentException when the name or a binding is malformed
   */
  Issued createUser(String name, Principal.Kind kind, List<RoleBinding> bindings);

  /** Every identity, revoked ones included, in creation order. */
  List<UserAccount> list();

  /** The identity named {@code name}. */
  Optional<UserAccount> find(String name);

  /**
   * Revokes the token of {@code name}; the identity stays listed.
   *
   * @return whether an active identity of that name existed
   */
  boolean revoke(String name);
}
