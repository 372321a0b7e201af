package dev.troupe.api.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.Field;
import dev.troupe.api.schema.FreeFormSchema;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.MapSchema;
import dev.troupe.api.schema.NumberSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Schema;
import dev.troupe.api.schema.StringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates an {@code apiextensions.k8s.io/v1} CustomResourceDefinition per kind from the same
 * schemas admission uses: a structural OpenAPI v3 schema (defaults, enums, ranges, required
 * members), the status subresource, short names and printer columns.
 */
public final class CrdGenerator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CrdGenerator() {}

  /** One CRD per kind, in admission order. */
  public static List<ObjectNode> all() {
    List<ObjectNode> out = new ArrayList<>();
    for (KindDef def : Kinds.all()) {
      out.add(crd(def));
    }
    return out;
  }

  public static ObjectNode crd(KindDef def) {
    ObjectNode crd = F.objectNode();
    crd.put("apiVersion", "apiextensions.k8s.io/v1");
    crd.put("kind", "CustomResourceDefinition");
    ObjectNode meta = crd.putObject("metadata");
    meta.put("name", def.plural() + "." + Resource.GROUP);
    meta.putObject("labels").put("app.kubernetes.io/part-of", "troupe");
    ObjectNode spec = crd.putObject("spec");
    spec.put("group", Resource.GROUP);
    ObjectNode names = spec.putObject("names");
    names.put("kind", def.kind());
    names.put("listKind", def.kind() + "List");
    names.put("plural", def.plural());
    names.put("singular", def.kind().toLowerCase(Locale.ROOT));
    if (!def.shortNames().isEmpty()) {
      ArrayNode shortNames = names.putArray("shortNames");
      def.shortNames().forEach(shortNames::add);
    }
    names.putArray("categories").add("openchoreo").add("troupe");
    spec.put("scope", def.clusterScoped() ? "Cluster" : "Namespaced");
    ObjectNode version = spec.putArray("versions").addObject();
    version.put("name", Resource.VERSION);
    version.put("served", true);
    version.put("storage", true);
    version.putObject("subresources").putObject("status");
    ObjectNode root = version.putObject("schema").putObject("openAPIV3Schema");
    root.put("type", "object");
    if (!def.description().isEmpty()) {
      root.put("description", def.description());
    }
    ObjectNode props = root.putObject("properties");
    props.putObject("apiVersion").put("type", "string");
    props.putObject("kind").put("type", "string");
    props.putObject("metadata").put("type", "object");
    ObjectNode specSchema = schema(def.spec());
    if (def.specOptional()) {
      specSchema.set("default", F.objectNode());
    } else {
      root.putArray("required").add("spec");
    }
    props.set("spec", specSchema);
    ObjectNode status = props.putObject("status");
    status.put("type", "object");
    status.put("x-kubernetes-preserve-unknown-fields", true);
    ArrayNode columns = version.putArray("additionalPrinterColumns");
    for (KindDef.PrinterColumn c : def.printerColumns()) {
      ObjectNode col = columns.addObject();
      col.put("name", c.name());
      col.put("type", c.type());
      col.put("jsonPath", c.jsonPath());
      if (!c.description().isEmpty()) {
        col.put("description", c.description());
      }
    }
    ObjectNode age = columns.addObject();
    age.put("name", "Age");
    age.put("type", "date");
    age.put("jsonPath", ".metadata.creationTimestamp");
    return crd;
  }

  /** The structural OpenAPI v3 schema of a schema node. */
  static ObjectNode schema(Schema schema) {
    ObjectNode out = F.objectNode();
    switch (schema) {
      case ObjectSchema s -> {
        out.put("type", "object");
        ObjectNode props = out.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (Field f : s.fields()) {
          ObjectNode p = schema(f.schema());
          if (!f.description().isEmpty()) {
            p.put("description", f.description());
          }
          if (f.defaultValue() != null) {
            p.set("default", f.defaultValue().deepCopy());
          }
          props.set(f.name(), p);
          if (f.required() && f.defaultValue() == null) {
            required.add(f.name());
          }
        }
        if (!required.isEmpty()) {
          out.set("required", required);
        }
      }
      case MapSchema s -> {
        out.put("type", "object");
        out.set("additionalProperties", schema(s.values()));
        if (s.minEntries() > 0) {
          out.put("minProperties", s.minEntries());
        }
      }
      case ListSchema s -> {
        out.put("type", "array");
        out.set("items", schema(s.items()));
        if (s.minItems() > 0) {
          out.put("minItems", s.minItems());
        }
        if (s.maxItems() < Integer.MAX_VALUE) {
          out.put("maxItems", s.maxItems());
        }
      }
      case StringSchema s -> {
        out.put("type", "string");
        if (!s.enumValues().isEmpty()) {
          ArrayNode e = out.putArray("enum");
          s.enumValues().forEach(e::add);
        }
        if (s.maxLength() < Integer.MAX_VALUE) {
          out.put("maxLength", s.maxLength());
        }
        if (s.minLength() > 0) {
          out.put("minLength", s.minLength());
        }
      }
      case IntegerSchema s -> {
        out.put("type", "integer");
        out.put("format", s.wide() ? "int64" : "int32");
        if (s.min() != (s.wide() ? Long.MIN_VALUE : Integer.MIN_VALUE)) {
          out.put("minimum", s.min());
        }
        if (s.max() != (s.wide() ? Long.MAX_VALUE : Integer.MAX_VALUE)) {
          out.put("maximum", s.max());
        }
      }
      case NumberSchema s -> out.put("type", "number");
      case BooleanSchema s -> out.put("type", "boolean");
      case FreeFormSchema s -> {
        if (s.objectOnly()) {
          out.put("type", "object");
        }
        out.put("x-kubernetes-preserve-unknown-fields", true);
      }
    }
    if (!schema.description().isEmpty()) {
      out.put("description", schema.description());
    }
    return out;
  }

  /**
   * Whether a generated schema node is structural in the sense of Kubernetes (every node typed).
   */
  static boolean structural(JsonNode node) {
    if (!node.has("type") && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
      return false;
    }
    for (JsonNode p : node.path("properties")) {
      if (!structural(p)) {
        return false;
      }
    }
    if (node.has("items") && !structural(node.get("items"))) {
      return false;
    }
    return !node.has("additionalProperties") || structural(node.get("additionalProperties"));
  }
}
