package dev.troupe.api.digest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON Canonicalization Scheme (RFC 8785) for Jackson trees.
 *
 * <p>Object members are sorted by key, comparing UTF-16 code units; there is no whitespace; strings
 * use only the mandatory escapes ({@code \"}, {@code \\}, {@code \b}, {@code \f}, {@code \n},
 * {@code \r}, {@code \t} and {@code \}{@code u00xx} with lowercase hex for the other control
 * characters), everything else is literal; floating-point numbers are written with ECMAScript's
 * {@code Number.prototype.toString} (RFC 8785 §3.2.2.3).
 *
 * <p>Choices beyond the RFC:
 *
 * <ul>
 *   <li>Integral nodes ({@code int}, {@code long}, {@code BigInteger}) are written as plain exact
 *       decimals. Within ±2<sup>53</sup> this is exactly RFC 8785's output; beyond it RFC 8785
 *       would first round the value to a double, which Troupe deliberately does not do, so that
 *       different integers never share a canonical form.
 *   <li>{@code float} and {@code BigDecimal} nodes are converted to the nearest double first.
 *   <li>NaN, infinities, strings with unpaired surrogates (not valid I-JSON) and non-JSON nodes
 *       (binary, POJO, missing) are rejected with {@link IllegalArgumentException}.
 * </ul>
 */
public final class CanonicalJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private CanonicalJson() {}

  /**
   * Serializes a JSON tree in canonical form.
   *
   * @param node the tree
   * @return the canonical JSON text
   * @throws IllegalArgumentException if the tree holds a value RFC 8785 cannot represent
   */
  public static String serialize(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(Objects.requireNonNull(node, "node"), out);
    return out.toString();
  }

  /**
   * The UTF-8 bytes of {@link #serialize(JsonNode)}, the input of hashes and signatures.
   *
   * @param node the tree
   * @return the canonical JSON as UTF-8
   */
  public static byte[] serializeToUtf8(JsonNode node) {
    return serialize(node).getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, out);
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out);
      case NUMBER -> writeNumber(node, out);
      case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
      case NULL -> out.append("null");
      default ->
          throw new IllegalArgumentException(
              "not representable in canonical JSON: " + node.getNodeType() + " node");
    }
  }

  private static void writeObject(JsonNode node, StringBuilder out) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
    // String.compareTo compares UTF-16 code units, as RFC 8785 §3.2.3 requires.
    members.sort(Map.Entry.comparingByKey());
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> member : members) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(member.getKey(), out);
      out.append(':');
      write(member.getValue(), out);
    }
    out.append('}');
  }

  private static void writeString(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException(
                "string contains an unpaired surrogate at index " + i);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void writeNumber(JsonNode node, StringBuilder out) {
    if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue().toString());
    } else {
      out.append(formatDouble(node.doubleValue()));
    }
  }

  /**
   * ECMAScript {@code Number.prototype.toString(x)} for a finite double (ECMA-262 Number::toString,
   * RFC 8785 §3.2.2.3): the shortest decimal that rounds to {@code x} (the closest one if several,
   * the even one on a tie), in plain notation for exponents from -7 to 20 and in exponential
   * notation ({@code 1e+21}, {@code 1.5e-7}) otherwise; {@code -0} gives {@code 0}.
   *
   * @param x the number
   * @return its ECMAScript text
   * @throws IllegalArgumentException if {@code x} is NaN or infinite
   */
  public static String formatDouble(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      throw new IllegalArgumentException("not representable in canonical JSON: " + x);
    }
    if (x == 0) {
      return "0";
    }
    if (x < 0) {
      return "-" + formatDouble(-x);
    }
    BigDecimal shortest = shortestDecimal(x);
    String s = shortest.unscaledValue().toString();
    int k = s.length();
    int n = k - shortest.scale(); // x = s × 10^(n−k)
    StringBuilder b = new StringBuilder(k + 8);
    if (k <= n && n <= 21) {
      b.append(s).append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      b.append(s, 0, n).append('.').append(s, n, k);
    } else if (-6 < n && n <= 0) {
      b.append("0.").append("0".repeat(-n)).append(s);
    } else {
      b.append(s.charAt(0));
      if (k > 1) {
        b.append('.').append(s, 1, k);
      }
      int e = n - 1;
      b.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e));
    }
    return b.toString();
  }

  /**
   * The decimal {@code s × 10^(n−k)} of ECMA-262 Number::toString step 5 for a finite positive
   * double, with trailing zeros stripped: {@code k} as small as possible, then closest to {@code
   * x}, then even. For each length {@code k} only the two {@code k}-digit neighbours of {@code x}
   * can qualify, because the set of decimals that round to {@code x} is an interval containing it.
   */
  private static BigDecimal shortestDecimal(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int k = 1; k <= 17; k++) {
      BigDecimal down = exact.round(new MathContext(k, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(k, RoundingMode.CEILING));
      boolean downOk = roundsTo(down, x);
      boolean upOk = roundsTo(up, x);
      if (downOk && upOk && down.compareTo(up) != 0) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        if (cmp < 0) {
          return down.stripTrailingZeros();
        } else if (cmp > 0) {
          return up.stripTrailingZeros();
        }
        return down.unscaledValue().testBit(0)
            ? up.stripTrailingZeros()
            : down.stripTrailingZeros();
      } else if (downOk) {
        return down.stripTrailingZeros();
      } else if (upOk) {
        return up.stripTrailingZeros();
      }
    }
    throw new AssertionError("17 significant digits always identify a double: " + x);
  }

  private static boolean roundsTo(BigDecimal candidate, double x) {
    // Double.parseDouble is correctly rounded (round half to even), like ECMAScript's ToNumber.
    return Double.parseDouble(candidate.toString()) == x;
  }
}
