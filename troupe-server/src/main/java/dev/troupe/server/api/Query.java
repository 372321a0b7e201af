package dev.troupe.server.api;

import dev.troupe.engine.store.LabelSelector;
import dev.troupe.engine.store.Propagation;
import io.javalin.http.Context;
import java.util.Locale;

/** Typed query parameters, each rejected with a 400 problem naming the parameter. */
final class Query {
  private Query() {}

  static boolean flag(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty() || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.equalsIgnoreCase("true") || (name.equals("dryRun") && v.equals("All"))) {
      return true;
    }
    throw ApiException.invalid(
        "query parameter " + name + ": expected true or false, got \"" + v + "\"");
  }

  static boolean dryRun(Context ctx) {
    return flag(ctx, "dryRun");
  }

  static boolean watch(Context ctx) {
    return flag(ctx, "watch");
  }

  static int limit(Context ctx) {
    String v = ctx.queryParam("limit");
    if (v == null || v.isEmpty()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid(
        "query parameter limit: expected a non-negative integer, got \"" + v + "\"");
  }

  static String continueToken(Context ctx) {
    String v = ctx.queryParam("continue");
    return v == null || v.isEmpty() ? null : v;
  }

  static LabelSelector labelSelector(Context ctx) {
    return LabelSelector.parse(ctx.queryParam("labelSelector"));
  }

  /** A revision parameter or header value; null when absent. */
  static Long revision(String where, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid(
        where + ": expected a non-negative revision number, got \"" + value + "\"");
  }

  /** The {@code resourceVersion} query parameter as a precondition; null when absent. */
  static String precondition(Context ctx) {
    String v = ctx.queryParam("resourceVersion");
    return v == null || v.isEmpty() ? null : v;
  }

  static Propagation propagation(Context ctx) {
    String v = ctx.queryParam("propagation");
    if (v == null || v.isEmpty()) {
      return Propagation.BACKGROUND;
    }
    try {
      return Propagation.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "query parameter propagation: expected Background, Foreground or Orphan, got \""
              + v
              + "\"");
    }
  }

  /** The namespace of objects that name none (batch routes); {@code default} when absent. */
  static String namespace(Context ctx) {
    String v = ctx.queryParam("namespace");
    return v == null || v.isEmpty() ? "default" : v;
  }
}
