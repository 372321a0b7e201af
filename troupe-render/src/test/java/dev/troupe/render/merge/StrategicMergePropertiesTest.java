package dev.troupe.render.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.troupe.api.codec.Codec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Identity laws of the merge on random trees; inputs are never mutated. */
class StrategicMergePropertiesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Keys that hit the schema positions of §3.2, so keyed lists occur in the random trees. */
  private static final List<String> KEYS =
      List.of(
          "template",
          "spec",
          "jobTemplate",
          "containers",
          "initContainers",
          "env",
          "ports",
          "volumeMounts",
          "volumes",
          "name",
          "port",
          "containerPort",
          "mountPath",
          "value",
          "x");

  @Property
  void mergeWithEmptyPatchIsTheBase(@ForAll("objects") ObjectNode x, @ForAll MergeSchema schema) {
    ObjectNode before = x.deepCopy();
    ObjectNode empty = F.objectNode();

    JsonNode result = StrategicMerge.merge(x, empty, schema);

    assertThat(result).isEqualTo(x);
    assertThat(x).isEqualTo(before);
    assertThat(empty).isEmpty();
  }

  @Property
  void mergeOntoEmptyBaseIsThePatch(@ForAll("trees") JsonNode p, @ForAll MergeSchema schema) {
    JsonNode before = p.deepCopy();
    ObjectNode empty = F.objectNode();

    assertThat(StrategicMerge.merge(empty, p, schema)).isEqualTo(p);
    assertThat(StrategicMerge.merge(null, p, schema)).isEqualTo(p);
    assertThat(p).isEqualTo(before);
    assertThat(empty).isEmpty();
  }

  @Property
  void mergeNeverMutatesInputsAndKeepsEveryKey(
      @ForAll("objects") ObjectNode base,
      @ForAll("objects") ObjectNode patch,
      @ForAll MergeSchema schema) {
    ObjectNode baseBefore = base.deepCopy();
    ObjectNode patchBefore = patch.deepCopy();

    JsonNode result = StrategicMerge.merge(base, patch, schema);

    assertThat(base).isEqualTo(baseBefore);
    assertThat(patch).isEqualTo(patchBefore);
    Set<String> keys = new HashSet<>();
    base.fieldNames().forEachRemaining(keys::add);
    patch.fieldNames().forEachRemaining(keys::add);
    Set<String> resultKeys = new HashSet<>();
    result.fieldNames().forEachRemaining(resultKeys::add);
    assertThat(resultKeys).isEqualTo(keys);
    assertThat(StrategicMerge.merge(base, patch, schema)).isEqualTo(result);
  }

  @Property
  void mergeOwnedGivesTheMergeInTheSameKeyOrder(
      @ForAll("objects") ObjectNode base,
      @ForAll("objects") ObjectNode patch,
      @ForAll MergeSchema schema)
      throws Exception {
    JsonNode copied = StrategicMerge.merge(base, patch, schema);

    JsonNode owned = StrategicMerge.mergeOwned(base.deepCopy(), patch.deepCopy(), schema);

    // JSON text keeps member order, which tree equality ignores.
    assertThat(Codec.JSON.writeValueAsString(owned))
        .isEqualTo(Codec.JSON.writeValueAsString(copied));
  }

  @Provide
  Arbitrary<ObjectNode> objects() {
    return object(3);
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return tree(3);
  }

  private static Arbitrary<JsonNode> tree(int depth) {
    if (depth == 0) {
      return scalar();
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar()),
        net.jqwik.api.Tuple.of(2, object(depth - 1).map(o -> (JsonNode) o)),
        net.jqwik.api.Tuple.of(2, array(depth - 1)));
  }

  private static Arbitrary<ObjectNode> object(int depth) {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.lazy(() -> tree(depth)))
        .ofMaxSize(4)
        .map(StrategicMergePropertiesTest::toObject);
  }

  private static Arbitrary<JsonNode> array(int depth) {
    return Arbitraries.lazy(() -> tree(depth))
        .list()
        .ofMaxSize(4)
        .map(items -> (JsonNode) F.arrayNode().addAll(items));
  }

  private static Arbitrary<JsonNode> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.of("a", "b", "main", "", "8080").map(s -> (JsonNode) TextNode.valueOf(s)),
        Arbitraries.integers().between(0, 3).map(i -> (JsonNode) IntNode.valueOf(i)),
        Arbitraries.of(true, false).map(b -> (JsonNode) BooleanNode.valueOf(b)),
        Arbitraries.just((JsonNode) NullNode.getInstance()));
  }

  private static ObjectNode toObject(Map<String, JsonNode> fields) {
    ObjectNode o = F.objectNode();
    fields.forEach(o::set);
    return o;
  }
}
