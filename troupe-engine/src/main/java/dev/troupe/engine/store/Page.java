package dev.troupe.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a list: items sorted by (namespace, name), the token for the next page ({@code null}
 * on the last page) and the revision of the list. Every page of one listing carries the revision of
 * its first page, so a watch from that revision after reading all pages misses nothing.
 */
public record Page(List<ObjectNode> items, String continueToken, long revision) {

  public Page {
    items = List.copyOf(items);
  }

  public boolean hasMore() {
    return continueToken != null;
  }
}
