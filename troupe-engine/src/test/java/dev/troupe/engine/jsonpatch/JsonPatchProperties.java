package dev.troupe.engine.jsonpatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Properties of {@link JsonPatch} over generated documents and operations. */
class JsonPatchProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Applying never modifies the input; a failure names the first operation that does not apply. */
  @Property(tries = 500)
  void aPatchIsAtomic(@ForAll("cases") Tuple.Tuple2<JsonNode, List<PatchOperation>> c) {
    JsonNode doc = c.get1();
    JsonNode before = doc.deepCopy();
    JsonPatch patch = new JsonPatch(c.get2());
    try {
      patch.apply(doc);
      assertThat(doc).isEqualTo(before);
    } catch (JsonPatchException e) {
      assertThat(doc).as("a failed patch leaves the document unchanged").isEqualTo(before);
      int failed = Integer.parseInt(e.getMessage().replaceFirst("^operation (\\d+) .*", "$1"));
      // Every operation before the failing one applies on its own.
      new JsonPatch(c.get2().subList(0, failed)).apply(doc);
    }
  }

  /**
   * For the operations that apply, one after another, the inverse operations (computed against the
   * document before each one, applied in reverse order) restore the original document.
   */
  @Property(tries = 500)
  void theInversePatchRestoresTheDocument(
      @ForAll("cases") Tuple.Tuple2<JsonNode, List<PatchOperation>> c) {
    JsonNode original = c.get1();
    JsonNode current = original.deepCopy();
    List<PatchOperation> applied = new ArrayList<>();
    List<PatchOperation> inverse = new ArrayList<>();
    for (PatchOperation op : c.get2()) {
      if (op instanceof PatchOperation.Move || op instanceof PatchOperation.Test) {
        continue;
      }
      PatchOperation undo;
      JsonNode next;
      try {
        undo = inverse(current, op);
        next = new JsonPatch(List.of(op)).apply(current);
      } catch (JsonPatchException e) {
        continue;
      }
      applied.add(op);
      inverse.add(undo);
      current = next;
    }
    Collections.reverse(inverse);
    JsonNode patched = new JsonPatch(applied).apply(original);
    assertThat(patched).isEqualTo(current);
    assertThat(new JsonPatch(inverse).apply(patched)).isEqualTo(original);
  }

  /** Pointers survive their text form. */
  @Property
  void pointersRoundTrip(@ForAll("keys") List<String> tokens) {
    JsonPointer p = new JsonPointer(tokens);
    assertThat(JsonPointer.parse(p.toString())).isEqualTo(p);
  }

  /** The operation that undoes {@code op} on {@code doc}; throws when {@code op} does not apply. */
  private static PatchOperation inverse(JsonNode doc, PatchOperation op) {
    return switch (op) {
      case PatchOperation.Add a -> undoAdd(doc, a.path());
      case PatchOperation.Copy c -> {
        Pointers.get(doc, c.from());
        yield undoAdd(doc, c.path());
      }
      case PatchOperation.Remove r ->
          new PatchOperation.Add(r.path(), Pointers.get(doc, r.path()).deepCopy());
      case PatchOperation.Replace r ->
          new PatchOperation.Replace(r.path(), Pointers.get(doc, r.path()).deepCopy());
      default -> throw new IllegalArgumentException(op.toString());
    };
  }

  private static PatchOperation undoAdd(JsonNode doc, JsonPointer path) {
    if (path.isRoot()) {
      return new PatchOperation.Replace(path, doc.deepCopy());
    }
    JsonNode parent = Pointers.get(doc, path.parent());
    if (parent instanceof ObjectNode o) {
      return o.has(path.last())
          ? new PatchOperation.Replace(path, o.get(path.last()).deepCopy())
          : new PatchOperation.Remove(path);
    }
    if (parent instanceof ArrayNode a) {
      int index =
          JsonPointer.END.equals(path.last()) ? a.size() : JsonPointer.arrayIndex(path.last());
      if (index < 0 || index > a.size()) {
        throw new JsonPatchException("does not apply");
      }
      return new PatchOperation.Remove(path.parent().append(Integer.toString(index)));
    }
    throw new JsonPatchException("does not apply");
  }

  // ---- generators ------------------------------------------------------------------------------

  @Provide
  Arbitrary<List<String>> keys() {
    return key().list().ofMaxSize(4);
  }

  private static Arbitrary<String> key() {
    return Arbitraries.strings().withChars("ab/~01").ofMaxLength(3);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<JsonNode, List<PatchOperation>>> cases() {
    return json(3)
        .flatMap(doc -> operations(doc).list().ofMaxSize(6).map(ops -> Tuple.of(doc, ops)));
  }

  private static Arbitrary<JsonNode> json(int depth) {
    Arbitrary<JsonNode> scalars =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-3, 3).map(F::numberNode),
            Arbitraries.strings().withChars("xy").ofMaxLength(2).map(F::textNode),
            Arbitraries.of(true, false).map(F::booleanNode),
            Arbitraries.just(F.nullNode()));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<JsonNode> arrays =
        json(depth - 1)
            .list()
            .ofMaxSize(3)
            .map(
                items -> {
                  ArrayNode a = F.arrayNode();
                  items.forEach(a::add);
                  return a;
                });
    Arbitrary<JsonNode> objects =
        Arbitraries.maps(key(), json(depth - 1))
            .ofMaxSize(3)
            .map(
                members -> {
                  ObjectNode o = F.objectNode();
                  members.forEach(o::set);
                  return o;
                });
    return Arbitraries.frequencyOf(Tuple.of(2, scalars), Tuple.of(2, arrays), Tuple.of(3, objects));
  }

  /** Operations aimed mostly at locations of {@code doc}, some at locations that do not exist. */
  private static Arbitrary<PatchOperation> operations(JsonNode doc) {
    List<JsonPointer> existing = new ArrayList<>();
    collect(doc, JsonPointer.ROOT, existing);
    List<JsonPointer> targets = new ArrayList<>(existing);
    for (JsonPointer p : existing) {
      targets.add(p.append("-"));
      targets.add(p.append("new"));
      targets.add(p.append("0"));
      targets.add(p.append("9"));
    }
    Arbitrary<JsonPointer> path = Arbitraries.of(targets);
    Arbitrary<JsonNode> value = json(1);
    return Arbitraries.oneOf(
        Combinators.combine(path, value).as(PatchOperation.Add::new),
        path.map(PatchOperation.Remove::new),
        Combinators.combine(path, value).as(PatchOperation.Replace::new),
        Combinators.combine(path, path).as(PatchOperation.Move::new),
        Combinators.combine(path, path).as(PatchOperation.Copy::new),
        Combinators.combine(path, value).as(PatchOperation.Test::new));
  }

  private static void collect(JsonNode node, JsonPointer at, List<JsonPointer> out) {
    out.add(at);
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(k -> collect(o.get(k), at.append(k), out));
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        collect(a.get(i), at.append(Integer.toString(i)), out);
      }
    }
  }
}
