package dev.troupe.render.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.Blocker;
import java.util.Optional;

/**
 * The {@code main} container rule (rendering.md §3.4): the class container {@code main} merges into
 * the workload's main container, whatever its key — so it is renamed to that key before merging.
 */
final class MainContainer {
  private MainContainer() {}

  /**
   * Renames the class container {@code main} of {@code podSpec} (a copy of the template's pod spec)
   * to {@code mainKey}; a blocker when the class also has a container of that name.
   */
  static Optional<Blocker> rename(ObjectNode podSpec, String mainKey) {
    if (podSpec == null || "main".equals(mainKey)) {
      return Optional.empty();
    }
    JsonNode containers = podSpec.get("containers");
    if (!(containers instanceof ArrayNode list)) {
      return Optional.empty();
    }
    ObjectNode classMain = null;
    boolean collision = false;
    for (JsonNode c : list) {
      String name = c.path("name").asText();
      if (name.equals("main")) {
        classMain = (ObjectNode) c;
      } else if (name.equals(mainKey)) {
        collision = true;
      }
    }
    if (classMain == null) {
      return Optional.empty();
    }
    if (collision) {
      return Optional.of(
          Blocker.invalid(
              "class container \""
                  + mainKey
                  + "\" has the name of the workload's main container, whose template is the class"
                  + " container \"main\""));
    }
    classMain.put("name", mainKey);
    return Optional.empty();
  }
}
