package dev.troupe.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Objects of a list, with the store revision the list was read at (the resume point of a watch) and
 * the token of the next page (null on the last page).
 */
public record ObjectList(List<ObjectNode> items, String resourceVersion, String continueToken) {
  public ObjectList {
    items = List.copyOf(items);
  }
}
