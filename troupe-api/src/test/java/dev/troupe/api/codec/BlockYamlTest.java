package dev.troupe.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written YAML writer writes exactly what Jackson and SnakeYAML write, or declines. */
class BlockYamlTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Pieces chosen to hit every quoting rule: indicators, reserved words, numbers, spaces. */
  private static final List<String> PIECES =
      List.of(
          "a",
          "b",
          "Z",
          "0",
          "1",
          "9",
          "07",
          "_",
          "-",
          "+",
          ".",
          " ",
          "  ",
          ":",
          ": ",
          "#",
          " #",
          "?",
          "'",
          "\"",
          "\\",
          ",",
          "[",
          "]",
          "{",
          "}",
          "*",
          "&",
          "!",
          "|",
          ">",
          "%",
          "@",
          "`",
          "~",
          "=",
          "/",
          "e5",
          "0x1F",
          "1_000",
          "1.5",
          ".inf",
          "true",
          "no",
          "Null",
          "y",
          "on",
          "---",
          "...",
          "http://x:80",
          "é",
          "\n",
          "\t",
          "\u2028");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(5).map(l -> String.join("", l));
  }

  /** Mostly printable ASCII (what manifests hold), sometimes anything. */
  private Arbitrary<String> treeTexts() {
    Arbitrary<String> ascii =
        Arbitraries.of(PIECES.stream().filter(BlockYamlTest::printable).toList())
            .list()
            .ofMinSize(0)
            .ofMaxSize(5)
            .map(l -> String.join("", l));
    return Arbitraries.frequencyOf(Tuple.of(30, ascii), Tuple.of(1, texts()));
  }

  private static boolean printable(String s) {
    return s.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return objects(3).map(o -> (JsonNode) o);
  }

  private Arbitrary<ObjectNode> objects(int depth) {
    Arbitrary<JsonNode> value = values(depth);
    return Arbitraries.entries(treeTexts(), value)
        .list()
        .ofMinSize(0)
        .ofMaxSize(5)
        .map(
            entries -> {
              ObjectNode o = NODES.objectNode();
              entries.forEach(e -> o.set(e.getKey(), e.getValue()));
              return o;
            });
  }

  private Arbitrary<ArrayNode> arrays(int depth) {
    return values(depth)
        .list()
        .ofMinSize(0)
        .ofMaxSize(4)
        .map(
            items -> {
              ArrayNode a = NODES.arrayNode();
              items.forEach(a::add);
              return a;
            });
  }

  private Arbitrary<JsonNode> values(int depth) {
    Arbitrary<JsonNode> scalars =
        Arbitraries.frequencyOf(
            Tuple.of(12, treeTexts().map(NODES::textNode)),
            Tuple.of(1, Arbitraries.integers().map(NODES::numberNode)),
            Tuple.of(1, Arbitraries.longs().map(NODES::numberNode)),
            Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)),
            Tuple.of(1, Arbitraries.floats().map(NODES::numberNode)),
            Tuple.of(1, Arbitraries.shorts().map(NODES::numberNode)),
            Tuple.of(1, Arbitraries.bigIntegers().map(NODES::numberNode)),
            Tuple.of(
                1,
                Arbitraries.bigDecimals()
                    .map(d -> (JsonNode) NODES.numberNode(d))
                    .filter(d -> true)),
            Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
            Tuple.of(1, Arbitraries.just(NODES.nullNode())));
    if (depth == 0) {
      return scalars;
    }
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalars),
        Tuple.of(2, Arbitraries.lazy(() -> objects(depth - 1)).map(o -> o)),
        Tuple.of(2, Arbitraries.lazy(() -> arrays(depth - 1)).map(a -> a)));
  }

  @Property(tries = 3000)
  void writesWhatJacksonWritesOrDeclines(@ForAll("trees") JsonNode tree) {
    String fast = BlockYaml.write(tree);
    Statistics.label("written by hand").collect(fast != null);
    // not vacuous: a good share of the random trees takes the hand-written path
    Statistics.label("written by hand").coverage(c -> c.check(true).percentage(p -> p >= 15));
    if (fast != null) {
      assertThat(fast).as("%s", tree).isEqualTo(Codec.jacksonYaml(tree));
    }
    assertThat(Codec.toYaml(tree)).isEqualTo(Codec.jacksonYaml(tree));
  }

  @Property(tries = 2000)
  void everyPrintableAsciiTextIsQuotedLikeJackson(
      @ForAll("texts") String key, @ForAll("texts") String text) {
    ObjectNode o = NODES.objectNode();
    o.put(key.isEmpty() ? "k" : key, text);
    o.putArray("list").add(text);
    String fast = BlockYaml.write(o);
    if (fast != null) {
      assertThat(fast).isEqualTo(Codec.jacksonYaml(o));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "a b",
        "*",
        "a: b",
        "a:b",
        ":a",
        ": a",
        "- a",
        "-a",
        "? a",
        "#a",
        "a #b",
        "a#b",
        "'quoted'",
        "it's",
        "\"",
        "back\\slash",
        "0123",
        "0_1",
        "0.5",
        "1e5",
        "0x1F",
        "+1",
        ".5",
        "true",
        "NO",
        "~",
        "---x",
        "...",
        " lead",
        "trail ",
        "100m",
        "http://svc:8080",
        "[a]",
        "a,b",
        "%x",
        "@x",
        "`x"
      })
  void scalarsAndKeysAreWrittenLikeJackson(String text) {
    ObjectNode o = NODES.objectNode();
    o.put("value", text);
    o.put(text, 1);
    o.putArray("items").add(text).addObject().put(text, text);
    assertThat(BlockYaml.write(o)).isNotNull().isEqualTo(Codec.jacksonYaml(o));
  }

  @Test
  void aManifestIsWrittenByHandAndReadsBack() {
    ObjectNode d = NODES.objectNode();
    d.put("apiVersion", "apps/v1").put("kind", "Deployment");
    ObjectNode meta = d.putObject("metadata");
    meta.put("name", "web-1a2b").put("namespace", "dp-acme-shop-dev-0f1e");
    meta.putObject("annotations").put("openchoreo.dev/release-generation", "3");
    meta.putObject("labels").put("component-name", "web");
    ObjectNode spec = d.putObject("spec");
    spec.put("replicas", 2);
    spec.putObject("selector").putObject("matchLabels").put("component-name", "web");
    ObjectNode container =
        spec.putObject("template")
            .putObject("spec")
            .putArray("containers")
            .addObject()
            .put("name", "main")
            .put("image", "registry.example/web:1.0");
    container.putArray("args").add("--port").add("8080").add("*");
    container.putArray("env").addObject().put("name", "DEBUG").put("value", "true");
    container.putObject("resources").putObject("requests").put("cpu", 0.5).put("memory", "128Mi");
    container.putArray("volumeMounts");
    container.putObject("securityContext");
    spec.putArray("tolerations").addObject();

    String fast = BlockYaml.write(d);

    assertThat(fast).isNotNull().isEqualTo(Codec.jacksonYaml(d));
    assertThat(fast)
        .contains(
            "          args:\n            - --port\n            - \"8080\"\n            - '*'\n")
        .contains("    openchoreo.dev/release-generation: \"3\"\n");
    assertThat(DocumentReader.readYaml("m.yaml", fast).getFirst().tree().toString())
        .isEqualTo(d.toString());
  }

  @Test
  void declinesWhatItDoesNotWrite() {
    assertThat(BlockYaml.write(NODES.objectNode())).as("empty document").isNull();
    assertThat(BlockYaml.write(NODES.arrayNode().add(1))).as("sequence document").isNull();
    assertThat(BlockYaml.write(NODES.objectNode().put("a", "two\nlines"))).isNull();
    assertThat(BlockYaml.write(NODES.objectNode().put("a", "café"))).isNull();
    assertThat(BlockYaml.write(NODES.objectNode().put("", "x"))).as("empty key").isNull();
    assertThat(BlockYaml.write(NODES.objectNode().put("k".repeat(128), "x"))).isNull();
    assertThat(BlockYaml.write(NODES.objectNode().put("d", new BigDecimal("1.50")))).isNull();
    ObjectNode nested = NODES.objectNode();
    nested.putArray("a").addArray().add(1);
    assertThat(BlockYaml.write(nested)).as("sequence in a sequence").isNull();
    for (JsonNode tree :
        List.<JsonNode>of(
            NODES.objectNode().put("a", "two\nlines"),
            NODES.objectNode().put("a", "café"),
            nested,
            NODES.objectNode().put("b", BigInteger.TEN.pow(30)))) {
      assertThat(Codec.toYaml(tree)).isEqualTo(Codec.jacksonYaml(tree));
    }
  }
}
