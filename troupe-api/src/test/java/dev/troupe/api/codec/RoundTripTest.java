package dev.troupe.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** parse → write → parse is the identity (members, values, types and map order). */
class RoundTripTest {
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

  static void assertRoundTrips(String name, String text) {
    List<Document> first = DocumentReader.readText(name, text);
    for (Document d : first) {
      if (!d.parsed()) {
        continue;
      }
      String written = Codec.toYaml(d.tree());
      List<Document> again = DocumentReader.readYaml(name + "#rewritten", written);
      assertThat(again).as("%s document %d rewritten as%n%s", name, d.index(), written).hasSize(1);
      assertThat(again.get(0).problems()).as(written).isEmpty();
      assertIdentical(d.tree(), again.get(0).tree(), name + " document " + d.index());
      String json = Codec.toJson(d.tree());
      assertIdentical(d.tree(), DocumentReader.readJson(name + ".json", json).get(0).tree(), name);
    }
  }

  /** Equal trees, with the same member order and the same node types. */
  static void assertIdentical(JsonNode a, JsonNode b, String what) {
    assertThat(b).as(what).isEqualTo(a);
    assertThat(b.toString()).as(what + " (order)").isEqualTo(a.toString());
  }

  @TestFactory
  Stream<DynamicTest> everyYamlExampleOfTheSpec() throws IOException {
    Optional<Path> shared = SharedDir.find();
    assumeTrue(shared.isPresent(), "shared/spec is not beside this checkout");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(shared.get().resolve("spec"))) {
      for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        Matcher m = YAML_BLOCK.matcher(Files.readString(md));
        int n = 0;
        while (m.find()) {
          String block = m.group(1);
          String name = md.getFileName() + " example " + ++n;
          tests.add(DynamicTest.dynamicTest(name, () -> assertRoundTrips(name, block)));
        }
      }
    }
    assertThat(tests).as("the spec has YAML examples").hasSizeGreaterThan(10);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyProjectSample() throws IOException {
    Path samples = SharedDir.repositoryRoot().resolve("samples");
    try (Stream<Path> files = Files.walk(samples)) {
      List<DynamicTest> tests =
          files
              .filter(p -> p.toString().endsWith(".yaml"))
              .sorted()
              .map(
                  p ->
                      DynamicTest.dynamicTest(
                          p.toString(), () -> assertRoundTrips(p.toString(), Files.readString(p))))
              .toList();
      assertThat(tests).isNotEmpty();
      return tests.stream();
    }
  }

  @Test
  void scalarsKeepTheirTypesAcrossTheTrip() {
    String yaml =
        """
        a: "yes"
        b: "on"
        c: "3306"
        d: "1.5"
        e: "true"
        f: "null"
        g: "~"
        h: ""
        i: 0777
        j: 0x1F
        k: yes
        l: 1e3
        m: -7
        n: "- item"
        o: "key: value"
        p: " leading space"
        q: "multi\\nline"
        r: "#not a comment"
        s: "@at"
        t: 12345678901234567890
        u: "True"
        v: "NO"
        w: 8080.0
        """;
    assertRoundTrips("scalars.yaml", yaml);
    JsonNode tree = DocumentReader.readYaml("s.yaml", yaml).get(0).tree();
    assertThat(tree.get("i").isIntegralNumber()).as("decimal digits are an integer").isTrue();
    assertThat(tree.get("j").isTextual()).as("only decimal integers are integers").isTrue();
    assertThat(tree.get("k").isTextual()).as("YAML 1.2: yes is a string").isTrue();
    assertThat(tree.get("l").isNumber()).isTrue();
    assertThat(tree.get("t").isBigInteger()).isTrue();
    assertThat(tree.get("w").isIntegralNumber()).as("8080.0 has a fraction").isFalse();
  }

  @Test
  void mapOrderIsKept() {
    String yaml = "z: 1\ny: 2\nx:\n  c: 1\n  a: 2\n  b: 3\n";
    JsonNode tree = DocumentReader.readYaml("o.yaml", yaml).get(0).tree();
    assertThat(tree.toString()).isEqualTo("{\"z\":1,\"y\":2,\"x\":{\"c\":1,\"a\":2,\"b\":3}}");
    assertRoundTrips("o.yaml", yaml);
  }

  @Test
  void positionsAreRecordedForValuesAndKeys() {
    List<Document> docs =
        DocumentReader.readYaml(
            "p.yaml", "# comment\n---\napiVersion: v\nkind: K\nspec:\n  list:\n    - a: 1\n");
    Document d = docs.get(0);
    assertThat(d.positions().value("spec.list[0].a")).isEqualTo(new SourcePosition(7, 10));
    assertThat(d.positions().key("spec.list")).isEqualTo(new SourcePosition(6, 3));
    assertThat(d.positions().locate("spec.list[0].missing")).isEqualTo(new SourcePosition(7, 7));
    assertThat(d.positions().documentStart()).isEqualTo(new SourcePosition(3, 1));
  }

  @Test
  void jsonStreamsHavePositionsToo() {
    List<Document> docs =
        DocumentReader.readJson(
            "j.json", "{\"a\": 1}\n{\"kind\": \"X\",\n \"spec\": {\"b\": true}}");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(1).positions().value("spec.b")).isEqualTo(new SourcePosition(3, 16));
    assertThat(docs.get(1).index()).isEqualTo(2);
  }

  @Test
  void emptyDocumentsAreSkippedAndSyntaxErrorsStayInTheirDocument() {
    List<Document> docs =
        DocumentReader.readYaml("e.yaml", "---\n# only a comment\n---\na: [1\n---\nb: 2\n...\n");
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).parsed()).isFalse();
    assertThat(docs.get(0).problems().get(0).message()).startsWith("invalid YAML: ");
    assertThat(docs.get(1).tree().get("b").asInt()).isEqualTo(2);
    assertThat(docs.get(1).index()).isEqualTo(2);
  }

  @Test
  void keysWithDotsAreQuotedInPaths() {
    Document d =
        DocumentReader.readYaml("k.yaml", "metadata:\n  labels:\n    openchoreo.dev/name: x\n")
            .get(0);
    assertThat(d.positions().value("metadata.labels[\"openchoreo.dev/name\"]"))
        .isEqualTo(new SourcePosition(3, 26));
    assertThat(FieldPath.parent("metadata.labels[\"a.b\"]")).isEqualTo("metadata.labels");
    assertThat(FieldPath.parent("spec.containers[0].name")).isEqualTo("spec.containers[0]");
    assertThat(FieldPath.parent("spec.containers[0]")).isEqualTo("spec.containers");
  }
}
