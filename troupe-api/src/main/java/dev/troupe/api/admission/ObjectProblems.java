package dev.troupe.api.admission;

import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.SourcePosition;
import dev.troupe.api.schema.Reporter;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one object, locating each field path in the object's source document.
 */
final class ObjectProblems implements Reporter {
  private final Document document;
  private final List<Problem> problems = new ArrayList<>();
  private String kind = "";
  private String apiVersion = "";
  private String namespace = "";
  private String name = "";

  ObjectProblems(Document document) {
    this.document = document;
  }

  void identify(String kind, String apiVersion, String namespace, String name) {
    this.kind = kind == null ? "" : kind;
    this.apiVersion = apiVersion == null ? "" : apiVersion;
    this.namespace = namespace == null ? "" : namespace;
    this.name = name == null ? "" : name;
  }

  @Override
  public void report(Severity severity, Rule rule, String path, String message, String hint) {
    problems.add(problem(severity, rule, path, message, hint, List.of()));
  }

  void related(Rule rule, String path, String message, List<Problem.Related> related) {
    problems.add(problem(Severity.ERROR, rule, path, message, null, related));
  }

  Problem problem(
      Severity severity,
      Rule rule,
      String path,
      String message,
      String hint,
      List<Problem.Related> related) {
    Problem.Source source = null;
    if (document != null && document.file() != null) {
      SourcePosition at =
          rule == Rule.UnknownField || rule == Rule.DuplicateKey
              ? document.positions().locateKey(path)
              : document.positions().locate(path);
      source = new Problem.Source(document.file(), document.index(), at.line(), at.column());
    }
    return new Problem(
        severity, rule, kind, apiVersion, namespace, name, source, path, message, hint, related);
  }

  /** Adds a problem found while reading, at its own position. */
  void readProblem(Document.ReadProblem p) {
    Problem.Source source =
        new Problem.Source(
            document.file(), document.index(), p.position().line(), p.position().column());
    Rule rule = p.parseError() ? Rule.ParseError : Rule.DuplicateKey;
    problems.add(
        new Problem(
            Severity.ERROR,
            rule,
            kind,
            apiVersion,
            namespace,
            name,
            source,
            p.path(),
            p.message(),
            null,
            List.of()));
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  List<Problem> all() {
    // Late identification (name found after a problem) applies to every problem of the object.
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      out.add(
          new Problem(
              p.severity(),
              p.rule(),
              kind,
              apiVersion,
              namespace,
              name,
              p.source(),
              p.path(),
              p.message(),
              p.hint(),
              p.related()));
    }
    return out;
  }
}
