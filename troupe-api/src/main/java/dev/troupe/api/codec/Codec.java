package dev.troupe.api.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes trees and records as YAML or JSON, and converts between records and trees. Output keeps
 * member order; strings that a YAML 1.1 reader would take for booleans or numbers are quoted, so
 * parse → write → parse is the identity.
 */
public final class Codec {
  /** Records ↔ trees. Null members are omitted; unknown members are ignored when binding. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private static final ObjectMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .build())
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private static final ObjectMapper PRETTY_JSON =
      JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);

  private Codec() {}

  /** One YAML document (no leading {@code ---}). */
  public static String toYaml(Object value) {
    if (value instanceof JsonNode tree) {
      String fast = BlockYaml.write(tree);
      if (fast != null) {
        return fast;
      }
    }
    return jacksonYaml(value);
  }

  /** {@link #toYaml} through Jackson and SnakeYAML only (the reference for {@link BlockYaml}). */
  static String jacksonYaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A multi-document YAML stream: documents separated by {@code ---} lines. */
  public static String toYamlStream(List<?> values) {
    StringBuilder b = new StringBuilder();
    for (Object v : values) {
      b.append("---\n").append(toYaml(v));
    }
    return b.toString();
  }

  /** Indented JSON. */
  public static String toJson(Object value) {
    try {
      return PRETTY_JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record (or any value) as a tree. */
  public static JsonNode toTree(Object value) {
    return JSON.valueToTree(value);
  }

  /** A tree bound to a record type. */
  public static <T> T bind(JsonNode tree, Class<T> type) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
