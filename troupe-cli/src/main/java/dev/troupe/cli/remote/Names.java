package dev.troupe.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** How objects are named in output: {@code kind/name}, kind in lower case, as kubectl does. */
final class Names {
  private Names() {}

  static String of(String kind, String name) {
    return kind.toLowerCase(Locale.ROOT) + "/" + name;
  }

  static String of(JsonNode object) {
    return of(object.path("kind").asText(), object.path("metadata").path("name").asText());
  }
}
