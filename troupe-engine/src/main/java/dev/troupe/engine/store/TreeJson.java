package dev.troupe.engine.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The JSON text of a stored tree, written member by member: the text of a top-level member that a
 * write left as it was (the very node of the previous version, as {@link Mutations} shares them) is
 * copied from the previous version's text instead of being written again. A status write of a
 * Release so writes only its status and metadata, not its rendered manifests. The text is exactly
 * {@code Codec.JSON.writeValueAsString(tree)}: compact JSON is the concatenation of its members'.
 */
final class TreeJson {
  private final String text;
  private final String[] names;
  private final int[] starts;
  private final int[] ends;

  private TreeJson(String text, String[] names, int[] starts, int[] ends) {
    this.text = text;
    this.names = names;
    this.starts = starts;
    this.ends = ends;
  }

  /** The text of {@code tree}, reusing {@code previousText} (of {@code previous}) if given. */
  static TreeJson write(ObjectNode tree, ObjectNode previous, TreeJson previousText) {
    return write(tree, previous, previousText, new StringBuilder(2048));
  }

  /**
   * {@link #write(ObjectNode, ObjectNode, TreeJson)} into {@code scratch}, a buffer the caller
   * reuses (its content is replaced).
   */
  static TreeJson write(
      ObjectNode tree, ObjectNode previous, TreeJson previousText, StringBuilder scratch) {
    int n = tree.size();
    String[] names = new String[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    scratch.setLength(0);
    try (JsonGenerator g = Codec.JSON.createGenerator(new Appender(scratch))) {
      g.writeStartObject();
      int i = 0;
      for (Map.Entry<String, JsonNode> e : tree.properties()) {
        String name = e.getKey();
        g.writeFieldName(name);
        g.flush();
        // Compact output: the value follows one ':' that the generator writes with it.
        int start = scratch.length() + 1;
        int at = previousText == null || previous == null ? -1 : previousText.indexOf(name);
        if (at >= 0 && previous.get(name) == e.getValue()) {
          int from = previousText.starts[at];
          g.writeRawValue(previousText.text, from, previousText.ends[at] - from);
        } else {
          Codec.JSON.writeTree(g, e.getValue());
        }
        g.flush();
        starts[i] = start;
        ends[i] = scratch.length();
        names[i] = name;
        i++;
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize an object tree", e);
    }
    return new TreeJson(scratch.toString(), names, starts, ends);
  }

  /** The text. */
  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  private int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A {@link Writer} that appends to a {@link StringBuilder} (no locking, no copy). */
  private static final class Appender extends Writer {
    private final StringBuilder b;

    Appender(StringBuilder b) {
      this.b = b;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      b.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
      b.append(text, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
