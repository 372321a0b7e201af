package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.audit.AuditLog;
import dev.troupe.engine.audit.AuditQuery;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.engine.audit.AuditRecords;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Scope;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reading the audit log: {@code GET /api/v1/orgs/{org}/audit} ({@link Permission#READ_AUDIT} in the
 * organization) and {@code GET /api/v1/audit} (READ_AUDIT in every organization, i.e. bound on
 * {@code *}; it includes the records of no organization, such as user management). Query: {@code
 * since} (RFC 3339), {@code after} (a sequence, for paging), {@code action} (a prefix such as
 * {@code promotion.}), {@code limit} (1–1000, default 100). The answer is {@code {items:[record],
 * next}}, oldest first; {@code next} is the sequence to pass as {@code after} for the following
 * page, null on the last page.
 */
final class AuditEndpoints {
  static final String ORG_AUDIT = RouteTable.ORG + "/audit";
  static final String ALL_AUDIT = RouteTable.V1 + "/audit";
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final AuditLog log;

  AuditEndpoints(AuditLog log) {
    this.log = log;
  }

  void inOrganization(Context ctx) {
    String org = ctx.pathParam("org");
    Access.require(ctx, Permission.READ_AUDIT, Scope.org(org));
    answer(ctx, org);
  }

  void all(Context ctx) {
    Access.require(ctx, Permission.READ_AUDIT, Scope.everyOrganization());
    answer(ctx, null);
  }

  private void answer(Context ctx, String organization) {
    int limit = limit(ctx);
    AuditQuery q = new AuditQuery(organization, since(ctx), after(ctx), action(ctx), limit);
    List<AuditRecord> records = log.query(q);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode items = body.putArray("items");
    records.forEach(r -> items.add(AuditRecords.toJson(r)));
    if (records.size() == limit) {
      body.put("next", records.get(records.size() - 1).sequence());
    } else {
      body.putNull("next");
    }
    Responses.json(ctx, 200, body);
  }

  private static Instant since(Context ctx) {
    String v = ctx.queryParam("since");
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          "query parameter since: expected an RFC 3339 time such as 2026-01-02T15:04:05Z, got \""
              + v
              + "\"");
    }
  }

  private static long after(Context ctx) {
    String v = ctx.queryParam("after");
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid(
        "query parameter after: expected the sequence of a record (the previous answer's next),"
            + " got \""
            + v
            + "\"");
  }

  private static String action(Context ctx) {
    String v = ctx.queryParam("action");
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static int limit(Context ctx) {
    String v = ctx.queryParam("limit");
    if (v == null || v.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid(
        "query parameter limit: expected an integer from 1 to "
            + MAX_LIMIT
            + ", got \""
            + v
            + "\"");
  }
}
