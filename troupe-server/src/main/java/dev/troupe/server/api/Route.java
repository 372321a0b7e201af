package dev.troupe.server.api;

import dev.troupe.api.kinds.KindDef;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One registered route: what the server serves and what the OpenAPI document describes, from the
 * same value so the two cannot drift.
 *
 * @param method the HTTP method
 * @param path the path template with {@code {param}} segments
 * @param operation what the route does
 * @param kind the kind of a per-kind route; null for the routes of any kind ({@code {kind}}) and
 *     for routes without a kind
 * @param handler serves the route (authentication is applied around it)
 */
record Route(String method, String path, Operation operation, KindDef kind, Handler handler) {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  /** What a route does; the OpenAPI operation is derived from it. */
  enum Operation {
    HEALTH("Server health (no authentication)"),
    OPENAPI("This OpenAPI document"),
    KINDS("The kinds of the API"),
    APPLY("Create or configure many objects"),
    DELETE_BATCH("Delete many objects"),
    EVENTS("List or watch the events of an organization"),
    LIST_ALL("List or watch objects across all organizations"),
    LIST("List or watch objects"),
    CREATE("Create an object"),
    READ("Read an object"),
    REPLACE("Replace an object"),
    PATCH("Merge-patch an object"),
    DELETE("Delete an object"),
    READ_STATUS("Read an object's status"),
    REPLACE_STATUS("Replace an object's status"),
    PATCH_STATUS("Merge-patch an object's status");

    private final String summary;

    Operation(String summary) {
      this.summary = summary;
    }

    String summary() {
      return summary;
    }
  }

  /** Every route but {@code /healthz} needs a bearer token. */
  boolean authenticated() {
    return operation != Operation.HEALTH;
  }

  /** The names of the path parameters, in order. */
  List<String> pathParams() {
    List<String> out = new ArrayList<>();
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** {@code GET /api/v1/kinds}. */
  String key() {
    return method + " " + path;
  }
}
