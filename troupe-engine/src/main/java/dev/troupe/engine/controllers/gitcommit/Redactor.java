package dev.troupe.engine.controllers.gitcommit;

import dev.troupe.engine.kube.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Cleans every text that a GitCommitRequest's status, events or logs receive (delivery.md §7.2
 * "Credentials are never logged"): each credential value of the request, and the base64 forms an
 * HTTP library could echo ({@code user:password}), are replaced, then {@link Redaction} removes URL
 * user info, bearer and basic tokens and PEM blocks, and bounds the length.
 */
final class Redactor {
  static final String REDACTED = "<redacted>";

  /** Values shorter than this are too common as substrings to be replaced meaningfully. */
  private static final int MIN_USERNAME = 3;

  private final List<String> values;

  Redactor(GitAuth auth) {
    List<String> v = new ArrayList<>();
    if (auth instanceof GitAuth.Basic b) {
      v.add(b.password());
      if (b.username().length() >= MIN_USERNAME) {
        v.add(b.username());
      }
      String pair = b.username() + ":" + b.password();
      v.add(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      v.add(Base64.getEncoder().encodeToString(b.password().getBytes(StandardCharsets.UTF_8)));
    } else {
      v.addAll(auth.secretValues());
    }
    // Longest first, so that a value containing another is replaced whole.
    v.sort(Comparator.comparingInt(String::length).reversed());
    this.values = List.copyOf(v);
  }

  static Redactor none() {
    return new Redactor(new GitAuth.Anonymous());
  }

  String redact(String text) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String value : values) {
      if (!value.isEmpty()) {
        out = out.replace(value, REDACTED);
      }
    }
    return Redaction.redact(out);
  }
}
