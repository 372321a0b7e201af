package dev.troupe.api.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Base64-encoded PEM data (kubeconfig style {@code *-data} fields): certificate bundles and private
 * keys. The outer base64 may be wrapped in lines; every PEM block body must be base64 of one DER
 * structure. Reasons are fixed sentences and never describe the content.
 */
final class PemData {

  /** What the decoded PEM text must contain. */
  enum Expect {
    /** One or more blocks, all {@code CERTIFICATE}. */
    CERTIFICATES("not valid base64-encoded PEM certificate data"),
    /** Exactly one private key block; other blocks (e.g. {@code EC PARAMETERS}) are ignored. */
    PRIVATE_KEY("not valid base64-encoded PEM private key data");

    private final String invalid;

    Expect(String invalid) {
      this.invalid = invalid;
    }
  }

  private static final Set<String> KEY_TYPES =
      Set.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY");
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";

  private record Block(String type) {}

  private PemData() {}

  static Optional<String> check(String value, Expect expect) {
    if (value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.stripLeading().startsWith(DASHES)) {
      return Optional.of("expected the PEM text base64-encoded, not the PEM text itself");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(withoutLineBreaks(value));
    } catch (IllegalArgumentException e) {
      return Optional.of(expect.invalid);
    }
    Optional<List<Block>> blocks = blocks(new String(decoded, StandardCharsets.ISO_8859_1));
    if (blocks.isEmpty() || blocks.get().isEmpty()) {
      return Optional.of(expect.invalid);
    }
    return switch (expect) {
      case CERTIFICATES ->
          blocks.get().stream().allMatch(b -> b.type().equals("CERTIFICATE"))
              ? Optional.empty()
              : Optional.of("must contain only PEM CERTIFICATE blocks");
      case PRIVATE_KEY -> {
        long keys = blocks.get().stream().filter(b -> KEY_TYPES.contains(b.type())).count();
        yield keys == 1
            ? Optional.empty()
            : Optional.of(keys == 0 ? expect.invalid : "must contain exactly one private key");
      }
    };
  }

  private static String withoutLineBreaks(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The PEM blocks of the text (text between blocks is ignored); empty if any block is broken. */
  private static Optional<List<Block>> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    int from = 0;
    while (true) {
      int begin = text.indexOf(BEGIN, from);
      if (begin < 0) {
        return Optional.of(blocks);
      }
      int typeStart = begin + BEGIN.length();
      int typeEnd = text.indexOf(DASHES, typeStart);
      int lineEnd = lineEnd(text, typeStart);
      if (typeEnd < 0 || typeEnd > lineEnd) {
        return Optional.empty();
      }
      String type = text.substring(typeStart, typeEnd);
      String endMarker = END + type + DASHES;
      int bodyStart = typeEnd + DASHES.length();
      int end = text.indexOf(endMarker, bodyStart);
      if (type.isEmpty() || end < 0) {
        return Optional.empty();
      }
      if (!isDerBody(text.substring(bodyStart, end))) {
        return Optional.empty();
      }
      blocks.add(new Block(type));
      from = end + endMarker.length();
    }
  }

  private static int lineEnd(String text, int from) {
    int newline = text.indexOf('\n', from);
    return newline < 0 ? text.length() : newline;
  }

  /** Base64 body (any ASCII whitespace allowed) of exactly one DER value. */
  private static boolean isDerBody(String body) {
    StringBuilder compact = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        compact.append(c);
      }
    }
    try {
      return isDerValue(Base64.getDecoder().decode(compact.toString()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A low-number tag (a SEQUENCE for certificates and keys, an OID for EC parameters) whose
   * definite length covers exactly the rest of the bytes.
   */
  private static boolean isDerValue(byte[] der) {
    if (der.length < 2 || (der[0] & 0x1f) == 0x1f) {
      return false;
    }
    int first = der[1] & 0xff;
    if (first < 0x80) {
      return 2 + first == der.length;
    }
    int octets = first & 0x7f;
    if (octets < 1 || octets > 3 || der.length < 2 + octets) {
      return false;
    }
    long length = 0;
    for (int i = 0; i < octets; i++) {
      length = (length << 8) | (der[2 + i] & 0xff);
    }
    return 2 + octets + length == der.length;
  }
}
