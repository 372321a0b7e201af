package dev.troupe.api.codec;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads multi-document YAML and JSON streams from files, directories (recursively: {@code *.yaml},
 * {@code *.yml}, {@code *.json}, in path byte order) and standard input. Each document keeps its
 * map order, its source file and the positions of its nodes; a syntax error affects only its own
 * document.
 */
public final class DocumentReader {
  private static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

  private DocumentReader() {}

  /** Reads a file or, recursively, a directory. {@code display} is the path as the user gave it. */
  public static List<Document> read(Path path, String display) throws IOException {
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files =
            walk.filter(Files::isRegularFile)
                .filter(DocumentReader::isManifest)
                .sorted((a, b) -> compareBytes(a.toString(), b.toString()))
                .toList();
      }
      List<Document> out = new ArrayList<>();
      for (Path f : files) {
        String shown = display.endsWith("/") ? display : display + "/";
        out.addAll(readFile(f, shown + path.relativize(f)));
      }
      return out;
    }
    return readFile(path, display);
  }

  private static List<Document> readFile(Path file, String display) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return file.toString().toLowerCase(Locale.ROOT).endsWith(".json")
        ? readJson(display, text)
        : readYaml(display, text);
  }

  /** Reads standard input (YAML, or JSON when it starts with '{' or '['). */
  public static List<Document> read(InputStream in, String display) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return readText(display, text);
  }

  /** Reads text, guessing JSON when it starts with '{' or '['. */
  public static List<Document> readText(String display, String text) {
    String trimmed = text.stripLeading();
    return trimmed.startsWith("{") || trimmed.startsWith("[")
        ? readJson(display, text)
        : readYaml(display, text);
  }

  static boolean isManifest(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static int compareBytes(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a YAML stream; documents are split at {@code ---} lines so one bad document spares the
   * rest.
   */
  public static List<Document> readYaml(String display, String text) {
    List<Document> out = new ArrayList<>();
    List<Chunk> chunks = split(text);
    for (Chunk chunk : chunks) {
      if (isBlank(chunk.text())) {
        continue;
      }
      out.add(parseYamlChunk(display, out.size() + 1, chunk));
    }
    return out;
  }

  private record Chunk(int firstLine, String text) {}

  private static List<Chunk> split(String text) {
    List<Chunk> chunks = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder current = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean marker = line.equals("---") || line.startsWith("--- ") || line.startsWith("---\t");
      boolean end = line.equals("...") || line.startsWith("... ");
      if (marker || end) {
        chunks.add(new Chunk(start, current.toString()));
        current = new StringBuilder();
        start = i;
        if (marker) {
          // Keep anything after the marker on its line, at its column.
          current.append("   ").append(line.substring(3));
        }
        current.append('\n');
        if (end) {
          start = i + 1;
          current.setLength(0);
        }
        continue;
      }
      current.append(line).append('\n');
    }
    chunks.add(new Chunk(start, current.toString()));
    return chunks;
  }

  private static boolean isBlank(String chunk) {
    for (String line : chunk.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("%")) {
        return false;
      }
    }
    return true;
  }

  private static Document parseYamlChunk(String display, int index, Chunk chunk) {
    List<Document.ReadProblem> problems = new ArrayList<>();
    SourceMap positions = new SourceMap(firstContentLine(chunk));
    try {
      if (chunk.text().length() > MAX_DOCUMENT_BYTES) {
        throw new YAMLException("document exceeds " + MAX_DOCUMENT_BYTES + " bytes");
      }
      Node node = yaml().compose(new StringReader(chunk.text()));
      if (node == null) {
        return null;
      }
      YamlTreeBuilder builder = new YamlTreeBuilder(positions, chunk.firstLine(), problems);
      JsonNode tree = builder.build(node, "");
      if (!(tree instanceof ObjectNode object)) {
        return parseError(display, index, positions, builder.position(node), notAMapping(tree));
      }
      return new Document(display, index, object, positions, problems);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      SourcePosition at =
          mark == null
              ? positions.documentStart()
              : new SourcePosition(mark.getLine() + 1 + chunk.firstLine(), mark.getColumn() + 1);
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      String context = e.getContext() != null ? e.getContext() + ": " : "";
      return parseError(display, index, positions, at, "invalid YAML: " + context + problem);
    } catch (YAMLException | StackOverflowError e) {
      String msg = e instanceof StackOverflowError ? "nesting too deep" : e.getMessage();
      return parseError(
          display, index, positions, positions.documentStart(), "invalid YAML: " + msg);
    }
  }

  private static SourcePosition firstContentLine(Chunk chunk) {
    String[] lines = chunk.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("%")) {
        return new SourcePosition(chunk.firstLine() + i + 1, 1);
      }
    }
    return new SourcePosition(chunk.firstLine() + 1, 1);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // detected ourselves, with the first line
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(100);
    options.setCodePointLimit(MAX_DOCUMENT_BYTES);
    options.setProcessComments(false);
    return new Yaml(options);
  }

  private static String notAMapping(JsonNode tree) {
    String got = tree.isArray() ? "a list" : tree.isNull() ? "null" : "a scalar";
    return "invalid YAML: a document must be a mapping (an object), got " + got;
  }

  private static Document parseError(
      String display, int index, SourceMap positions, SourcePosition at, String message) {
    return new Document(
        display, index, null, positions, List.of(new Document.ReadProblem(true, "", at, message)));
  }

  /** Reads a stream of one or more JSON values. */
  public static List<Document> readJson(String display, String text) {
    List<Document> out = new ArrayList<>();
    try (JsonParser parser = JsonTreeBuilder.factory().createParser(text)) {
      while (true) {
        JsonToken token;
        try {
          token = parser.nextToken();
        } catch (JsonParseException e) {
          out.add(jsonError(display, out.size() + 1, e));
          return out;
        }
        if (token == null) {
          return out;
        }
        List<Document.ReadProblem> problems = new ArrayList<>();
        SourcePosition start = JsonTreeBuilder.position(parser.currentTokenLocation());
        SourceMap positions = new SourceMap(start);
        try {
          JsonNode tree = new JsonTreeBuilder(parser, positions, problems).build("");
          if (!(tree instanceof ObjectNode object)) {
            out.add(parseError(display, out.size() + 1, positions, start, notAMapping(tree)));
          } else {
            out.add(new Document(display, out.size() + 1, object, positions, problems));
          }
        } catch (JsonParseException e) {
          out.add(jsonError(display, out.size() + 1, e));
          return out;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document jsonError(String display, int index, JsonParseException e) {
    SourcePosition at = JsonTreeBuilder.position(e.getLocation());
    String message = e.getOriginalMessage();
    int nl = message.indexOf('\n');
    if (nl > 0) {
      message = message.substring(0, nl);
    }
    return parseError(display, index, new SourceMap(at), at, "invalid JSON: " + message);
  }
}
