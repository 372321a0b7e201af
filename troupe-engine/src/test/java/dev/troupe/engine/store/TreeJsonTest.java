package dev.troupe.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The member-wise JSON text of stored trees is exactly the mapper's text, reused or not. */
class TreeJsonTest {

  @Property(tries = 1000)
  void theTextIsTheMappersTextWhateverIsReused(
      @ForAll("objects") ObjectNode previous, @ForAll long seed) throws JsonProcessingException {
    Random r = new Random(seed);
    ObjectNode next = nextVersion(previous, r);
    TreeJson previousText = TreeJson.write(previous, null, null);

    TreeJson text = TreeJson.write(next, previous, previousText);

    assertThat(previousText.text()).isEqualTo(Codec.JSON.writeValueAsString(previous));
    assertThat(text.text()).isEqualTo(Codec.JSON.writeValueAsString(next));
  }

  @Example
  void unchangedMembersAreCopiedFromThePreviousText() throws JsonProcessingException {
    ObjectNode previous = Trees.json("{'kind':'K','spec':{'a':[1,2]},'status':{'p':'x'}}");
    TreeJson previousText = TreeJson.write(previous, null, null);
    ObjectNode next = ObjectTree.shallowCopy(previous);
    next.set("status", Trees.json("{'p':'y'}"));

    TreeJson text = TreeJson.write(next, previous, previousText);

    assertThat(text.text()).isEqualTo(Codec.JSON.writeValueAsString(next));
    assertThat(text.text())
        .isEqualTo("{\"kind\":\"K\",\"spec\":{\"a\":[1,2]},\"status\":{\"p\":\"y\"}}");
  }

  @Provide
  Arbitrary<ObjectNode> objects() {
    return Arbitraries.maps(
            Arbitraries.of("apiVersion", "kind", "metadata", "spec", "status", "x\"é"),
            ObjectTreeSameTest.node(2))
        .ofMaxSize(6)
        .map(
            m -> {
              ObjectNode o = JsonNodeFactory.instance.objectNode();
              m.forEach(o::set);
              return o;
            });
  }

  /** Keeps some members (the same nodes), replaces, drops, adds or reorders others. */
  private static ObjectNode nextVersion(ObjectNode previous, Random r) {
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
    previous
        .properties()
        .forEach(
            e -> {
              switch (r.nextInt(4)) {
                case 0 ->
                    members.add(Map.entry(e.getKey(), ObjectTreeSameTest.variant(e.getValue(), r)));
                case 1 -> {}
                default -> members.add(Map.entry(e.getKey(), e.getValue()));
              }
            });
    if (r.nextBoolean()) {
      members.add(Map.entry("added", JsonNodeFactory.instance.textNode("v")));
    }
    if (members.size() > 1 && r.nextBoolean()) {
      java.util.Collections.swap(members, 0, members.size() - 1);
    }
    ObjectNode next = JsonNodeFactory.instance.objectNode();
    members.forEach(e -> next.set(e.getKey(), e.getValue()));
    return next;
  }
}
