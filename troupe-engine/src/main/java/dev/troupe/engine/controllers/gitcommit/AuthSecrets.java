package dev.troupe.engine.controllers.gitcommit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Secret a GitCommitRequest names in {@code spec.authSecretRef}: a stored object of kind
 * {@value #KIND} (apiVersion {@code v1}) in the request's namespace. As in Kubernetes, {@code
 * data[key]} is base64; {@code stringData[key]} is read when {@code data} lacks the key, because
 * the embedded store keeps a Secret exactly as it was written (the same decoding as the Kubernetes
 * mode's stored-secret credentials). Messages name the Secret and its keys, never a value.
 */
final class AuthSecrets {
  static final String KIND = "Secret";
  static final String USERNAME = "username";
  static final String PASSWORD = "password";
  static final String SSH_PRIVATE_KEY = "ssh-privatekey";
  static final String NO_USABLE_CREDENTIALS = "auth secret has no usable credentials";

  private AuthSecrets() {}

  /** What the reference leads to. */
  sealed interface Lookup {}

  /** The Secret does not exist (or is being deleted): wait for it. */
  record Missing(String message) implements Lookup {}

  /** The Secret exists but cannot authenticate: a permanent failure of this request. */
  record Unusable(String message) implements Lookup {}

  record Found(GitAuth auth) implements Lookup {}

  static Lookup read(Store store, String namespace, String name) {
    String where = "Secret \"" + name + "\" in namespace " + namespace;
    Optional<ObjectNode> secret = store.find(KIND, namespace, name);
    if (secret.isEmpty()) {
      return new Missing(where + " (spec.authSecretRef) not found");
    }
    if (secret.get().path("metadata").hasNonNull("deletionTimestamp")) {
      return new Missing(where + " (spec.authSecretRef) is being deleted");
    }
    ObjectNode s = secret.get();
    Value username = value(s, USERNAME);
    Value password = value(s, PASSWORD);
    Value key = value(s, SSH_PRIVATE_KEY);
    for (Value v : List.of(username, password, key)) {
      if (v instanceof Undecodable u) {
        return new Unusable(
            NO_USABLE_CREDENTIALS + ": " + where + " key \"" + u.key() + "\" is not valid base64");
      }
    }
    if (username instanceof Present u && password instanceof Present p) {
      return new Found(new GitAuth.Basic(u.text(), p.text()));
    }
    if (key instanceof Present) {
      return new Found(new GitAuth.SshKey());
    }
    return new Unusable(
        NO_USABLE_CREDENTIALS
            + ": "
            + where
            + " needs the keys \"username\" and \"password\" (or \"ssh-privatekey\")");
  }

  private sealed interface Value {}

  private record Absent() implements Value {}

  private record Undecodable(String key) implements Value {}

  /** A decoded value. Never printed. */
  private record Present(String text) implements Value {
    @Override
    public String toString() {
      return "Present[<redacted>]";
    }
  }

  private static Value value(ObjectNode secret, String key) {
    JsonNode data = secret.path("data").path(key);
    String text;
    if (data.isTextual()) {
      try {
        text = new String(Base64.getMimeDecoder().decode(data.asText()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return new Undecodable(key);
      }
    } else {
      JsonNode plain = secret.path("stringData").path(key);
      if (!plain.isTextual()) {
        return new Absent();
      }
      text = plain.asText();
    }
    // A value stored from a file usually ends with a line break that is not part of it.
    text = text.stripTrailing();
    return text.isEmpty() ? new Absent() : new Present(text);
  }
}
