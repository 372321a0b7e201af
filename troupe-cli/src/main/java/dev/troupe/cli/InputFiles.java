package dev.troupe.cli;

import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code -f} arguments: files, directories (recursively) and {@code -} for stdin. */
final class InputFiles {
  private InputFiles() {}

  static List<Document> read(List<String> paths, InputStream stdin) {
    if (paths == null || paths.isEmpty()) {
      throw new TroupeCli.UsageException("missing -f PATH (a file, a directory, or - for stdin)");
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
          throw new TroupeCli.UsageException("path \"" + p + "\" does not exist");
        }
        docs.addAll(DocumentReader.read(path, p));
      } catch (IOException e) {
        throw new TroupeCli.UsageException("cannot read \"" + p + "\": " + e.getMessage());
      }
    }
    return docs;
  }
}
