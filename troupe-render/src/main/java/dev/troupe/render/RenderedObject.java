package dev.troupe.render;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of {@code Release.spec.resources}: its id (a label value, ≤63) and the object. */
public record RenderedObject(String id, ObjectNode object) {
  public String kind() {
    return object.path("kind").asText();
  }

  public String name() {
    return object.path("metadata").path("name").asText();
  }
}
