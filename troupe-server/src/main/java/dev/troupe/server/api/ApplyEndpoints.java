package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.codec.SourceMap;
import dev.troupe.api.codec.SourcePosition;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.engine.store.ConcurrentWrites;
import dev.troupe.engine.store.Propagation;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.server.auth.ObjectScopes;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The batch routes: {@code /api/v1/apply} (create or configure many objects; atomically admitted in
 * batch mode) and {@code /api/v1/delete}. The store has no multi-object transaction, so a batch is
 * atomic at admission: nothing is written unless every object is accepted; a write failing
 * afterwards (a concurrent change) stops the batch and says how many objects were written.
 *
 * <p>Authorization is per object and all-or-nothing in both modes: before admission, every object
 * of the request must be writable by the caller (in the scope of the stored object when it exists,
 * else of the object sent), or the request is refused with 403 and nothing is written. Each write
 * checks again against what it actually writes.
 */
final class ApplyEndpoints {
  private final Store store;
  private final AdmissionGate gate;

  ApplyEndpoints(Store store, AdmissionGate gate) {
    this.store = store;
    this.gate = gate;
  }

  private record Input(List<Document> documents, boolean batch, UnaryOperator<Problem> locate) {}

  void apply(Context ctx) {
    Principal principal = Authentication.principal(ctx);
    Input input = input(ctx);
    boolean dryRun = Query.dryRun(ctx);
    String namespace = Query.namespace(ctx);
    authorizeApply(ctx, input.documents(), namespace);
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    List<Problem> warnings = new ArrayList<>();
    if (input.batch()) {
      AdmissionGate.Admitted a =
          gate.admit(
              input.documents(), AdmissionContext.Mode.BATCH, namespace, principal, input.locate());
      warnings.addAll(a.warnings());
      int written = 0;
      for (List<AdmittedObject> group : byAdmissionOrder(a.objects())) {
        // Objects of one admission order do not depend on each other: written together, they
        // share the store's group commit instead of waiting for one disk flush each.
        RuntimeException failure = null;
        for (ConcurrentWrites.Outcome<ObjectNode> w :
            ConcurrentWrites.run(group, o -> write(ctx, o, dryRun))) {
          if (w.ok()) {
            results.add(w.value());
            written++;
          } else if (failure == null) {
            failure = w.error();
          }
        }
        if (failure instanceof StoreException e) {
          ApiException p = ProblemDetails.of(e);
          throw new ApiException(
              p.status(),
              p.code(),
              p.detail()
                  + " ("
                  + written
                  + " of "
                  + a.objects().size()
                  + " objects of the batch were written before this failure)",
              p.errors(),
              Map.of());
        }
        if (failure != null) {
          throw failure;
        }
      }
    } else {
      for (Document d : byKindOrder(input.documents())) {
        results.add(applyOne(ctx, d, namespace, principal, input.locate(), dryRun, warnings));
      }
    }
    ProblemDetails.warningHeaders(ctx, warnings);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("results", results);
    ArrayNode w = body.putArray("warnings");
    warnings.forEach(p -> w.add(ProblemDetails.entry(p)));
    Responses.json(ctx, 200, body);
  }

  /** Non-batch: one object admitted and written on its own; a failure is its result. */
  private ObjectNode applyOne(
      Context ctx,
      Document d,
      String namespace,
      Principal principal,
      UnaryOperator<Problem> locate,
      boolean dryRun,
      List<Problem> warnings) {
    try {
      AdmissionGate.Admitted a = gate.admitOne(d, namespace, principal, locate);
      warnings.addAll(a.warnings());
      return write(ctx, a.objects().get(0), dryRun);
    } catch (ApiException | StoreException e) {
      ApiException p = e instanceof StoreException se ? ProblemDetails.of(se) : (ApiException) e;
      ObjectNode r = JsonNodeFactory.instance.objectNode();
      ObjectNode tree = d.tree();
      r.put("kind", tree == null ? "" : tree.path("kind").asText(""));
      r.put("namespace", tree == null ? "" : tree.path("metadata").path("namespace").asText(""));
      r.put("name", tree == null ? "" : tree.path("metadata").path("name").asText(""));
      r.put("action", "failed");
      r.set("error", ProblemDetails.body(p));
      return r;
    }
  }

  /**
   * Refuses the request unless the caller may write every object in it: an existing object in the
   * scope of what is stored, a new one in the scope of what was sent (re-checked on the admitted
   * object when it is written). Documents that are not objects of a known kind are left to
   * admission, which rejects them.
   */
  private void authorizeApply(Context ctx, List<Document> docs, String defaultNamespace) {
    List<ApiAudit.Ref> refs = new ArrayList<>();
    record Checked(KindDef def, String namespace, String name, ObjectNode tree) {}
    List<Checked> checks = new ArrayList<>();
    for (Document d : docs) {
      ObjectNode tree = d.tree();
      if (!d.parsed() || tree == null) {
        continue;
      }
      Optional<KindDef> def = Kinds.byName(tree.path("kind").asText(""));
      if (def.isEmpty()) {
        continue;
      }
      String ns = def.get().clusterScoped() ? "" : namespaceOf(tree, defaultNamespace);
      String name = tree.path("metadata").path("name").asText("");
      refs.add(new ApiAudit.Ref(def.get().kind(), ns, name));
      checks.add(new Checked(def.get(), ns, name, tree));
    }
    ApiAudit.subject(ctx).objects(refs);
    for (Checked c : checks) {
      String kind = c.def().kind();
      Access.requireOrganization(
          ctx, ObjectScopes.toWrite(kind), Access.organization(c.def(), c.namespace(), c.name()));
      Optional<ObjectNode> stored =
          c.name().isEmpty() ? Optional.empty() : store.find(kind, c.namespace(), c.name());
      if (stored.isPresent()) {
        Access.requireWrite(ctx, ObjectScopes.toWrite(kind), kind, c.namespace(), stored.get());
      } else {
        Access.requireWrite(ctx, ObjectScopes.toCreate(kind), kind, c.namespace(), c.tree());
      }
    }
  }

  private static String namespaceOf(ObjectNode tree, String defaultNamespace) {
    String ns = tree.path("metadata").path("namespace").asText("");
    return ns.isEmpty() ? defaultNamespace : ns;
  }

  /** Consecutive runs of admitted objects of the same admission order, in order. */
  private static List<List<AdmittedObject>> byAdmissionOrder(List<AdmittedObject> objects) {
    List<List<AdmittedObject>> groups = new ArrayList<>();
    int order = Integer.MIN_VALUE;
    for (AdmittedObject o : objects) {
      if (groups.isEmpty() || o.kind().admissionOrder() != order) {
        groups.add(new ArrayList<>());
        order = o.kind().admissionOrder();
      }
      groups.get(groups.size() - 1).add(o);
    }
    return groups;
  }

  private static List<Document> byKindOrder(List<Document> docs) {
    List<Document> sorted = new ArrayList<>(docs);
    sorted.sort(
        Comparator.comparingInt(
            d ->
                d.tree() == null
                    ? Integer.MAX_VALUE
                    : Kinds.byName(d.tree().path("kind").asText(""))
                        .map(KindDef::admissionOrder)
                        .orElse(Integer.MAX_VALUE)));
    return sorted;
  }

  /** Creates an absent object; replaces spec, labels and annotations of a present one. */
  private ObjectNode write(Context ctx, AdmittedObject o, boolean dryRun) {
    ObjectNode tree = o.tree();
    String kind = o.kind().kind();
    String ns = o.kind().clusterScoped() ? "" : tree.path("metadata").path("namespace").asText("");
    String name = tree.path("metadata").path("name").asText("");
    Optional<ObjectNode> stored = name.isEmpty() ? Optional.empty() : store.find(kind, ns, name);
    if (stored.isPresent()) {
      Access.requireWrite(ctx, ObjectScopes.toWrite(kind), kind, ns, stored.get());
    } else {
      Access.requireWrite(ctx, ObjectScopes.toCreate(kind), kind, ns, tree);
    }
    ObjectNode out;
    String action;
    if (stored.isEmpty()) {
      out = dryRun ? tree : store.create(tree);
      action = "created";
    } else {
      ObjectNode next = configure(stored.get(), tree);
      if (dryRun) {
        out = next;
        action = sameContent(stored.get(), next) ? "unchanged" : "configured";
      } else {
        out = store.update(next);
        action =
            ObjectEndpoints.resourceVersion(out)
                    .equals(ObjectEndpoints.resourceVersion(stored.get()))
                ? "unchanged"
                : "configured";
      }
    }
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("kind", kind);
    r.put("namespace", ns);
    r.put("name", out.path("metadata").path("name").asText(name));
    r.put("action", action);
    r.set("object", out);
    return r;
  }

  private static ObjectNode configure(ObjectNode stored, ObjectNode admitted) {
    ObjectNode next = stored.deepCopy();
    next.remove("status");
    if (admitted.has("spec")) {
      next.set("spec", admitted.get("spec").deepCopy());
    } else {
      next.remove("spec");
    }
    ObjectNode meta = (ObjectNode) next.get("metadata");
    JsonNode in = admitted.get("metadata");
    for (String field : List.of("labels", "annotations")) {
      if (in.has(field)) {
        meta.set(field, in.get(field).deepCopy());
      } else {
        meta.remove(field);
      }
    }
    String version = in.path("resourceVersion").asText("");
    meta.put(
        "resourceVersion", version.isEmpty() ? ObjectEndpoints.resourceVersion(stored) : version);
    return next;
  }

  private static boolean sameContent(ObjectNode stored, ObjectNode next) {
    JsonNode a = stored.get("metadata");
    JsonNode b = next.get("metadata");
    return stored.path("spec").toString().equals(next.path("spec").toString())
        && a.path("labels").equals(b.path("labels"))
        && a.path("annotations").equals(b.path("annotations"));
  }

  /** The documents of the body: a JSON envelope or a YAML stream. */
  private static Input input(Context ctx) {
    if (RequestBodies.jsonOrYaml(ctx) == RequestBodies.Format.YAML) {
      List<Document> docs = DocumentReader.readYaml(RequestBodies.FILE, ctx.body());
      requireSome(docs);
      return new Input(docs, Query.flag(ctx, "batch"), AdmissionGate::asIs);
    }
    Document envelope = RequestBodies.single(ctx.body());
    ObjectNode body = envelope.tree();
    if (!(body.get("objects") instanceof ArrayNode objects)) {
      throw ApiException.invalid("objects: expected {\"objects\": [...], \"batch\": true|false}");
    }
    JsonNode batch = body.get("batch");
    if (batch != null && !batch.isBoolean()) {
      throw ApiException.invalid("batch: expected true or false, got " + batch);
    }
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      if (!(objects.get(i) instanceof ObjectNode o)) {
        throw ApiException.invalid("objects[" + i + "]: expected an object");
      }
      docs.add(new Document(RequestBodies.FILE, i + 1, o, SourceMap.empty(), List.of()));
    }
    requireSome(docs);
    boolean isBatch = batch != null ? batch.asBoolean() : Query.flag(ctx, "batch");
    return new Input(docs, isBatch, p -> locateInEnvelope(envelope, p));
  }

  private static void requireSome(List<Document> docs) {
    if (docs.isEmpty()) {
      throw ApiException.invalid("the request contains no objects");
    }
  }

  /** Problems of objects cut out of the envelope point at their place in the request body. */
  private static Problem locateInEnvelope(Document envelope, Problem p) {
    if (p.source() == null) {
      return p;
    }
    String prefix = "objects[" + (p.source().document() - 1) + "]";
    String path =
        p.path().isEmpty()
            ? prefix
            : p.path().startsWith("[") ? prefix + p.path() : prefix + "." + p.path();
    SourcePosition at = envelope.positions().locate(path);
    return AdmissionGate.withSource(
        p, new Problem.Source(RequestBodies.FILE, 1, at.line(), at.column()));
  }

  /** Deletes the listed objects in reverse order. */
  void delete(Context ctx) {
    Principal principal = Authentication.principal(ctx);
    ObjectNode body = RequestBodies.single(ctx.body()).tree();
    if (!(body.get("objects") instanceof ArrayNode objects)) {
      throw ApiException.invalid(
          "objects: expected {\"objects\": [{\"kind\": ..., \"metadata\": {\"namespace\": ...,"
              + " \"name\": ...}}]}");
    }
    String defaultNamespace = Query.namespace(ctx);
    record Target(KindDef def, String namespace, String name) {}
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      JsonNode o = objects.get(i);
      String name = o.path("metadata").path("name").asText("");
      if (name.isEmpty()) {
        throw ApiException.invalid("objects[" + i + "].metadata.name: required");
      }
      KindDef def = KindNames.require(o.path("kind").asText(""));
      String ns =
          def.clusterScoped() ? "" : o.path("metadata").path("namespace").asText(defaultNamespace);
      targets.add(new Target(def, ns, name));
    }
    ApiAudit.subject(ctx)
        .objects(
            targets.stream()
                .map(t -> new ApiAudit.Ref(t.def().kind(), t.namespace(), t.name()))
                .toList());
    // All-or-nothing: every listed object must be deletable before the first is deleted.
    for (Target t : targets) {
      Permission permission = ObjectScopes.toWrite(t.def().kind());
      Access.requireOrganization(
          ctx, permission, Access.organization(t.def(), t.namespace(), t.name()));
      Optional<ObjectNode> stored = store.find(t.def().kind(), t.namespace(), t.name());
      if (stored.isPresent()) {
        Access.requireWrite(ctx, permission, t.def().kind(), t.namespace(), stored.get());
      }
    }
    boolean dryRun = Query.dryRun(ctx);
    Propagation propagation = Query.propagation(ctx);
    ArrayNode results = JsonNodeFactory.instance.arrayNode();
    int deleted = 0;
    for (int i = targets.size() - 1; i >= 0; i--) {
      Target t = targets.get(i);
      Optional<ObjectNode> stored = store.find(t.def().kind(), t.namespace(), t.name());
      String action = "notfound";
      if (stored.isPresent()) {
        try {
          Access.requireWrite(
              ctx,
              ObjectScopes.toWrite(t.def().kind()),
              t.def().kind(),
              t.namespace(),
              stored.get());
          gate.checkDelete(t.def(), stored.get(), principal);
          if (!dryRun) {
            // A terminating object (finalizers pending) counts as deleted: its removal has begun.
            store.delete(t.def().kind(), t.namespace(), t.name(), propagation, null);
          }
          action = "deleted";
          deleted++;
        } catch (StoreException.NotFound gone) {
          action = "notfound";
        } catch (ApiException e) {
          throw new ApiException(
              e.status(),
              e.code(),
              e.detail() + " (" + deleted + " objects listed after it were deleted)",
              e.errors(),
              Map.of());
        }
      }
      ObjectNode r = results.addObject();
      r.put("kind", t.def().kind());
      r.put("namespace", t.namespace());
      r.put("name", t.name());
      r.put("action", action);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("results", results);
    Responses.json(ctx, 200, out);
  }
}
