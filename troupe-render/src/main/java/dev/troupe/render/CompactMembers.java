package dev.troupe.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of a rendered JSON object: an insertion-ordered map that behaves as the {@link
 * LinkedHashMap} Jackson uses by default (order kept on replace, closed up on remove), stored as
 * one array of alternating keys and values while it is small.
 *
 * <p>Hand-written rather than a library: rendered objects have two or three members on average, and
 * a {@code LinkedHashMap} spends about 270 bytes on such an object (map, 16-slot table, one entry
 * per member) against about 70 here. At 10,000 bindings that is most of the 450 MiB the output
 * trees hold while they are built, which the garbage collector copies at least once. Past {@link
 * #SMALL} members, lookups would be linear in a long list, so the members move to a {@code
 * LinkedHashMap}.
 */
final class CompactMembers extends AbstractMap<String, JsonNode> {
  /** Members kept in the array; more move to a {@code LinkedHashMap}. */
  static final int SMALL = 12;

  /** Keys at even indexes, their values after them; null until the first member. */
  private Object[] slots;

  private int size;

  /** All members once there are more than {@link #SMALL}; then {@code slots} is unused. */
  private LinkedHashMap<String, JsonNode> large;

  @Override
  public int size() {
    return large != null ? large.size() : size;
  }

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * The index of {@code key}, or -1. Keys are mostly the same String instances (literals, and names
   * Jackson interns while parsing), so identity is tried on every slot first; then equal hash codes
   * (cached in each String) before comparing characters.
   */
  private int indexOf(Object key) {
    Object[] s = slots;
    int n = size;
    for (int i = 0; i < n; i++) {
      if (s[2 * i] == key) {
        return i;
      }
    }
    if (!(key instanceof String k)) {
      return -1;
    }
    int hash = k.hashCode();
    for (int i = 0; i < n; i++) {
      String other = (String) s[2 * i];
      if (other != null && other.hashCode() == hash && other.equals(k)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean containsKey(Object key) {
    return large != null ? large.containsKey(key) : indexOf(key) >= 0;
  }

  @Override
  public JsonNode get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int i = indexOf(key);
    return i < 0 ? null : (JsonNode) slots[2 * i + 1];
  }

  @Override
  public JsonNode put(String key, JsonNode value) {
    if (large != null) {
      return large.put(key, value);
    }
    int i = indexOf(key);
    if (i >= 0) {
      JsonNode old = (JsonNode) slots[2 * i + 1];
      slots[2 * i + 1] = value;
      return old;
    }
    if (size == SMALL) {
      large = new LinkedHashMap<>();
      for (int j = 0; j < size; j++) {
        large.put((String) slots[2 * j], (JsonNode) slots[2 * j + 1]);
      }
      slots = null;
      size = 0;
      return large.put(key, value);
    }
    if (slots == null) {
      slots = new Object[4];
    } else if (2 * size == slots.length) {
      slots = java.util.Arrays.copyOf(slots, Math.min(2 * slots.length, 2 * SMALL));
    }
    slots[2 * size] = key;
    slots[2 * size + 1] = value;
    size++;
    return null;
  }

  @Override
  public JsonNode remove(Object key) {
    if (large != null) {
      return large.remove(key);
    }
    int i = indexOf(key);
    if (i < 0) {
      return null;
    }
    JsonNode old = (JsonNode) slots[2 * i + 1];
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    System.arraycopy(slots, 2 * i + 2, slots, 2 * i, 2 * (size - i - 1));
    size--;
    slots[2 * size] = null;
    slots[2 * size + 1] = null;
  }

  @Override
  public void clear() {
    large = null;
    slots = null;
    size = 0;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    if (large != null) {
      return large.entrySet();
    }
    return new AbstractSet<>() {
      @Override
      public int size() {
        return CompactMembers.this.size();
      }

      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return large != null ? large.entrySet().iterator() : new Members();
      }

      @Override
      public void clear() {
        CompactMembers.this.clear();
      }
    };
  }

  /** Iterates the array in order; {@code remove} closes up the array as {@code LinkedHashMap}. */
  private final class Members implements Iterator<Map.Entry<String, JsonNode>> {
    private int next;
    private int current = -1;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Map.Entry<String, JsonNode> next() {
      if (next >= size) {
        throw new NoSuchElementException();
      }
      current = next++;
      return new Member(current);
    }

    @Override
    public void remove() {
      if (current < 0) {
        throw new IllegalStateException("next() first");
      }
      removeAt(current);
      next = current;
      current = -1;
    }
  }

  /** A view of the member at one index, valid until the map changes shape. */
  private final class Member implements Map.Entry<String, JsonNode> {
    private final int index;

    Member(int index) {
      this.index = index;
    }

    @Override
    public String getKey() {
      return (String) slots[2 * index];
    }

    @Override
    public JsonNode getValue() {
      return (JsonNode) slots[2 * index + 1];
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      JsonNode old = getValue();
      slots[2 * index + 1] = value;
      return old;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e
          && Objects.equals(getKey(), e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
