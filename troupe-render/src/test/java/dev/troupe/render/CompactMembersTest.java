package dev.troupe.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@link CompactMembers} behaves as the {@code LinkedHashMap} Jackson uses, whatever its size. */
class CompactMembersTest {

  /** One map operation: 0 put, 1 remove, 2 remove while iterating, 3 set through an entry. */
  record Op(int kind, int key, int value) {}

  @Property(tries = 300)
  void everyOperationSequenceMatchesLinkedHashMap(@ForAll("ops") @Size(max = 80) List<Op> ops) {
    Map<String, JsonNode> compact = new CompactMembers();
    Map<String, JsonNode> plain = new LinkedHashMap<>();

    for (Op op : ops) {
      // the same instance (as literals and interned names are) or an equal copy
      String key = op.value() % 2 == 0 ? ("k" + op.key()).intern() : "k" + op.key();
      JsonNode value = IntNode.valueOf(op.value());
      switch (op.kind()) {
        case 0 -> assertThat(compact.put(key, value)).isEqualTo(plain.put(key, value));
        case 1 -> assertThat(compact.remove(key)).isEqualTo(plain.remove(key));
        case 2 -> {
          removeWhileIterating(compact, key);
          removeWhileIterating(plain, key);
        }
        default -> {
          setThroughEntry(compact, key, value);
          setThroughEntry(plain, key, value);
        }
      }
      assertThat(new ArrayList<>(compact.entrySet())).isEqualTo(new ArrayList<>(plain.entrySet()));
      assertThat(compact.get(key)).isEqualTo(plain.get(key));
      assertThat(compact.containsKey(key)).isEqualTo(plain.containsKey(key));
      assertThat(compact.size()).isEqualTo(plain.size());
    }
    assertThat(compact).isEqualTo(plain);
    assertThat(plain).isEqualTo(compact);
    assertThat(compact.hashCode()).isEqualTo(plain.hashCode());
    compact.clear();
    assertThat(compact).isEmpty();
  }

  @Test
  void objectsOfTheRenderFactoryWriteAndCompareAsJacksonsOwn() throws Exception {
    ObjectNode compact = Trees.object();
    ObjectNode plain = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (int i = 20; i > 0; i--) { // past the array form, in reverse key order
      compact.put("k" + i, i);
      plain.put("k" + i, i);
      compact.putObject("o" + i).put("x", "y");
      plain.putObject("o" + i).put("x", "y");
    }
    compact.remove("k7");
    plain.remove("k7");

    assertThat(Codec.JSON.writeValueAsString(compact))
        .isEqualTo(Codec.JSON.writeValueAsString(plain));
    assertThat(compact).isEqualTo(plain);
    assertThat(compact.deepCopy()).isEqualTo(plain);
    assertThat(Canonical.of(compact)).isEqualTo(Canonical.of(plain));
  }

  private static void removeWhileIterating(Map<String, JsonNode> map, String key) {
    for (Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getKey().equals(key)) {
        it.remove();
      }
    }
  }

  private static void setThroughEntry(Map<String, JsonNode> map, String key, JsonNode value) {
    for (Map.Entry<String, JsonNode> e : map.entrySet()) {
      if (e.getKey().equals(key)) {
        e.setValue(value);
      }
    }
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    // Few distinct keys keep hits frequent; up to 20 of them crosses the array limit.
    Arbitrary<Op> op =
        net.jqwik.api.Combinators.combine(
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(6, 0),
                    net.jqwik.api.Tuple.of(2, 1),
                    net.jqwik.api.Tuple.of(1, 2),
                    net.jqwik.api.Tuple.of(1, 3)),
                Arbitraries.integers().between(0, 19),
                Arbitraries.integers().between(0, 3))
            .as(Op::new);
    return op.list();
  }
}
