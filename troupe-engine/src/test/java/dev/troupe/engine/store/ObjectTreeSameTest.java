package dev.troupe.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.troupe.api.codec.Codec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link ObjectTree#same} is exactly equality of the trees' JSON text, without writing it; {@link
 * ObjectTree#readsBackTheSame} holds only for trees that read back {@code same} from their JSON.
 */
class ObjectTreeSameTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Property(tries = 2000)
  void sameIsEqualityOfTheJsonText(@ForAll("trees") JsonNode a, @ForAll("trees") JsonNode b) {
    assertThat(ObjectTree.same(a, b)).isEqualTo(a.toString().equals(b.toString()));
  }

  @Property(tries = 2000)
  void sameIsEqualityOfTheJsonTextForNearVariants(@ForAll("trees") JsonNode a, @ForAll long seed) {
    JsonNode b = variant(a, new Random(seed));

    assertThat(ObjectTree.same(a, b)).isEqualTo(a.toString().equals(b.toString()));
    assertThat(ObjectTree.same(a, a.deepCopy())).isTrue();
  }

  @Property(tries = 1000)
  void sameSharingIsSameAndSharesWithoutChangingTheText(
      @ForAll("objects") ObjectNode a, @ForAll long seed) {
    ObjectNode stored = (ObjectNode) variant(a, new Random(seed));
    ObjectNode next = ObjectTree.shallowCopy(a);
    if (next.get("metadata") instanceof ObjectNode meta) {
      next.set("metadata", ObjectTree.shallowCopy(meta));
    }
    String before = next.toString();

    boolean same = ObjectTree.sameSharing(next, stored);

    assertThat(same).isEqualTo(before.equals(stored.toString()));
    assertThat(next.toString()).isEqualTo(before);
    next.properties()
        .forEach(
            e -> {
              if (ObjectTree.same(e.getValue(), stored.get(e.getKey()))
                  && !e.getKey().equals("metadata")) {
                assertThat(e.getValue()).isSameAs(stored.get(e.getKey()));
              }
            });
  }

  @Property(tries = 1000)
  void treesThatReadBackTheSameDo(@ForAll("trees") JsonNode tree) throws JsonProcessingException {
    JsonNode readBack = Codec.JSON.readTree(Codec.JSON.writeValueAsString(tree));

    if (ObjectTree.readsBackTheSame(tree, null)) {
      assertThat(ObjectTree.same(readBack, tree)).isTrue();
    }
    assertThat(ObjectTree.readsBackTheSame(readBack, null)).isTrue();
  }

  @Example
  void memberOrderMatters() {
    ObjectNode ab = F.objectNode().put("a", 1).put("b", 2);
    ObjectNode ba = F.objectNode().put("b", 2).put("a", 1);

    assertThat(ObjectTree.same(ab, ba)).isFalse();
    assertThat(ObjectTree.same(ab, ab.deepCopy())).isTrue();
  }

  @Example
  void integersAreEqualByValueWhateverTheirNodeType() {
    assertThat(ObjectTree.same(IntNode.valueOf(1), LongNode.valueOf(1))).isTrue();
    assertThat(
            ObjectTree.same(ShortNode.valueOf((short) 1), BigIntegerNode.valueOf(BigInteger.ONE)))
        .isTrue();
    assertThat(ObjectTree.same(LongNode.valueOf(Long.MAX_VALUE), IntNode.valueOf(-1))).isFalse();
  }

  @Example
  void numbersAndTextAreComparedAsWritten() {
    assertThat(ObjectTree.same(IntNode.valueOf(1), DoubleNode.valueOf(1.0))).isFalse();
    assertThat(ObjectTree.same(TextNode.valueOf("1"), IntNode.valueOf(1))).isFalse();
    assertThat(ObjectTree.same(DoubleNode.valueOf(1.0), DecimalNode.valueOf(new BigDecimal("1.0"))))
        .isTrue();
    assertThat(
            ObjectTree.same(DoubleNode.valueOf(1.5), DecimalNode.valueOf(new BigDecimal("1.50"))))
        .isFalse();
    // A non-finite double is written as a string.
    assertThat(ObjectTree.same(DoubleNode.valueOf(Double.NaN), TextNode.valueOf("NaN"))).isTrue();
  }

  @Example
  void absentEqualsOnlyAbsent() {
    assertThat(ObjectTree.same(null, MissingNode.getInstance())).isTrue();
    assertThat(ObjectTree.same(null, null)).isTrue();
    assertThat(ObjectTree.same(null, NullNode.instance)).isFalse();
    assertThat(ObjectTree.same(MissingNode.getInstance(), F.objectNode())).isFalse();
    assertThat(ObjectTree.same(NullNode.instance, NullNode.instance)).isTrue();
    assertThat(
            ObjectTree.same(F.objectNode().putNull("a"), F.objectNode().set("a", F.objectNode())))
        .isFalse();
  }

  @Example
  void exactDecimalsAndFloatsDoNotReadBackTheSame() {
    assertThat(
            ObjectTree.readsBackTheSame(
                F.objectNode().set("x", DecimalNode.valueOf(new BigDecimal("1.50"))), null))
        .isFalse();
    assertThat(ObjectTree.readsBackTheSame(F.arrayNode().add(FloatNode.valueOf(0.1f)), null))
        .isFalse();
    assertThat(ObjectTree.readsBackTheSame(Trees.json("{'a':[1,2.5,'x',true,null]}"), null))
        .isTrue();
  }

  @Example
  void canonicalizeSharesNodesAndLeavesItsInputAlone() {
    ObjectNode in =
        Trees.json("{'spec':{'a':1},'metadata':{'selfLink':'x','name':'n'},'kind':'K'}");
    String before = in.toString();

    ObjectNode out = ObjectTree.withResourceVersion(in, "7");

    assertThat(in.toString()).isEqualTo(before);
    assertThat(out.toString())
        .isEqualTo(
            "{\"kind\":\"K\",\"metadata\":{\"name\":\"n\",\"resourceVersion\":\"7\"},"
                + "\"spec\":{\"a\":1}}");
    assertThat(out.get("spec")).isSameAs(in.get("spec"));
  }

  // --- generators -------------------------------------------------------------------------------

  @Provide
  Arbitrary<JsonNode> trees() {
    return node(3);
  }

  @Provide
  Arbitrary<ObjectNode> objects() {
    return Arbitraries.maps(Arbitraries.of("metadata", "spec", "status", "kind"), node(2))
        .ofMaxSize(4)
        .map(
            m -> {
              ObjectNode o = F.objectNode();
              m.forEach(o::set);
              return o;
            });
  }

  static Arbitrary<JsonNode> node(int depth) {
    Arbitrary<JsonNode> scalars = scalars();
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<JsonNode> objects =
        Arbitraries.maps(Arbitraries.of("a", "b", "c", "é\""), node(depth - 1))
            .ofMaxSize(3)
            .map(
                m -> {
                  ObjectNode o = F.objectNode();
                  m.forEach(o::set);
                  return o;
                });
    Arbitrary<JsonNode> arrays =
        node(depth - 1)
            .list()
            .ofMaxSize(3)
            .map(
                l -> {
                  ArrayNode a = F.arrayNode();
                  l.forEach(a::add);
                  return a;
                });
    return Arbitraries.frequencyOf(Tuple.of(3, scalars), Tuple.of(1, objects), Tuple.of(1, arrays));
  }

  private static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(-2, 2).map(IntNode::valueOf),
        Arbitraries.longs().between(-2, 2).map(LongNode::valueOf),
        Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE).map(LongNode::valueOf),
        Arbitraries.of(BigInteger.ONE, BigInteger.TWO.pow(70)).map(BigIntegerNode::valueOf),
        Arbitraries.of(1.0, 1.5, 0.0, -0.0, 1e20, Double.NaN, Double.POSITIVE_INFINITY)
            .map(DoubleNode::valueOf),
        Arbitraries.of(1.0f, 0.1f).map(FloatNode::valueOf),
        Arbitraries.of("1", "1.0", "1.50", "1E+3").map(s -> DecimalNode.valueOf(new BigDecimal(s))),
        Arbitraries.of("1", "1.0", "", "a", "NaN", "Infinity", "AQID", "\"", "é")
            .map(TextNode::valueOf),
        Arbitraries.of(
            BooleanNode.TRUE,
            BooleanNode.FALSE,
            NullNode.instance,
            BinaryNode.valueOf(new byte[] {1, 2, 3}),
            new POJONode("AQID")));
  }

  /** A copy with some nodes re-typed, replaced or reordered: often equal as text, often not. */
  static JsonNode variant(JsonNode node, Random r) {
    if (node instanceof ObjectNode o) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
      o.properties().forEach(e -> members.add(Map.entry(e.getKey(), variant(e.getValue(), r))));
      if (members.size() > 1 && r.nextInt(4) == 0) {
        Collections.swap(members, 0, members.size() - 1);
      }
      if (!members.isEmpty() && r.nextInt(8) == 0) {
        members.removeLast();
      }
      ObjectNode out = F.objectNode();
      members.forEach(e -> out.set(e.getKey(), e.getValue()));
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = F.arrayNode();
      a.forEach(e -> out.add(variant(e, r)));
      if (r.nextInt(8) == 0) {
        out.add(NullNode.instance);
      }
      return out;
    }
    if (node.isIntegralNumber() && node.canConvertToInt() && r.nextBoolean()) {
      int v = node.intValue();
      return switch (r.nextInt(4)) {
        case 0 -> LongNode.valueOf(v);
        case 1 -> BigIntegerNode.valueOf(BigInteger.valueOf(v));
        case 2 -> DoubleNode.valueOf(v);
        default -> TextNode.valueOf(Integer.toString(v));
      };
    }
    if (node.isNumber() && Double.isFinite(node.doubleValue()) && r.nextBoolean()) {
      return DecimalNode.valueOf(node.decimalValue());
    }
    return r.nextInt(6) == 0 ? TextNode.valueOf(node.asText()) : node.deepCopy();
  }
}
