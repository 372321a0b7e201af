package dev.troupe.api.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One admission finding (model.md §4.1): an error blocks the write, a warning is only reported.
 * Messages never contain secret values.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    Severity severity,
    Rule rule,
    String kind,
    String apiVersion,
    String namespace,
    String name,
    Source source,
    String path,
    String message,
    String hint,
    List<Related> related) {

  public Problem {
    related = related == null ? List.of() : List.copyOf(related);
    path = path == null ? "" : path;
    kind = kind == null ? "" : kind;
    apiVersion = apiVersion == null ? "" : apiVersion;
    namespace = namespace == null ? "" : namespace;
    name = name == null ? "" : name;
  }

  /** Where in an input file the problem is (1-based document index, line and column). */
  public record Source(String file, int document, int line, int column) {}

  /** Another object of the same namespace involved in the problem. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Related(String kind, String name, String path) {}

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Problem withHint(String newHint) {
    return new Problem(
        severity, rule, kind, apiVersion, namespace, name, source, path, message, newHint, related);
  }

  /**
   * The text form of model.md §4.1: {@code <file>:<line>:<column>: <severity>[<Rule>] <Kind>
   * <namespace>/<name>: <path>: <message>}, with an indented {@code hint:} line when there is one.
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    if (source != null) {
      b.append(source.file()).append(':').append(source.line()).append(':');
      b.append(source.column()).append(": ");
    }
    b.append(severity.wire()).append('[').append(rule.name()).append("] ");
    b.append(kind.isEmpty() ? "<unknown kind>" : kind).append(' ');
    if (!namespace.isEmpty()) {
      b.append(namespace).append('/');
    }
    b.append(name.isEmpty() ? "<unnamed>" : name).append(": ");
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    b.append(message);
    if (hint != null && !hint.isEmpty()) {
      b.append(System.lineSeparator()).append("    hint: ").append(hint);
    }
    return b.toString();
  }
}
