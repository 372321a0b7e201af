package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.server.auth.Authorizer;
import dev.troupe.server.auth.ObjectScopes;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Scope;
import io.javalin.http.Context;
import java.util.function.Predicate;

/**
 * The permission checks of the generic routes (docs/access-control.md). Reads need {@link
 * Permission#READ} in the organization. A write first needs READ in the organization, checked
 * before the object is looked up, so a caller who cannot read there learns nothing about what
 * exists; then the write's permission in the scope {@link ObjectScopes} resolves from the stored
 * object (or, for a create, from the object being created). Refusals are 403 {@code FORBIDDEN} with
 * {@link Authorizer#denial}, which names the caller, the permission and the scope, never request
 * content.
 */
final class Access {
  private Access() {}

  /** 403 unless the caller may read {@code organization}. */
  static void requireRead(Context ctx, String organization) {
    Principal p = Authentication.principal(ctx);
    Scope scope = Scope.org(organization);
    if (!Authorizer.allowed(p, Permission.READ, scope)) {
      throw forbidden(p, Permission.READ, scope);
    }
  }

  /**
   * 403 unless the caller holds {@code permission} in {@code scope} (no READ prerequisite: for
   * routes that are not about objects, such as the audit log).
   */
  static void require(Context ctx, Permission permission, Scope scope) {
    Principal p = Authentication.principal(ctx);
    if (!Authorizer.allowed(p, permission, scope)) {
      throw forbidden(p, permission, scope);
    }
  }

  /**
   * The first step of a write to {@code organization}: 403 for {@code permission} in the bare
   * organization unless the caller may read it. Called before the target is looked up.
   */
  static void requireOrganization(Context ctx, Permission permission, String organization) {
    Principal p = Authentication.principal(ctx);
    if (!Authorizer.allowed(p, Permission.READ, Scope.org(organization))) {
      throw forbidden(p, permission, Scope.org(organization));
    }
  }

  /**
   * 403 unless the caller holds {@code permission} in the scope of {@code tree}, an object of
   * {@code kind} in {@code namespace}; remembers the scope for the request's audit record.
   *
   * @param tree the stored object (updates, deletes, status writes) or the object being created
   */
  static Scope requireWrite(
      Context ctx, Permission permission, String kind, String namespace, JsonNode tree) {
    Scope scope = ObjectScopes.of(kind, namespace, tree);
    ApiAudit.subject(ctx).scope(scope, ObjectScopes.component(kind, tree));
    requireOrganization(ctx, permission, scope.organization());
    Principal p = Authentication.principal(ctx);
    if (!Authorizer.allowed(p, permission, scope)) {
      throw forbidden(p, permission, scope);
    }
    return scope;
  }

  /** The organization an object is in: its namespace, or its own name for an Organization. */
  static String organization(KindDef def, String namespace, String name) {
    return def.clusterScoped() ? name : namespace;
  }

  /**
   * Which objects of a list spanning organizations the caller may see: those of organizations it
   * may read.
   */
  static Predicate<ObjectNode> readable(Context ctx, KindDef def) {
    Principal p = Authentication.principal(ctx);
    if (Authorizer.allowed(p, Permission.READ, Scope.everyOrganization())) {
      return o -> true;
    }
    return o -> {
      String ns = o.path("metadata").path("namespace").asText("");
      String name = o.path("metadata").path("name").asText("");
      String org = organization(def, ns, name);
      return !org.isEmpty() && Authorizer.allowed(p, Permission.READ, Scope.org(org));
    };
  }

  static ApiException forbidden(Principal p, Permission permission, Scope scope) {
    return new ApiException(403, "FORBIDDEN", Authorizer.denial(p, permission, scope));
  }
}
