package dev.troupe.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.client.ApiClient;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The user-management API as the commands use it, and how they print a user's roles. */
final class Users {
  static final String PATH = "/api/v1/admin/users";

  private Users() {}

  /** An RFC 3339 time to the second, as tables show it; other text as it is. */
  static String seconds(String time) {
    try {
      return Instant.parse(time).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return time;
    }
  }

  static String item(String name) {
    return PATH + ApiClient.path(name);
  }

  /** The roles of a user on one line: {@code developer in acme/shop (env staging), viewer in *}. */
  static String roles(JsonNode user) {
    List<String> out = new ArrayList<>();
    for (JsonNode b : user.path("bindings")) {
      StringBuilder s = new StringBuilder();
      s.append(b.path("role").asText()).append(" in ").append(b.path("organization").asText());
      String project = b.path("project").asText("");
      if (!project.isEmpty()) {
        s.append('/').append(project);
      }
      String env = b.path("environment").asText("");
      if (!env.isEmpty()) {
        s.append(" (env ").append(env).append(')');
      }
      out.add(s.toString());
    }
    return out.isEmpty() ? "<none>" : String.join(", ", out);
  }
}
