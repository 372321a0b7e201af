package dev.troupe.cli.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change from a watch.
 *
 * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param object the object after the change (for DELETED: its last state)
 * @param revision the store revision of the change (the SSE id)
 */
public record WatchEvent(String type, ObjectNode object, String revision) {
  public boolean deleted() {
    return "DELETED".equals(type);
  }
}
