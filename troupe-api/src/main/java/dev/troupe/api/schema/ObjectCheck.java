package dev.troupe.api.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A cross-field rule of one object, run after its members validated and defaulted. */
@FunctionalInterface
public interface ObjectCheck {
  void check(ObjectNode node, String path, Reporter reporter);
}
