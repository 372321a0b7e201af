package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.SourceMap;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.engine.store.LabelSelector;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Scope;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Requesting promotions and reading them (delivery.md §3.1–§3.2, §9.1): {@code POST …/promote} and
 * {@code POST …/promotions} build the Promotion from the stored Component and the body, check the
 * REQUEST_PROMOTION permission in the stored project and the target environment, and admit it as
 * the caller (admission fills {@code requestedBy}, {@code sourceRevision} and {@code
 * deployableArtifactRef} and runs the §3.2 checks, whose first failure gives the REST code). {@code
 * promote} then waits on a store watch for the Promotion controller: applied → 200 with the target
 * binding, anything else (a gate, a failure, the wait running out) → 202.
 */
final class DeliveryPromotions {
  static final Set<String> BODY =
      Set.of("sourceEnv", "targetEnv", "reason", "allowUnreadySource", "expiresAfter");

  static final String LABEL_ORGANIZATION = "openchoreo.dev/organization";
  static final String LABEL_PROJECT = "openchoreo.dev/project";
  static final String LABEL_COMPONENT = "openchoreo.dev/component";
  static final String LABEL_ENVIRONMENT = "openchoreo.dev/environment";

  private static final String SUFFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int SUFFIX_LENGTH = 5;
  private static final int NAME_ATTEMPTS = 5;

  private final Store store;
  private final AdmissionGate gate;
  private final DeliveryLookup lookup;
  private final Duration applyWait;
  private final SecureRandom random = new SecureRandom();

  DeliveryPromotions(Store store, AdmissionGate gate, DeliveryLookup lookup, Duration applyWait) {
    this.store = store;
    this.gate = gate;
    this.lookup = lookup;
    this.applyWait = applyWait;
  }

  /** {@code POST C/promote}: create, then wait until applied (200) or answer 202. */
  void promote(Context ctx) {
    request(ctx, true);
  }

  /** {@code POST C/promotions}: create; 201 with the Promotion. */
  void create(Context ctx) {
    request(ctx, false);
  }

  private void request(Context ctx, boolean promote) {
    Principal p = Authentication.principal(ctx);
    DeliveryLookup.StoredComponent c = component(ctx, p);
    DeliveryBodies body = DeliveryBodies.read(ctx, BODY);
    String source = body.required("sourceEnv");
    String target = body.required("targetEnv");
    String reason = body.text("reason");
    Boolean allowUnready = body.bool("allowUnreadySource");
    String expiresAfter = body.text("expiresAfter");
    DeliveryLookup.audited(ctx, c.scope(target), c.name(), DeliveryLookup.PROMOTION, null);
    DeliveryLookup.require(p, Permission.REQUEST_PROMOTION, c.scope(target));
    ObjectNode tree = tree(c, source, target, reason, allowUnready, expiresAfter);
    ObjectNode admitted = admit(ctx, tree, c.org(), p);
    if (!admitted.path("spec").path("sourceRevision").canConvertToLong()) {
      throw new ApiException(
          409,
          "SOURCE_NOT_READY",
          "the "
              + c.kind().map(k -> k.kind()).orElse("binding")
              + " of component \""
              + c.name()
              + "\" in \""
              + source
              + "\" has no current revision yet; wait until it is recorded");
    }
    if (Query.dryRun(ctx)) {
      if (promote) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("promotion", admitted);
        Responses.json(ctx, 200, out);
      } else {
        Responses.json(ctx, 201, admitted);
      }
      return;
    }
    ObjectNode stored = createNamed(admitted, c, source, target);
    String name = DeliveryLookup.name(stored);
    ApiAudit.subject(ctx).target(DeliveryLookup.PROMOTION, name);
    if (!promote) {
      Responses.json(ctx, 201, stored);
      return;
    }
    ctx.header("Location", location(c, name));
    ObjectNode settled =
        DeliveryWaits.until(
                store,
                DeliveryLookup.PROMOTION,
                c.org(),
                name,
                DeliveryPromotions::settled,
                applyWait)
            .orElse(stored);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("promotion", settled);
    if (Promotion.Phase.Applied.name().equals(phase(settled))) {
      out.set("items", DeliveryViews.bindings(targetBinding(c.org(), settled)).get("items"));
      Responses.json(ctx, 200, out);
    } else {
      Responses.json(ctx, 202, out);
    }
  }

  /** {@code GET C/promotions}: the component's promotions, oldest first. */
  void list(Context ctx) {
    DeliveryLookup.StoredComponent c = component(ctx, Authentication.principal(ctx));
    List<ObjectNode> items =
        sorted(
            store.list(DeliveryLookup.PROMOTION, c.org()).items().stream()
                .filter(ofComponent(c.project(), c.name()))
                .toList());
    Responses.json(ctx, 200, DeliveryViews.items(items));
  }

  /** {@code GET C/promotions/{name}}: 404 PROMOTION_NOT_FOUND unless it is the component's. */
  void read(Context ctx) {
    DeliveryLookup.StoredComponent c = component(ctx, Authentication.principal(ctx));
    Responses.json(ctx, 200, find(c.org(), ctx.pathParam("name"), c.project(), c.name()));
  }

  /**
   * {@code GET /orgs/{org}/promotions}, the approvers' inbox: with {@code phase}, {@code
   * targetEnvironment}, {@code project} or {@code component} the promotions of the organization
   * that match them all (a Promotion not yet reconciled counts as {@code Pending}), oldest first;
   * without them, the generic list of the kind serves the request (paging and watches).
   */
  Handler inbox(Handler generic) {
    return ctx -> {
      String phase = param(ctx, "phase");
      String target = param(ctx, "targetEnvironment");
      String project = param(ctx, "project");
      String component = param(ctx, "component");
      if (phase == null && target == null && project == null && component == null) {
        generic.handle(ctx);
        return;
      }
      if (Query.watch(ctx) || Query.continueToken(ctx) != null) {
        throw ApiException.invalid(
            "phase, targetEnvironment, project and component cannot be combined with watch or"
                + " continue; use labelSelector (openchoreo.dev/project, openchoreo.dev/component,"
                + " openchoreo.dev/environment) for those");
      }
      if (phase != null && !phaseKnown(phase)) {
        throw ApiException.invalid(
            "query parameter phase: expected Pending, Approved, Applied, Rejected, Expired or"
                + " Failed, got \""
                + phase
                + "\"");
      }
      String org = ctx.pathParam("org");
      DeliveryLookup.require(Authentication.principal(ctx), Permission.READ, Scope.org(org));
      LabelSelector selector = Query.labelSelector(ctx);
      long revision = store.currentRevision();
      List<ObjectNode> items =
          sorted(
              store.list(DeliveryLookup.PROMOTION, org, selector, 0, null).items().stream()
                  .filter(pr -> phase == null || phase.equals(phaseOrPending(pr)))
                  .filter(pr -> target == null || target.equals(spec(pr, "targetEnvironment")))
                  .filter(pr -> project == null || project.equals(owner(pr, "projectName")))
                  .filter(pr -> component == null || component.equals(owner(pr, "componentName")))
                  .toList());
      int limit = Query.limit(ctx);
      if (limit > 0 && items.size() > limit) {
        items = items.subList(0, limit);
      }
      Responses.json(ctx, 200, ObjectEndpoints.listBody(items, null, revision));
    };
  }

  /** The stored Promotion {@code name}; 404 PROMOTION_NOT_FOUND (also when of another owner). */
  ObjectNode find(String org, String name, String project, String component) {
    Optional<ObjectNode> found = store.find(DeliveryLookup.PROMOTION, org, name);
    if (found.isEmpty()
        || (project != null && !ofComponent(project, component).test(found.get()))) {
      throw new ApiException(
          404,
          "PROMOTION_NOT_FOUND",
          "Promotion \""
              + name
              + "\" not found"
              + (project == null
                  ? " in organization " + org
                  : " for component \"" + component + "\" of project \"" + project + "\""));
    }
    return found.get();
  }

  private DeliveryLookup.StoredComponent component(Context ctx, Principal p) {
    return lookup.component(
        p, ctx.pathParam("org"), ctx.pathParam("project"), ctx.pathParam("component"));
  }

  /** The Promotion as requested: §3.1 labels, the owner from the stored Component. */
  private static ObjectNode tree(
      DeliveryLookup.StoredComponent c,
      String source,
      String target,
      String reason,
      Boolean allowUnready,
      String expiresAfter) {
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("apiVersion", "openchoreo.dev/v1alpha1");
    t.put("kind", DeliveryLookup.PROMOTION);
    ObjectNode meta = t.putObject("metadata");
    meta.put("name", c.name() + "-" + source + "-to-" + target);
    meta.put("namespace", c.org());
    ObjectNode labels = meta.putObject("labels");
    labels.put(LABEL_ORGANIZATION, c.org());
    labels.put(LABEL_PROJECT, c.project());
    labels.put(LABEL_COMPONENT, c.name());
    labels.put(LABEL_ENVIRONMENT, target);
    ObjectNode spec = t.putObject("spec");
    ObjectNode owner = spec.putObject("owner");
    owner.put("projectName", c.project());
    owner.put("componentName", c.name());
    spec.put("sourceEnvironment", source);
    spec.put("targetEnvironment", target);
    if (reason != null) {
      spec.put("reason", reason);
    }
    if (expiresAfter != null) {
      spec.put("expiresAfter", expiresAfter);
    }
    if (allowUnready != null) {
      spec.put("allowUnreadySource", allowUnready);
    }
    return t;
  }

  /** Admits the request as the caller; the §3.2 code of the first failure otherwise. */
  private ObjectNode admit(Context ctx, ObjectNode tree, String org, Principal p) {
    ObjectNode named = tree.deepCopy();
    ((ObjectNode) named.get("metadata")).put("name", withSuffix(tree));
    Document doc = new Document(RequestBodies.FILE, 1, named, SourceMap.empty(), List.of());
    AdmissionResult r =
        Admission.admit(List.of(doc), gate.options(AdmissionContext.Mode.SINGLE, org, p));
    List<Problem> problems = r.problems().stream().map(AdmissionGate::withoutSource).toList();
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw DeliveryProblems.promotion(errors);
    }
    ProblemDetails.warningHeaders(ctx, problems);
    return r.objects().get(0).tree();
  }

  /** Creates the admitted Promotion, drawing another name suffix if the name is taken. */
  private ObjectNode createNamed(
      ObjectNode admitted, DeliveryLookup.StoredComponent c, String source, String target) {
    ObjectNode tree = admitted.deepCopy();
    for (int attempt = 1; ; attempt++) {
      try {
        return store.create(tree);
      } catch (StoreException.AlreadyExists e) {
        if (attempt == NAME_ATTEMPTS) {
          throw e;
        }
        ((ObjectNode) tree.get("metadata"))
            .put("name", withSuffix(c.name() + "-" + source + "-to-" + target));
      }
    }
  }

  private String withSuffix(ObjectNode tree) {
    return withSuffix(tree.path("metadata").path("name").asText());
  }

  /** {@code <base>-<5 random [a-z0-9]>} (delivery.md §3.1). */
  private String withSuffix(String base) {
    StringBuilder b = new StringBuilder(base).append('-');
    for (int i = 0; i < SUFFIX_LENGTH; i++) {
      b.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
    }
    return b.toString();
  }

  /** The target binding a Promotion wrote, as stored (empty if gone). */
  private List<ObjectNode> targetBinding(String org, ObjectNode promotion) {
    JsonNode t = promotion.path("status").path("targetBinding");
    String kind = t.path("kind").asText("");
    String name = t.path("name").asText("");
    if (kind.isEmpty() || name.isEmpty()) {
      return List.of();
    }
    return store.find(kind, org, name).stream().toList();
  }

  static String location(DeliveryLookup.StoredComponent c, String name) {
    return DeliveryRoutes.componentPath(c.org(), c.project(), c.name()) + "/promotions/" + name;
  }

  /** Pending behind a gate, or terminal: what {@code promote} waits for. */
  static boolean settled(ObjectNode promotion) {
    String phase = phase(promotion);
    return phase != null && !phase.equals(Promotion.Phase.Approved.name());
  }

  static String phase(JsonNode promotion) {
    JsonNode p = promotion.path("status").path("phase");
    return p.isTextual() ? p.asText() : null;
  }

  private static String phaseOrPending(JsonNode promotion) {
    String p = phase(promotion);
    return p == null ? Promotion.Phase.Pending.name() : p;
  }

  private static boolean phaseKnown(String phase) {
    for (Promotion.Phase p : Promotion.Phase.values()) {
      if (p.name().equals(phase)) {
        return true;
      }
    }
    return false;
  }

  static Predicate<ObjectNode> ofComponent(String project, String component) {
    return pr ->
        project.equals(owner(pr, "projectName")) && component.equals(owner(pr, "componentName"));
  }

  private static String owner(JsonNode promotion, String field) {
    return promotion.path("spec").path("owner").path(field).asText("");
  }

  private static String spec(JsonNode promotion, String field) {
    return promotion.path("spec").path(field).asText("");
  }

  /** Oldest first (creation time, then name): the order an approver works through. */
  private static List<ObjectNode> sorted(List<ObjectNode> items) {
    return items.stream()
        .sorted(
            Comparator.comparing(
                    (ObjectNode pr) -> pr.path("metadata").path("creationTimestamp").asText(""))
                .thenComparing(DeliveryLookup::name))
        .toList();
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v;
  }
}
