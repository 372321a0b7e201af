package dev.troupe.api.names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * OpenChoreo's Kubernetes name generator ({@code GenerateK8sName}, {@code
 * GenerateK8sNameWithLengthLimit}), reproduced bit-exactly (model.md §2.11).
 *
 * <p>Each part is sanitized (lower-cased; every code point that is not a Unicode letter, a Unicode
 * digit, {@code -} or {@code .} becomes {@code -}; leading and trailing {@code -} and {@code .}
 * removed), cut to its share of the length budget in UTF-8 bytes, and the parts are joined with
 * {@code -} and suffixed with {@code -} and the first 8 hex digits of the SHA-256 of the original
 * parts joined with {@code -}. Finally every leading and trailing code point that is not a letter
 * or digit is removed.
 *
 * <p>Deviation from the Go original, which cuts a part at an arbitrary byte offset: a cut never
 * splits a code point; the part is cut at the last code-point boundary at or before its byte
 * allowance, so the result is always well-formed. For ASCII parts both behave identically.
 *
 * <p>Guarantees for {@code limit >= n + 8} ({@code n} parts): the result is never empty, its UTF-8
 * length is at most {@code limit} bytes, it ends with the 8-digit hash (it is either the hash alone
 * or ends with {@code -} and the hash), it starts with a letter or digit, and every code point is a
 * letter, a digit, {@code -} or {@code .}.
 */
public final class K8sNames {

  /** Maximum length of a DNS subdomain name, the default limit. */
  public static final int DNS_SUBDOMAIN_MAX = 253;

  /** Maximum length of a DNS label (namespaces). */
  public static final int DNS_LABEL_MAX = 63;

  /** Maximum length of a CronJob name (Kubernetes appends an 11-character suffix to Job names). */
  public static final int CRON_JOB_NAME_MAX = 52;

  /** Number of hex digits of the hash suffix. */
  public static final int HASH_LENGTH = 8;

  private K8sNames() {}

  /**
   * OpenChoreo's {@code GenerateK8sName}: {@link #generateWithLengthLimit} with limit 253.
   *
   * @param parts one or more name parts, in order; none may be {@code null}
   * @return a name of at most 253 UTF-8 bytes ending with an 8-hex-digit hash
   */
  public static String generate(String... parts) {
    return generateWithLengthLimit(DNS_SUBDOMAIN_MAX, parts);
  }

  /**
   * OpenChoreo's {@code GenerateK8sNameWithLengthLimit}.
   *
   * @param limit maximum length of the result in UTF-8 bytes; must be at least {@code parts.length
   *     + 8}
   * @param parts one or more name parts, in order; none may be {@code null}
   * @return the generated name
   * @throws IllegalArgumentException if there are no parts or the limit leaves no room for the
   *     separators and the hash
   */
  public static String generateWithLengthLimit(int limit, String... parts) {
    Objects.requireNonNull(parts, "parts");
    int n = parts.length;
    if (n == 0) {
      throw new IllegalArgumentException("at least one name part is required");
    }
    for (String part : parts) {
      Objects.requireNonNull(part, "name part");
    }
    int maxBase = limit - HASH_LENGTH - n;
    if (maxBase < 0) {
      throw new IllegalArgumentException(
          "limit " + limit + " is too small for " + n + " parts and the hash");
    }
    int per = maxBase / n;
    int extra = maxBase % n;

    List<String> cut = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int allowance = i < extra ? per + 1 : per;
      cut.add(cutToUtf8Bytes(sanitize(parts[i]), allowance));
    }
    String name = String.join("-", cut) + "-" + hash(String.join("-", parts));
    return trimToLettersAndDigits(name);
  }

  /**
   * The name of the cell namespace of a project in an environment (model.md §2.6): {@code
   * generateWithLengthLimit(63, "dp", organization, project, environment)}.
   *
   * @param organization organization name
   * @param project project name
   * @param environment environment name
   * @return a DNS label
   */
  public static String cellNamespace(String organization, String project, String environment) {
    return generateWithLengthLimit(DNS_LABEL_MAX, "dp", organization, project, environment);
  }

  /**
   * The name of the CronJob rendered for a scheduled-task binding: {@code
   * generateWithLengthLimit(52, bindingName)}.
   *
   * @param bindingName the ScheduledTaskBinding name
   * @return a name of at most 52 characters
   */
  public static String cronJobName(String bindingName) {
    return generateWithLengthLimit(CRON_JOB_NAME_MAX, bindingName);
  }

  /**
   * Step 1: lower-case, replace every code point that is not a letter, digit, {@code -} or {@code
   * .} by {@code -}, strip leading and trailing {@code -} and {@code .}.
   */
  static String sanitize(String part) {
    String lower = part.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(lower.length());
    lower
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isLetter(cp) || Character.isDigit(cp) || cp == '-' || cp == '.') {
                b.appendCodePoint(cp);
              } else {
                b.append('-');
              }
            });
    int start = 0;
    int end = b.length();
    while (start < end && isDashOrDot(b.charAt(start))) {
      start++;
    }
    while (end > start && isDashOrDot(b.charAt(end - 1))) {
      end--;
    }
    return b.substring(start, end);
  }

  private static boolean isDashOrDot(char c) {
    return c == '-' || c == '.';
  }

  /**
   * Cuts {@code s} to at most {@code maxBytes} UTF-8 bytes, at the last code-point boundary that
   * does not exceed the allowance.
   */
  static String cutToUtf8Bytes(String s, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      bytes += utf8Length(cp);
      if (bytes > maxBytes) {
        return s.substring(0, i);
      }
      i += Character.charCount(cp);
    }
    return s;
  }

  private static int utf8Length(int cp) {
    if (cp < 0x80) {
      return 1;
    } else if (cp < 0x800) {
      return 2;
    } else if (cp < 0x10000) {
      return 3;
    }
    return 4;
  }

  /** Step 2: the first 8 lowercase hex digits of the SHA-256 of the UTF-8 bytes. */
  static String hash(String joined) {
    byte[] sha = sha256().digest(joined.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha, 0, HASH_LENGTH / 2);
  }

  /** A prototype digest: cloning it is much cheaper than a provider lookup per name. */
  private static final MessageDigest SHA256 = newSha256();

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static String trimToLettersAndDigits(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && !isLetterOrDigit(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && !isLetterOrDigit(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  private static boolean isLetterOrDigit(int cp) {
    return Character.isLetter(cp) || Character.isDigit(cp);
  }
}
