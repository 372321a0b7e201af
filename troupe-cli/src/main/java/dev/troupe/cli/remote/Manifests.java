package dev.troupe.cli.remote;

import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code -f} arguments: files, directories (recursively: *.yaml, *.yml, *.json) and {@code -}
 * for standard input, as {@code troupe validate} does.
 */
final class Manifests {
  private Manifests() {}

  static List<Document> read(List<String> paths, InputStream stdin) {
    if (paths == null || paths.isEmpty()) {
      throw new UsageError("missing -f PATH (a file, a directory, or - for stdin)");
    }
    List<Document> docs = new ArrayList<>();
    for (String p : paths) {
      try {
        if (p.equals("-")) {
          docs.addAll(DocumentReader.read(stdin, "-"));
          continue;
        }
        Path path = Path.of(p);
        if (!Files.exists(path)) {
          throw new UsageError("path \"" + p + "\" does not exist");
        }
        docs.addAll(DocumentReader.read(path, p));
      } catch (IOException e) {
        throw new UsageError("cannot read \"" + p + "\": " + e.getMessage());
      }
    }
    return docs;
  }

  /**
   * Read errors (unparseable documents, duplicate keys) as {@code file:line:col: error[Rule] ...}.
   */
  static List<String> readErrors(List<Document> docs) {
    List<String> out = new ArrayList<>();
    for (Document d : docs) {
      for (Document.ReadProblem p : d.problems()) {
        String loc =
            p.position() == null
                ? d.file()
                : d.file() + ":" + p.position().line() + ":" + p.position().column();
        String rule = p.parseError() ? "ParseError" : "DuplicateKey";
        String path = p.path() == null || p.path().isEmpty() ? "" : p.path() + ": ";
        out.add(loc + ": error[" + rule + "] " + path + p.message());
      }
    }
    return out;
  }
}
