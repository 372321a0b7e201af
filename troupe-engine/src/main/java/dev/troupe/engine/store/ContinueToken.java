package dev.troupe.engine.store;

import dev.troupe.engine.store.StoreException.Invalid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after the last item of a page (namespace, name) and the revision of the first page,
 * as an opaque base64url string. Continuing after a key is stable under concurrent writes: no
 * object is listed twice, and objects that exist throughout are listed once.
 */
record ContinueToken(long revision, String namespace, String name) {
  private static final String VERSION = "t1";
  private static final char SEP = '\u0000';

  String encode() {
    String raw = VERSION + SEP + revision + SEP + namespace + SEP + name;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static ContinueToken decode(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = raw.split(String.valueOf(SEP), -1);
      if (parts.length != 4 || !parts[0].equals(VERSION) || parts[3].isEmpty()) {
        throw invalid();
      }
      return new ContinueToken(Long.parseLong(parts[1]), parts[2], parts[3]);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static Invalid invalid() {
    return new Invalid(
        Invalid.Reason.InvalidContinueToken,
        "continue",
        "the continue token is not valid; list again from the first page");
  }
}
