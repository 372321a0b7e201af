package dev.troupe.api.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One document of an input stream: its tree (null when it could not be parsed), where it came from,
 * the positions of its nodes, and problems found while reading it (parse errors, duplicate keys).
 *
 * @param file the path as given by the user ("-" for standard input)
 * @param index 1-based index of the document in its file
 */
public record Document(
    String file,
    int index,
    ObjectNode tree,
    SourceMap positions,
    java.util.List<ReadProblem> problems) {

  public Document {
    problems = java.util.List.copyOf(problems);
  }

  /** A problem found while reading: {@code ParseError} (tree is null) or {@code DuplicateKey}. */
  public record ReadProblem(
      boolean parseError, String path, SourcePosition position, String message) {}

  public boolean parsed() {
    return tree != null;
  }
}
