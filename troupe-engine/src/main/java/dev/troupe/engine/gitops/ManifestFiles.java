package dev.troupe.engine.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.render.Canonical;
import dev.troupe.render.RenderedObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes of the files the applier writes (delivery.md §2.7 "Files"): each object exactly as
 * kubernetes mode would apply it (tracking labels on the top-level metadata, the {@code
 * release-generation} annotation, no {@code status}, no empty {@code creationTimestamp}), the cell
 * {@code namespace.yaml} and the {@code kustomization.yaml} indexes. YAML, keys in render order
 * (rendering.md §0.4), two-space indentation, one document per file, final newline.
 */
public final class ManifestFiles {
  public static final String MANAGED_BY = "openchoreo.dev/managed-by";
  public static final String RELEASE_RESOURCE_ID = "openchoreo.dev/release-resource-id";
  public static final String RELEASE_UID = "openchoreo.dev/release-uid";
  public static final String RELEASE_NAME = "openchoreo.dev/release-name";
  public static final String RELEASE_NAMESPACE = "openchoreo.dev/release-namespace";
  public static final String RELEASE_GENERATION = "openchoreo.dev/release-generation";
  public static final String CREATED_BY = "openchoreo.dev/created-by";
  public static final String ORGANIZATION = "openchoreo.dev/organization";
  public static final String PROJECT = "openchoreo.dev/project";
  public static final String ENVIRONMENT = "openchoreo.dev/environment";
  public static final String RELEASE_CONTROLLER = "release-controller";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ManifestFiles() {}

  /**
   * The object as delivered: a copy of the rendered object with the tracking labels merged over its
   * top-level labels (rendering.md §2.3; pod templates untouched), the generation annotation, and
   * without {@code status} or an empty {@code creationTimestamp}, in canonical key order.
   *
   * @throws GitOpsException {@code INVALID_CONTENT} when the object is not in the Release's cell
   */
  public static ObjectNode delivered(RenderedObject rendered, ReleaseRef ref) {
    ObjectNode object = rendered.object().deepCopy();
    object.remove("status");
    if (!(object.get("metadata") instanceof ObjectNode metadata)) {
      throw GitOpsException.invalid("resource " + rendered.id() + ": metadata is missing");
    }
    String namespace = metadata.path("namespace").asText("");
    if (!namespace.equals(ref.cellNamespace())) {
      throw GitOpsException.invalid(
          "resource "
              + rendered.id()
              + ": namespace \""
              + namespace
              + "\" is not the Release's cell namespace "
              + ref.cellNamespace());
    }
    JsonNode created = metadata.get("creationTimestamp");
    if (created != null && (created.isNull() || created.asText().isEmpty())) {
      metadata.remove("creationTimestamp");
    }
    ObjectNode labels = child(metadata, "labels");
    labels.put(MANAGED_BY, RELEASE_CONTROLLER);
    labels.put(RELEASE_RESOURCE_ID, rendered.id());
    labels.put(RELEASE_UID, ref.uid());
    labels.put(RELEASE_NAME, ref.name());
    labels.put(RELEASE_NAMESPACE, ref.organization());
    child(metadata, "annotations").put(RELEASE_GENERATION, Long.toString(ref.generation()));
    return Canonical.of(object);
  }

  /**
   * The cell Namespace, labelled as kubernetes mode creates it (delivery.md §2.3 step 3) by the
   * Release that first needed it.
   */
  public static ObjectNode namespace(ReleaseRef ref) {
    ObjectNode labels = NODES.objectNode();
    labels.put(CREATED_BY, RELEASE_CONTROLLER);
    labels.put(RELEASE_NAME, ref.name());
    labels.put(RELEASE_NAMESPACE, ref.organization());
    labels.put(RELEASE_UID, ref.uid());
    labels.put(ORGANIZATION, ref.organization());
    labels.put(ENVIRONMENT, ref.environment());
    labels.put(PROJECT, ref.project());
    ObjectNode ns = NODES.objectNode();
    ns.put("apiVersion", "v1");
    ns.put("kind", "Namespace");
    ObjectNode metadata = ns.putObject("metadata");
    metadata.put("name", ref.cellNamespace());
    metadata.set("labels", labels);
    return Canonical.of(ns);
  }

  /** A Kustomize index listing {@code resources} in the given order. */
  public static ObjectNode kustomization(List<String> resources) {
    ObjectNode k = NODES.objectNode();
    k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    k.put("kind", "Kustomization");
    var list = k.putArray("resources");
    resources.forEach(list::add);
    return k;
  }

  /**
   * {@link #yaml}{@code (}{@link #kustomization}{@code (resources))}, byte for byte, without
   * running the YAML generator over every entry: a project index lists every Release of the cell
   * and is rewritten at each commit that touches the cell. Each entry is rendered once by the
   * generator (as the only entry of an index; block-sequence entries are rendered independently of
   * each other) and remembered.
   */
  public static byte[] kustomizationYaml(List<String> resources) {
    if (resources.isEmpty()) {
      return KustomizationLines.EMPTY;
    }
    StringBuilder b = new StringBuilder(KustomizationLines.HEADER);
    for (String r : resources) {
      b.append(KustomizationLines.line(r));
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The rendered lines of index entries. */
  private static final class KustomizationLines {
    private static final int MAX_REMEMBERED = 200_000;
    private static final byte[] EMPTY = yaml(kustomization(List.of()));
    private static final String PROBE = "probe";
    private static final String HEADER;
    private static final java.util.concurrent.ConcurrentHashMap<String, String> LINES =
        new java.util.concurrent.ConcurrentHashMap<>();

    static {
      String one = new String(yaml(kustomization(List.of(PROBE))), StandardCharsets.UTF_8);
      HEADER = one.substring(0, one.length() - line(one, PROBE).length());
    }

    static String line(String resource) {
      String line = LINES.get(resource);
      if (line == null) {
        String one = new String(yaml(kustomization(List.of(resource))), StandardCharsets.UTF_8);
        line = one.substring(HEADER.length());
        if (LINES.size() >= MAX_REMEMBERED) {
          LINES.clear();
        }
        LINES.put(resource, line);
      }
      return line;
    }

    /** The last line of {@code text} (the one entry), checked to hold {@code resource}. */
    private static String line(String text, String resource) {
      int start = text.lastIndexOf('\n', text.length() - 2) + 1;
      String last = text.substring(start);
      if (!last.contains(resource)) {
        throw new IllegalStateException("unexpected index rendering: " + text);
      }
      return last;
    }
  }

  /** One YAML document with a final newline, UTF-8. */
  public static byte[] yaml(ObjectNode object) {
    String text = Codec.toYaml(object);
    if (!text.endsWith("\n")) {
      text = text + "\n";
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode child(ObjectNode parent, String field) {
    if (parent.get(field) instanceof ObjectNode existing) {
      return existing;
    }
    return parent.putObject(field);
  }
}
