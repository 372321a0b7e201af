package dev.troupe.api.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.starterkit.OfflineStore;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.api.testing.SharedDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/**
 * Feeds random and mutated documents to admission: whatever the input, the result is a validation
 * result (problems with a rule and a message), never an exception.
 */
class AdmissionFuzzTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<ObjectNode> SEEDS = seeds();

  private static List<ObjectNode> seeds() {
    List<ObjectNode> out = new ArrayList<>();
    StarterKit.documents("default").forEach(d -> out.add(d.tree()));
    Path samples = SharedDir.repositoryRoot().resolve("samples");
    if (Files.isDirectory(samples)) {
      try (Stream<Path> files = Files.walk(samples)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
          for (Document d : DocumentReader.readYaml(p.toString(), Files.readString(p))) {
            if (d.parsed()) {
              out.add(d.tree());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static AdmissionResult admitText(String text) {
    List<Document> docs = DocumentReader.readText("fuzz.yaml", text);
    return Admission.admit(
        docs, AdmissionOptions.offline("default", OfflineStore.forInputs(docs, "default")));
  }

  private static void assertWellFormed(AdmissionResult result) {
    for (Problem p : result.problems()) {
      assertThat(p.rule()).isNotNull();
      assertThat(p.message()).isNotBlank();
      assertThat(p.toText()).isNotBlank();
    }
  }

  @Property(tries = 400)
  void mutatedDocumentsGiveProblemsNotExceptions(@ForAll Random random) {
    List<JsonNode> batch = new ArrayList<>();
    int documents = 1 + random.nextInt(4);
    for (int i = 0; i < documents; i++) {
      ObjectNode doc = SEEDS.get(random.nextInt(SEEDS.size())).deepCopy();
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations; m++) {
        mutate(doc, random);
      }
      batch.add(doc);
    }
    AdmissionResult result = admitText(Codec.toYamlStream(batch));
    assertWellFormed(result);
  }

  @Property(tries = 300)
  void randomTextGivesProblemsNotExceptions(
      @ForAll @StringLength(max = 300) String text, @ForAll Random random) {
    String yamlish = "apiVersion: openchoreo.dev/v1alpha1\nkind: " + pickKind(random) + "\n" + text;
    assertWellFormed(admitText(text));
    assertWellFormed(admitText(yamlish));
  }

  private static String pickKind(Random random) {
    List<KindDef> all = Kinds.all();
    return random.nextInt(5) == 0 ? "Deployment" : all.get(random.nextInt(all.size())).kind();
  }

  /** Applies one random edit somewhere in the tree. */
  private static void mutate(ObjectNode root, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode o && !o.isEmpty()) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(5)) {
        case 0 -> o.remove(name);
        case 1 -> o.set(name, randomValue(random));
        case 2 -> o.set(name + (char) ('a' + random.nextInt(26)), randomValue(random));
        case 3 -> o.set(name, F.arrayNode().add(o.get(name)));
        default -> o.putNull(name);
      }
    } else if (target instanceof ArrayNode a && !a.isEmpty()) {
      int i = random.nextInt(a.size());
      switch (random.nextInt(3)) {
        case 0 -> a.remove(i);
        case 1 -> a.set(i, randomValue(random));
        default -> a.add(a.get(i).deepCopy());
      }
    } else if (target instanceof ObjectNode o) {
      o.set("x" + random.nextInt(3), randomValue(random));
    }
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), out);
      }
    }
  }

  private static JsonNode randomValue(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> F.textNode("");
      case 1 -> F.textNode("yes");
      case 2 -> F.numberNode(random.nextInt(200000) - 100000);
      case 3 -> F.booleanNode(random.nextBoolean());
      case 4 -> F.nullNode();
      case 5 -> F.objectNode().put("k", "v");
      case 6 -> F.arrayNode().add("a").add(1);
      case 7 -> F.textNode("acme/default");
      default -> F.textNode("x".repeat(random.nextInt(300)) + "_Bad Name");
    };
  }
}
