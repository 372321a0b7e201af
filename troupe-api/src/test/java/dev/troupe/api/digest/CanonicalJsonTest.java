package dev.troupe.api.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2",
  })
  void rfc8785AppendixBNumbers(String ieee754, String expected) {
    double x = Double.longBitsToDouble(HexFormat.fromHexDigitsToLong(ieee754));
    assertThat(CanonicalJson.formatDouble(x)).isEqualTo(expected);
    assertThat(CanonicalJson.serialize(NODES.numberNode(x))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "1e21, 1e+21",
    "1e20, 100000000000000000000",
    "1e-7, 1e-7",
    "1.5e-7, 1.5e-7",
    "0.000001, 0.000001",
    "0.0000015, 0.0000015",
    "-0.0, 0",
    "9090.0, 9090",
    "4.50, 4.5",
    "2e-3, 0.002",
    "1E30, 1e+30",
    "0.1, 0.1",
    "123.456, 123.456",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "2.2250738585072014E-308, 2.2250738585072014e-308",
  })
  void ecmaScriptNumberFormatting(double x, String expected) {
    assertThat(CanonicalJson.formatDouble(x)).isEqualTo(expected);
  }

  @Test
  void rejectsNanAndInfinity() {
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> CanonicalJson.formatDouble(bad))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CanonicalJson.serialize(NODES.numberNode(bad)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    // The bit patterns RFC 8785 Appendix B lists as errors.
    assertThatThrownBy(
            () -> CanonicalJson.formatDouble(Double.longBitsToDouble(0x7fffffffffffffffL)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CanonicalJson.formatDouble(Double.longBitsToDouble(0x7ff0000000000000L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void integersArePlainDecimals() {
    assertThat(CanonicalJson.serialize(NODES.numberNode(9090))).isEqualTo("9090");
    assertThat(CanonicalJson.serialize(NODES.numberNode(-42L))).isEqualTo("-42");
    assertThat(CanonicalJson.serialize(NODES.numberNode(0))).isEqualTo("0");
    assertThat(CanonicalJson.serialize(NODES.numberNode(Long.MAX_VALUE)))
        .isEqualTo("9223372036854775807");
    assertThat(CanonicalJson.serialize(NODES.numberNode(new BigInteger("1000000000000000000000"))))
        .isEqualTo("1000000000000000000000");
    assertThat(CanonicalJson.serialize(NODES.numberNode(new BigDecimal("4.50")))).isEqualTo("4.5");
    assertThat(CanonicalJson.serialize(NODES.numberNode(0.5f))).isEqualTo("0.5");
  }

  /** RFC 8785 §3.2.2.2 / Appendix: strings and literals, from the RFC's main example. */
  @Test
  void rfc8785MainExample() throws Exception {
    String input =
        """
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;
    String expected =
        "{\"literals\":[null,true,false],"
            + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    String canonical = CanonicalJson.serialize(JSON.readTree(input));
    assertThat(canonical).isEqualTo(expected);
    // The RFC lists the UTF-8 bytes of this output in hex.
    String rfcHex =
        """
        7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
        75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
        5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
        65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
        5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
        30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
        """;
    assertThat(CanonicalJson.serializeToUtf8(JSON.readTree(input)))
        .isEqualTo(HexFormat.of().parseHex(rfcHex.replaceAll("\\s", "")));
  }

  /** RFC 8785 §3.2.3: sorting by UTF-16 code units. */
  @Test
  void rfc8785SortingExample() throws Exception {
    String input =
        """
        {
          "\\u20ac": "Euro Sign",
          "\\r": "Carriage Return",
          "\\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\\ud83d\\ude00": "Emoji: Grinning Face",
          "\\u0080": "Control",
          "\\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;
    String expected =
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
            + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
    assertThat(CanonicalJson.serialize(JSON.readTree(input))).isEqualTo(expected);
  }

  @Test
  void escapesOnlyTheMandatoryCharacters() {
    String all = "\"\\\b\f\n\r\t\u0000\u001f\u007f/<>&'\u2028é😀";
    assertThat(CanonicalJson.serialize(NODES.textNode(all)))
        .isEqualTo("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\u007f/<>&'\u2028é😀\"");
    assertThat(CanonicalJson.serializeToUtf8(NODES.textNode("é")))
        .isEqualTo("\"é\"".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rejectsUnpairedSurrogates() {
    assertThatThrownBy(() -> CanonicalJson.serialize(NODES.textNode("a\ud83d")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.serialize(NODES.textNode("\ude00b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noWhitespaceAndNestedSorting() throws Exception {
    JsonNode tree = JSON.readTree("{ \"b\" : [ 1 , { \"z\" : 1 , \"a\" : { } } ] , \"a\" : [ ] }");
    assertThat(CanonicalJson.serialize(tree)).isEqualTo("{\"a\":[],\"b\":[1,{\"a\":{},\"z\":1}]}");
  }

  @Test
  void rejectsNonJsonNodes() {
    assertThatThrownBy(() -> CanonicalJson.serialize(NODES.binaryNode(new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CanonicalJson.serialize(NODES.pojoNode(new Object())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * The output is the shortest text that reads back as the same double, never longer than Java's.
   */
  @Property(tries = 3000)
  void formatDoubleRoundTripsAndIsShortest(@ForAll double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return;
    }
    String text = CanonicalJson.formatDouble(x);
    assertThat(Double.parseDouble(text)).isEqualTo(x == 0 ? 0.0 : x);
    assertThat(significantDigits(text)).isLessThanOrEqualTo(significantDigits(Double.toString(x)));
  }

  @Property(tries = 3000)
  void formatDoubleRoundTripsForRawBitPatterns(@ForAll long bits) {
    double x = Double.longBitsToDouble(bits);
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return;
    }
    String text = CanonicalJson.formatDouble(x);
    assertThat(Double.parseDouble(text)).isEqualTo(x == 0 ? 0.0 : x);
    assertThat(significantDigits(text)).isLessThanOrEqualTo(significantDigits(Double.toString(x)));
  }

  private static int significantDigits(String number) {
    String mantissa = number.replaceFirst("[eE].*$", "").replace("-", "").replace(".", "");
    return new BigDecimal(mantissa).stripTrailingZeros().precision();
  }
}
