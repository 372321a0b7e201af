package dev.troupe.cli.client;

import java.util.ArrayList;
import java.util.List;

/**
 * An incremental parser of the {@code text/event-stream} format (WHATWG HTML, "server-sent
 * events"): text may arrive in fragments of any size, lines end with LF, CRLF or CR, a line
 * starting with {@code :} is a comment, {@code data} lines accumulate, and a blank line dispatches
 * the event. An event without data is not dispatched, but its {@code id} is kept. Not thread-safe.
 */
public final class SseParser {
  private final StringBuilder line = new StringBuilder();
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private String eventType = "";
  private String lastEventId = "";
  private boolean afterCr;
  private long comments;
  private long retryMillis = -1;

  /** Parses a fragment; returns the events completed by it, in order. */
  public List<SseEvent> feed(CharSequence chunk) {
    List<SseEvent> out = new ArrayList<>();
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (afterCr) {
        afterCr = false;
        if (c == '\n') {
          continue; // the LF of a CRLF pair
        }
      }
      if (c == '\r' || c == '\n') {
        afterCr = c == '\r';
        processLine(line.toString(), out);
        line.setLength(0);
      } else {
        line.append(c);
      }
    }
    return out;
  }

  /** The id of the last event that set one ("" if none): the resume point after a reconnect. */
  public String lastEventId() {
    return lastEventId;
  }

  /** How many comment lines (such as keep-alives) were read. */
  public long comments() {
    return comments;
  }

  /** The reconnection delay the server asked for with {@code retry:}, or -1. */
  public long retryMillis() {
    return retryMillis;
  }

  private void processLine(String l, List<SseEvent> out) {
    if (l.isEmpty()) {
      dispatch(out);
      return;
    }
    if (l.charAt(0) == ':') {
      comments++;
      return;
    }
    int colon = l.indexOf(':');
    String field = colon < 0 ? l : l.substring(0, colon);
    String value = colon < 0 ? "" : l.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> eventType = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventId = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
          try {
            retryMillis = Long.parseLong(value);
          } catch (NumberFormatException ignored) {
            // Out of range: ignored, as the format says for invalid values.
          }
        }
      }
      default -> {
        // Unknown fields are ignored by the format.
      }
    }
  }

  private void dispatch(List<SseEvent> out) {
    if (hasData) {
      out.add(
          new SseEvent(lastEventId, eventType.isEmpty() ? "message" : eventType, data.toString()));
    }
    data.setLength(0);
    hasData = false;
    eventType = "";
  }
}
