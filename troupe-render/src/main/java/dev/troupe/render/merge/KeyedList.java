package dev.troupe.render.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Rule 6 of rendering.md §3.1: a list with a merge key, merged through a working list, a partition
 * into patch items and base-only items, and the interleave of the two.
 *
 * <p>The key of an item is its merge-key field; an item that is not an object or lacks the field
 * has the "missing" key, which equals only another missing key. Integer keys compare by value, so
 * {@code 8080} held as an int and as a long are the same key.
 */
final class KeyedList {
  private KeyedList() {}

  /** One entry of the working list and its index in the base list (-1 when appended). */
  private record Entry(JsonNode value, int baseIndex) {}

  /** Rule 6; when {@code owned}, the items of both lists are reused instead of copied. */
  static ArrayNode merge(ArrayNode base, ArrayNode patch, Position.Keyed keyed, boolean owned) {
    List<JsonNode> b = elements(base);
    List<JsonNode> p = elements(patch);
    String k = keyed.key();
    List<Entry> working = workingList(b, p, keyed, owned);

    List<Entry> patchItems = new ArrayList<>();
    List<Entry> baseOnly = new ArrayList<>();
    for (Entry e : working) {
      (indexOfKey(p, keyOf(e.value(), k), k) >= 0 ? patchItems : baseOnly).add(e);
    }
    patchItems.sort(Comparator.comparingInt(e -> indexOfKey(p, keyOf(e.value(), k), k)));
    baseOnly.sort(Comparator.comparingInt(Entry::baseIndex));

    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    Deque<Entry> left = new ArrayDeque<>(baseOnly);
    Deque<Entry> right = new ArrayDeque<>(patchItems);
    while (!left.isEmpty() || !right.isEmpty()) {
      Deque<Entry> from = takeLeft(left, right, b, k) ? left : right;
      JsonNode item = from.removeFirst().value();
      result.add(owned ? item : item.deepCopy());
    }
    return result;
  }

  /** Step 1: the base list with each patch item merged into its first match, or appended. */
  private static List<Entry> workingList(
      List<JsonNode> b, List<JsonNode> p, Position.Keyed keyed, boolean owned) {
    List<Entry> working = new ArrayList<>();
    for (int i = 0; i < b.size(); i++) {
      working.add(new Entry(b.get(i), i));
    }
    for (JsonNode item : p) {
      JsonNode key = keyOf(item, keyed.key());
      int at = firstMatch(working, key, keyed.key());
      if (at < 0) {
        working.add(new Entry(item, -1));
      } else {
        Entry old = working.get(at);
        JsonNode merged =
            keyed.wholeItem()
                ? item
                : StrategicMerge.mergeAt(old.value(), item, keyed.item(), owned);
        working.set(at, new Entry(merged, old.baseIndex()));
      }
    }
    return working;
  }

  /** Step 4: take {@code left[0]} only if both keys occur in B and left's comes first. */
  private static boolean takeLeft(
      Deque<Entry> left, Deque<Entry> right, List<JsonNode> b, String k) {
    if (left.isEmpty()) {
      return false;
    }
    if (right.isEmpty()) {
      return true;
    }
    int l = indexOfKey(b, keyOf(left.peekFirst().value(), k), k);
    int r = indexOfKey(b, keyOf(right.peekFirst().value(), k), k);
    return l >= 0 && r >= 0 && l < r;
  }

  private static int firstMatch(List<Entry> working, JsonNode key, String k) {
    for (int i = 0; i < working.size(); i++) {
      if (sameKey(keyOf(working.get(i).value(), k), key)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first item of {@code items} whose key equals {@code key}, or -1. */
  private static int indexOfKey(List<JsonNode> items, JsonNode key, String k) {
    for (int i = 0; i < items.size(); i++) {
      if (sameKey(keyOf(items.get(i), k), key)) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode keyOf(JsonNode item, String k) {
    JsonNode v = item.isObject() ? item.get(k) : null;
    return v == null ? MissingNode.getInstance() : v;
  }

  private static boolean sameKey(JsonNode a, JsonNode b) {
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue());
    }
    return a.equals(b);
  }

  private static List<JsonNode> elements(ArrayNode array) {
    List<JsonNode> out = new ArrayList<>(array.size());
    array.forEach(out::add);
    return out;
  }
}
