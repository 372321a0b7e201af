package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.SourceMap;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.engine.store.DeleteResult;
import dev.troupe.engine.store.LabelSelector;
import dev.troupe.engine.store.MergePatch;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.Page;
import dev.troupe.engine.store.Propagation;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.engine.view.StoreView;
import dev.troupe.server.auth.ObjectScopes;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Predicate;

/**
 * The generic object routes of every kind: list (or watch), create, read, replace, merge patch,
 * delete and the status subresource. Spec writes go through admission; a write without a
 * resourceVersion is still conditional on the version admission checked, and is retried when that
 * version changed meanwhile. Every route checks the caller's permission ({@link Access}) before it
 * reads or writes anything: reads in the organization, writes in the scope of the stored object
 * (creates: of the admitted object); lists across organizations show only readable ones.
 */
final class ObjectEndpoints {
  static final String EVENT_KIND = "Event";
  private static final int ATTEMPTS = 3;

  private final Store store;
  private final AdmissionGate gate;
  private final WatchStreams watches;

  ObjectEndpoints(Store store, AdmissionGate gate, WatchStreams watches) {
    this.store = store;
    this.gate = gate;
    this.watches = watches;
  }

  /** Lists (or, with {@code watch=true}, watches) a kind; {@code namespace} null: all. */
  void list(Context ctx, KindDef def, String namespace) {
    if (namespace == null || def.clusterScoped()) {
      listKind(ctx, def.kind(), namespace, Access.readable(ctx, def));
      return;
    }
    Access.requireRead(ctx, namespace);
    listKind(ctx, def.kind(), namespace, o -> true);
  }

  /** Events of an organization, optionally of one involved object kind and name. */
  void events(Context ctx, String namespace) {
    Access.requireRead(ctx, namespace);
    String kind = ctx.queryParam("kind");
    String name = ctx.queryParam("name");
    String canonical =
        kind == null || kind.isEmpty()
            ? null
            : KindNames.resolve(kind).map(KindDef::kind).orElse(kind);
    Predicate<ObjectNode> involved =
        e ->
            (canonical == null || canonical.equals(e.path("involvedObject").path("kind").asText()))
                && (name == null
                    || name.isEmpty()
                    || name.equals(e.path("involvedObject").path("name").asText()));
    listKind(ctx, EVENT_KIND, namespace, involved);
  }

  private void listKind(Context ctx, String kind, String namespace, Predicate<ObjectNode> filter) {
    LabelSelector selector = Query.labelSelector(ctx);
    if (Query.watch(ctx)) {
      watches.serve(ctx, kind, namespace, selector, filter);
      return;
    }
    Page page = store.list(kind, namespace, selector, Query.limit(ctx), Query.continueToken(ctx));
    List<ObjectNode> items = page.items().stream().filter(filter).toList();
    Responses.json(ctx, 200, listBody(items, page.continueToken(), page.revision()));
  }

  static ObjectNode listBody(List<ObjectNode> items, String continueToken, long revision) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", "v1");
    body.put("kind", "List");
    body.putArray("items").addAll(items);
    ObjectNode meta = body.putObject("metadata");
    if (continueToken == null) {
      meta.putNull("continue");
    } else {
      meta.put("continue", continueToken);
    }
    meta.put("resourceVersion", Long.toString(revision));
    return body;
  }

  void create(Context ctx, KindDef def, String namespace) {
    Principal principal = Authentication.principal(ctx);
    Document doc = RequestBodies.object(ctx);
    BodyIdentity.conform(doc, def, namespace, null);
    String name = doc.tree().path("metadata").path("name").asText("");
    ApiAudit.subject(ctx).target(def.kind(), name);
    Permission permission = ObjectScopes.toCreate(def.kind());
    // Before anything is looked up, so a refusal says nothing about what exists.
    Access.requireWrite(ctx, permission, def.kind(), namespace, doc.tree());
    if (!name.isEmpty() && store.find(def.kind(), namespace, name).isPresent()) {
      throw ProblemDetails.of(
          new StoreException.AlreadyExists(new ObjectKey(def.kind(), namespace, name)));
    }
    AdmissionGate.Admitted a = gate.admitOne(doc, namespace, principal, AdmissionGate::asIs);
    ObjectNode tree = a.objects().get(0).tree();
    // What is written is what counts: admission verified its owner.
    Access.requireWrite(ctx, permission, def.kind(), namespace, tree);
    ObjectNode out = Query.dryRun(ctx) ? tree : store.create(tree);
    ProblemDetails.warningHeaders(ctx, a.warnings());
    Responses.json(ctx, 201, out);
  }

  void read(Context ctx, KindDef def, String namespace, String name) {
    Access.requireRead(ctx, Access.organization(def, namespace, name));
    Responses.json(ctx, 200, store.get(def.kind(), namespace, name));
  }

  void replace(Context ctx, KindDef def, String namespace, String name) {
    Principal principal = Authentication.principal(ctx);
    Permission permission = ObjectScopes.toWrite(def.kind());
    Access.requireOrganization(ctx, permission, Access.organization(def, namespace, name));
    Document doc = RequestBodies.object(ctx);
    BodyIdentity.conform(doc, def, namespace, name);
    String clientVersion = resourceVersion(doc.tree());
    for (int attempt = 1; ; attempt++) {
      ObjectNode stored = store.get(def.kind(), namespace, name);
      Access.requireWrite(ctx, permission, def.kind(), namespace, stored);
      if (clientVersion.isEmpty() && doc.tree().get("metadata") instanceof ObjectNode meta) {
        meta.put("resourceVersion", resourceVersion(stored));
      }
      AdmissionGate.Admitted a = gate.admitOne(doc, namespace, principal, AdmissionGate::asIs);
      ObjectNode tree = a.objects().get(0).tree();
      Access.requireWrite(ctx, permission, def.kind(), namespace, tree);
      try {
        ObjectNode out = Query.dryRun(ctx) ? preview(stored, tree) : store.update(tree);
        ProblemDetails.warningHeaders(ctx, a.warnings());
        Responses.json(ctx, 200, out);
        return;
      } catch (StoreException.Conflict e) {
        if (!clientVersion.isEmpty() || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  void patch(Context ctx, KindDef def, String namespace, String name) {
    Principal principal = Authentication.principal(ctx);
    Permission permission = ObjectScopes.toWrite(def.kind());
    Access.requireOrganization(ctx, permission, Access.organization(def, namespace, name));
    ObjectNode patch = RequestBodies.mergePatch(ctx).tree();
    String precondition = resourceVersion(patch);
    for (int attempt = 1; ; attempt++) {
      ObjectNode stored = store.get(def.kind(), namespace, name);
      Access.requireWrite(ctx, permission, def.kind(), namespace, stored);
      requireVersion(def, namespace, name, stored, precondition);
      ObjectNode merged = (ObjectNode) MergePatch.apply(stored, patch);
      merged.remove("status");
      if (merged.get("metadata") instanceof ObjectNode meta) {
        meta.put("resourceVersion", resourceVersion(stored));
      }
      Document doc = new Document(RequestBodies.FILE, 1, merged, SourceMap.empty(), List.of());
      BodyIdentity.conform(doc, def, namespace, name);
      // Positions would point into the merged object, not the request: report paths only.
      AdmissionGate.Admitted a =
          gate.admitOne(doc, namespace, principal, AdmissionGate::withoutSource);
      ObjectNode tree = a.objects().get(0).tree();
      Access.requireWrite(ctx, permission, def.kind(), namespace, tree);
      try {
        ObjectNode out = Query.dryRun(ctx) ? preview(stored, tree) : store.update(tree);
        ProblemDetails.warningHeaders(ctx, a.warnings());
        Responses.json(ctx, 200, out);
        return;
      } catch (StoreException.Conflict e) {
        if (!precondition.isEmpty() || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  void delete(Context ctx, KindDef def, String namespace, String name) {
    Principal principal = Authentication.principal(ctx);
    Propagation propagation = Query.propagation(ctx);
    String precondition = Query.precondition(ctx);
    boolean dryRun = Query.dryRun(ctx);
    Permission permission = ObjectScopes.toWrite(def.kind());
    Access.requireOrganization(ctx, permission, Access.organization(def, namespace, name));
    ObjectNode stored = store.get(def.kind(), namespace, name);
    Access.requireWrite(ctx, permission, def.kind(), namespace, stored);
    List<Problem> warnings = gate.checkDelete(def, stored, principal);
    ProblemDetails.warningHeaders(ctx, warnings.stream().filter(p -> !p.isError()).toList());
    if (dryRun) {
      Responses.json(ctx, 200, stored);
      return;
    }
    DeleteResult r = store.delete(def.kind(), namespace, name, propagation, precondition);
    Responses.json(ctx, r instanceof DeleteResult.Terminating ? 202 : 200, r.object());
  }

  void replaceStatus(Context ctx, KindDef def, String namespace, String name) {
    Permission permission = ObjectScopes.toWriteStatus(def.kind());
    Access.requireOrganization(ctx, permission, Access.organization(def, namespace, name));
    Document doc = RequestBodies.object(ctx);
    BodyIdentity.conform(doc, def, namespace, name);
    JsonNode status = doc.tree().get("status");
    if (!(status instanceof ObjectNode)) {
      throw ApiException.invalid("status: expected an object with the new status");
    }
    String clientVersion = resourceVersion(doc.tree());
    for (int attempt = 1; ; attempt++) {
      ObjectNode stored = store.get(def.kind(), namespace, name);
      Access.requireWrite(ctx, permission, def.kind(), namespace, stored);
      requireVersion(def, namespace, name, stored, clientVersion);
      ObjectNode next = stored.deepCopy();
      next.set("status", status.deepCopy());
      requireReadable(def, next);
      try {
        Responses.json(ctx, 200, Query.dryRun(ctx) ? next : store.updateStatus(next));
        return;
      } catch (StoreException.Conflict e) {
        if (!clientVersion.isEmpty() || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  void patchStatus(Context ctx, KindDef def, String namespace, String name) {
    Permission permission = ObjectScopes.toWriteStatus(def.kind());
    Access.requireOrganization(ctx, permission, Access.organization(def, namespace, name));
    ObjectNode patch = RequestBodies.mergePatch(ctx).tree();
    String precondition = resourceVersion(patch);
    JsonNode statusPatch = patch.get("status");
    if (statusPatch == null) {
      throw ApiException.invalid("status: a status patch must contain \"status\"");
    }
    for (int attempt = 1; ; attempt++) {
      ObjectNode stored = store.get(def.kind(), namespace, name);
      Access.requireWrite(ctx, permission, def.kind(), namespace, stored);
      requireVersion(def, namespace, name, stored, precondition);
      ObjectNode next = stored.deepCopy();
      JsonNode merged = MergePatch.apply(stored.get("status"), statusPatch);
      if (merged == null || merged.isNull()) {
        next.remove("status");
      } else {
        next.set("status", merged);
      }
      requireReadable(def, next);
      ObjectNode onlyStatus = JsonNodeFactory.instance.objectNode();
      onlyStatus.set("status", statusPatch);
      try {
        ObjectNode out =
            Query.dryRun(ctx)
                ? next
                : store.patchStatus(
                    def.kind(), namespace, name, onlyStatus, resourceVersion(stored));
        Responses.json(ctx, 200, out);
        return;
      } catch (StoreException.Conflict e) {
        if (!precondition.isEmpty() || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The status must still decode into the kind's record, or admission could not read it. */
  private static void requireReadable(KindDef def, ObjectNode next) {
    try {
      StoreView.decode(def, next);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "status: the status cannot be read as "
              + def.kind()
              + " status: "
              + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static void requireVersion(
      KindDef def, String namespace, String name, ObjectNode stored, String expected) {
    if (!expected.isEmpty() && !expected.equals(resourceVersion(stored))) {
      throw StoreException.Conflict.modified(new ObjectKey(def.kind(), namespace, name));
    }
  }

  /** What a dry-run write returns: the admitted object with the stored system fields and status. */
  private static ObjectNode preview(ObjectNode stored, ObjectNode admitted) {
    ObjectNode out = admitted.deepCopy();
    if (stored.has("status")) {
      out.set("status", stored.get("status").deepCopy());
    }
    return out;
  }

  static String resourceVersion(ObjectNode tree) {
    return tree.path("metadata").path("resourceVersion").asText("");
  }
}
