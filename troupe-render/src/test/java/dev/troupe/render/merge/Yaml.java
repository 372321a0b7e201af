package dev.troupe.render.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads YAML text blocks into JSON trees for merge tests. */
final class Yaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private Yaml() {}

  static JsonNode tree(String yaml) {
    try {
      JsonNode n = MAPPER.readTree(yaml);
      return n == null || n.isMissingNode() ? null : n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
