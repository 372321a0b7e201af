package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.server.auth.Authenticator;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Role;
import dev.troupe.server.auth.RoleBinding;
import dev.troupe.server.auth.Scope;
import dev.troupe.server.auth.UserAccount;
import dev.troupe.server.auth.UserDirectory;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * User management ({@code /api/v1/admin/users}): list identities, issue one with its token (shown
 * in this one response, nowhere else), revoke one. Every route needs {@link
 * Permission#MANAGE_USERS} in every organization (an {@code admin} bound on {@code *}): identities
 * span organizations. Revoking the last active such admin is refused, so the platform cannot lock
 * itself out.
 */
final class UserEndpoints {
  static final String USERS = RouteTable.V1 + "/admin/users";
  private static final String USER_KIND = "User";

  /** Null when the server's authenticator manages no users (its routes then answer 501). */
  private final UserDirectory users;

  UserEndpoints(Authenticator authenticator) {
    this.users = authenticator instanceof UserDirectory d ? d : null;
  }

  void list(Context ctx) {
    UserDirectory d = directory(ctx);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode items = body.putArray("items");
    d.list().forEach(u -> items.add(json(u)));
    Responses.json(ctx, 200, body);
  }

  void create(Context ctx) {
    UserDirectory d = directory(ctx);
    ObjectNode in = RequestBodies.object(ctx).tree();
    String name = in.path("name").asText("");
    ApiAudit.subject(ctx).organization("").target(USER_KIND, name);
    Principal.Kind kind = kind(in.get("kind"));
    List<RoleBinding> bindings = bindings(in.get("bindings"));
    UserDirectory.Issued issued;
    try {
      issued = d.createUser(name, kind, bindings);
    } catch (UserDirectory.NameTakenException e) {
      throw new ApiException(409, "ALREADY_EXISTS", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(e.getMessage());
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("user", json(issued.user()));
    body.put("token", issued.token());
    Responses.json(ctx, 201, body);
  }

  void revoke(Context ctx) {
    UserDirectory d = directory(ctx);
    String name = ctx.pathParam("name");
    ApiAudit.subject(ctx).organization("").target(USER_KIND, name);
    UserAccount user =
        d.find(name)
            .orElseThrow(
                () ->
                    new ApiException(
                        404,
                        "USER_NOT_FOUND",
                        "user \"" + name + "\" not found (GET " + USERS + " lists them)"));
    if (user.active() && isLastAdmin(d, user)) {
      throw new ApiException(
          409,
          "CONFLICT",
          "user \""
              + name
              + "\" is the last active admin of every organization; create another admin before"
              + " revoking it");
    }
    d.revoke(name);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("user", json(d.find(name).orElse(user)));
    Responses.json(ctx, 200, body);
  }

  private UserDirectory directory(Context ctx) {
    Access.require(ctx, Permission.MANAGE_USERS, Scope.everyOrganization());
    if (users == null) {
      throw new ApiException(
          501, "NOT_IMPLEMENTED", "this server's authenticator does not manage users");
    }
    return users;
  }

  private static boolean isLastAdmin(UserDirectory d, UserAccount user) {
    if (!holdsUserManagement(user)) {
      return false;
    }
    return d.list().stream()
        .filter(u -> u.active() && !u.name().equals(user.name()))
        .noneMatch(UserEndpoints::holdsUserManagement);
  }

  private static boolean holdsUserManagement(UserAccount u) {
    return u.bindings().stream()
        .anyMatch(b -> b.covers(Permission.MANAGE_USERS, Scope.everyOrganization()));
  }

  private static Principal.Kind kind(JsonNode n) {
    if (n == null || n.isNull()) {
      return Principal.Kind.USER;
    }
    return switch (n.asText("").toLowerCase(Locale.ROOT)) {
      case "user" -> Principal.Kind.USER;
      case "automation" -> Principal.Kind.AUTOMATION;
      default ->
          throw ApiException.invalid("kind: expected User or Automation, got " + n.toString());
    };
  }

  private static List<RoleBinding> bindings(JsonNode n) {
    if (!(n instanceof ArrayNode array) || array.isEmpty()) {
      throw ApiException.invalid(
          "bindings: expected at least one {\"role\": ..., \"organization\": ..., \"project\"?:"
              + " ..., \"environment\"?: ...}; roles: "
              + String.join(", ", List.of(Role.values()).stream().map(Role::id).toList()));
    }
    List<RoleBinding> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode b = array.get(i);
      if (!b.isObject()) {
        throw ApiException.invalid("bindings[" + i + "]: expected an object");
      }
      try {
        out.add(
            RoleBinding.of(
                b.path("role").asText(""),
                b.path("organization").asText(""),
                text(b.get("project")),
                text(b.get("environment"))));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("bindings[" + i + "]: " + e.getMessage());
      }
    }
    return out;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** The wire form of an identity: never its token or hash. */
  static ObjectNode json(UserAccount u) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", u.name());
    o.put("kind", u.kind() == Principal.Kind.AUTOMATION ? "Automation" : "User");
    ArrayNode bindings = o.putArray("bindings");
    for (RoleBinding b : u.bindings()) {
      ObjectNode j = bindings.addObject();
      j.put("role", b.role().id());
      j.put("organization", b.organization());
      if (b.project() != null) {
        j.put("project", b.project());
      }
      if (b.environment() != null) {
        j.put("environment", b.environment());
      }
    }
    o.put("createdAt", u.createdAt().toString());
    if (!u.active()) {
      o.put("revoked", true);
      o.put("revokedAt", u.revokedAt().toString());
    }
    return o;
  }
}
