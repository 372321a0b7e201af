package dev.troupe.api.format;

/** Character classes shared by the format rules; all are ASCII-only except the control checks. */
final class Chars {

  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLowerAlnum(char c) {
    return isLower(c) || isDigit(c);
  }

  static boolean isAlnum(char c) {
    return isLower(c) || isUpper(c) || isDigit(c);
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isLowerHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f');
  }

  /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
  static boolean isControl(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }

  /** Java whitespace plus no-break spaces. */
  static boolean isWhitespace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean hasWhitespaceOrControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isWhitespace(c) || isControl(c)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasUpper(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isUpper(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean allLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isLowerHex(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Index of the first character of {@code s} that occurs in {@code chars}, else its length. */
  static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }
}
