package dev.troupe.api.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-object stages after defaulting: tenancy (the organization exists and is not being
 * deleted), update rules (uid, resourceVersion, immutable fields, terminating objects), binding to
 * the typed record, the kind's semantic rules, and the authorization-dependent metadata rules.
 */
final class ObjectRules {
  static final String CHANGE_CAUSE = "openchoreo.dev/change-cause";
  static final String LAST_MODIFIED_BY = "openchoreo.dev/last-modified-by";
  private static final Set<String> PLATFORM_REASONS = Set.of("Build", "Promotion", "Rollback");
  private static final Set<String> STAMPED_KINDS =
      Set.of(
          "Workload",
          "Service",
          "WebApplication",
          "ScheduledTask",
          "API",
          "ServiceBinding",
          "WebApplicationBinding",
          "ScheduledTaskBinding",
          "APIBinding");

  private ObjectRules() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static Optional<AdmittedObject> admit(
      Envelope.Candidate c, BatchContext batch, AdmissionOptions options) {
    KindDef def = c.def();
    ObjectProblems problems = c.problems();
    ObjectNode tree = c.tree();
    Resource stored = batch.stored(def.kind(), c.namespace(), c.name()).orElse(null);
    AdmissionContext.Operation op =
        stored == null ? AdmissionContext.Operation.CREATE : AdmissionContext.Operation.UPDATE;

    if (!def.clusterScoped()) {
      checkOrganization(c.namespace(), batch, problems);
    }
    if (stored != null) {
      checkUpdate(def, tree, stored, problems);
    }
    if (problems.hasErrors()) {
      return Optional.empty();
    }
    Resource resource;
    try {
      resource = Codec.bind(tree, def.type());
    } catch (IllegalArgumentException e) {
      problems.error(Rule.TypeMismatch, "spec", "the object cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    AdmissionContext ctx = batch.forObject(op, c.namespace(), tree, stored, problems);
    ((dev.troupe.api.admission.KindRules) def.rules()).check(resource, ctx);
    authorization(def, tree, stored, options.identity(), problems);
    if (problems.hasErrors()) {
      return Optional.empty();
    }
    resource = Codec.bind(tree, def.type()); // rules and stamps may have defaulted more fields
    batch.admitted(resource, def.kind(), c.namespace());
    return Optional.of(new AdmittedObject(def, tree, resource, c.document()));
  }

  private static void checkOrganization(
      String namespace, BatchContext batch, ObjectProblems problems) {
    Optional<Resource> org = batch.get("Organization", "", namespace);
    if (org.isEmpty() && !batch.declared("Organization", "", namespace)) {
      problems.error(
          Rule.NotFound,
          "metadata.namespace",
          "Organization \"" + namespace + "\" not found",
          "create the Organization first");
    } else if (org.isPresent() && org.get().metadata().terminating()) {
      problems.error(
          Rule.Terminating,
          "metadata.namespace",
          "Organization \"" + namespace + "\" is being deleted");
    }
  }

  private static void checkUpdate(
      KindDef def, ObjectNode tree, Resource stored, ObjectProblems problems) {
    JsonNode old = Codec.toTree(stored);
    JsonNode meta = tree.get("metadata");
    String uid = Envelope.text(meta.get("uid"));
    if (!uid.isEmpty() && stored.metadata().uid() != null && !uid.equals(stored.metadata().uid())) {
      problems.error(Rule.Conflict, "metadata.uid", "uid does not match the stored object");
    }
    String rv = Envelope.text(meta.get("resourceVersion"));
    if (!rv.isEmpty() && !rv.equals(stored.metadata().resourceVersion())) {
      problems.error(
          Rule.Conflict,
          "metadata.resourceVersion",
          "the object has been modified; read it again and reapply your change");
    }
    boolean specChanged =
        !old.path("spec").equals(tree.path("spec"))
            || !sameOrder(old.path("spec"), tree.path("spec"));
    if (stored.metadata().terminating() && specChanged) {
      problems.error(
          Rule.Terminating, "spec", def.kind() + " \"" + stored.name() + "\" is being deleted");
    }
    for (Map.Entry<String, String> e : def.immutable().entrySet()) {
      JsonNode before = at(old, e.getKey());
      JsonNode after = at(tree, e.getKey());
      if (!dev.troupe.api.codec.JsonValues.same(before, after)) {
        problems.error(
            Rule.Immutable,
            e.getKey(),
            "field is immutable",
            e.getValue().isEmpty() ? null : e.getValue());
      }
    }
  }

  /** Map order is content (model.md §2.7): compare serialized forms too. */
  private static boolean sameOrder(JsonNode a, JsonNode b) {
    return a.toString().equals(b.toString());
  }

  private static JsonNode at(JsonNode root, String dottedPath) {
    JsonNode n = root;
    for (String part : dottedPath.split("\\.")) {
      n = n.path(part);
    }
    return n;
  }

  private static void authorization(
      KindDef def, ObjectNode tree, Resource stored, Identity identity, ObjectProblems problems) {
    ObjectNode meta = (ObjectNode) tree.get("metadata");
    JsonNode annotations = meta.get("annotations");
    String cause = annotations == null ? "" : Envelope.text(annotations.get(CHANGE_CAUSE));
    if (!cause.isEmpty() && !identity.platform() && !unchangedCause(cause, stored)) {
      String reason = causeReason(cause);
      if (PLATFORM_REASONS.contains(reason)) {
        problems.error(
            Rule.Forbidden,
            FieldPath.child("metadata.annotations", CHANGE_CAUSE),
            "only the platform may record the reason " + reason);
      }
    }
    if (STAMPED_KINDS.contains(def.kind())) {
      boolean specChanged =
          stored == null
              || !Codec.toTree(stored).path("spec").toString().equals(tree.path("spec").toString());
      if (specChanged) {
        ObjectNode a =
            annotations instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        a.put(LAST_MODIFIED_BY, identity.user());
        if (annotations == null) {
          meta.set("annotations", a);
          tree.set("metadata", Metadata.canonicalOrder(meta));
        }
      }
    }
  }

  /**
   * Whether {@code cause} is the change cause the stored object already carries (the same text, or
   * the same JSON written differently). Re-sending it, as {@code troupe apply} of an object read
   * back from the server does, records nothing new, so only a new or changed platform cause is
   * refused. A stale cause cannot mislabel a later edit: the binding controller uses it only when
   * its content hash matches the new spec (delivery.md §4.1).
   */
  private static boolean unchangedCause(String cause, Resource stored) {
    if (stored == null || stored.metadata() == null) {
      return false;
    }
    String before = stored.metadata().annotationsOrEmpty().get(CHANGE_CAUSE);
    if (before == null || before.isEmpty()) {
      return false;
    }
    if (before.equals(cause)) {
      return true;
    }
    try {
      return Codec.JSON.readTree(before).equals(Codec.JSON.readTree(cause));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static String causeReason(String cause) {
    try {
      JsonNode n = Codec.JSON.readTree(cause);
      return Envelope.text(n.get("reason"));
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Problem> checkDelete(Resource stored, AdmissionOptions options) {
    KindDef def = Kinds.of(stored.getClass());
    ObjectProblems problems = new ObjectProblems(null);
    problems.identify(def.kind(), stored.apiVersion(), stored.namespace(), stored.name());
    BatchContext batch = new BatchContext(options);
    AdmissionContext ctx =
        batch.forObject(
            AdmissionContext.Operation.DELETE,
            stored.namespace() == null ? "" : stored.namespace(),
            (ObjectNode) Codec.toTree(stored),
            stored,
            problems);
    ((dev.troupe.api.admission.KindRules) def.deleteRules()).check(stored, ctx);
    return problems.all();
  }
}
