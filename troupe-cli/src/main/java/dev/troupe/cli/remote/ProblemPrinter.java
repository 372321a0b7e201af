package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.SourcePosition;
import dev.troupe.cli.client.ApiProblem.FieldError;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the server's admission findings the way {@code troupe validate} prints its own: {@code
 * FILE:LINE:COL: error[Rule] Kind ns/name: path: message}, with a {@code hint:} line. The server
 * sees objects, not files, so a finding is traced back to the input document by its object
 * (kind/namespace/name) or by an {@code objects[i]} path, and located there by its field path.
 */
final class ProblemPrinter {
  private static final Pattern INDEXED = Pattern.compile("^(?:objects)?\\[(\\d+)]\\.?(.*)$");

  private final List<Document> docs;
  private final String defaultNamespace;

  ProblemPrinter(List<Document> docs, String defaultNamespace) {
    this.docs = List.copyOf(docs);
    this.defaultNamespace = defaultNamespace;
  }

  String format(FieldError e) {
    String path = e.path();
    Document doc = null;
    Matcher m = INDEXED.matcher(path);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      if (i < docs.size()) {
        doc = docs.get(i);
        path = m.group(2);
      }
    }
    if (doc == null && !e.kind().isEmpty() && !e.name().isEmpty()) {
      doc = byObject(e.kind(), e.namespace(), e.name());
    }
    String kind = e.kind();
    String namespace = e.namespace();
    String name = e.name();
    StringBuilder b = new StringBuilder();
    if (doc != null && doc.tree() != null) {
      SourcePosition pos = doc.positions().locate(path);
      b.append(doc.file()).append(':').append(pos.line()).append(':').append(pos.column());
      b.append(": ");
      JsonNode t = doc.tree();
      kind = kind.isEmpty() ? t.path("kind").asText("") : kind;
      name = name.isEmpty() ? t.path("metadata").path("name").asText("") : name;
      namespace = namespace.isEmpty() ? namespaceOf(t) : namespace;
    } else if (!e.file().isEmpty()) {
      b.append(e.file());
      if (e.line() > 0) {
        b.append(':').append(e.line()).append(':').append(e.column());
      }
      b.append(": ");
    }
    b.append(e.severity().isEmpty() ? "error" : e.severity().toLowerCase(java.util.Locale.ROOT));
    if (!e.rule().isEmpty()) {
      b.append('[').append(e.rule()).append(']');
    }
    b.append(' ');
    if (!kind.isEmpty() || !name.isEmpty()) {
      b.append(kind.isEmpty() ? "<unknown kind>" : kind).append(' ');
      if (!namespace.isEmpty()) {
        b.append(namespace).append('/');
      }
      b.append(name.isEmpty() ? "<unnamed>" : name).append(": ");
    }
    if (!path.isEmpty()) {
      b.append(path).append(": ");
    }
    b.append(e.message());
    if (!e.hint().isEmpty()) {
      b.append(System.lineSeparator()).append("    hint: ").append(e.hint());
    }
    return b.toString();
  }

  private Document byObject(String kind, String namespace, String name) {
    for (Document d : docs) {
      JsonNode t = d.tree();
      if (t == null) {
        continue;
      }
      boolean sameKind = kind.equals(t.path("kind").asText());
      boolean sameName = name.equals(t.path("metadata").path("name").asText());
      boolean sameNs = namespace.isEmpty() || namespace.equals(namespaceOf(t));
      if (sameKind && sameName && sameNs) {
        return d;
      }
    }
    return null;
  }

  private String namespaceOf(JsonNode tree) {
    String ns = tree.path("metadata").path("namespace").asText("");
    if (!ns.isEmpty()) {
      return ns;
    }
    boolean cluster =
        dev.troupe.api.kinds.Kinds.byName(tree.path("kind").asText(""))
            .map(dev.troupe.api.kinds.KindDef::clusterScoped)
            .orElse(false);
    return cluster ? "" : defaultNamespace;
  }
}
