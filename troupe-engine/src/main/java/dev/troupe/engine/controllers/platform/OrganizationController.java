package dev.troupe.engine.controllers.platform;

import static dev.troupe.engine.controllers.platform.PlatformControllers.MANAGED_BY;
import static dev.troupe.engine.controllers.platform.PlatformControllers.MANAGED_BY_LABEL;
import static dev.troupe.engine.controllers.platform.PlatformControllers.NAMESPACE;
import static dev.troupe.engine.controllers.platform.PlatformControllers.NAMESPACE_FINALIZER;
import static dev.troupe.engine.controllers.platform.PlatformControllers.NAME_LABEL;
import static dev.troupe.engine.controllers.platform.PlatformControllers.ORGANIZATION_CLEANUP;
import static dev.troupe.engine.controllers.platform.PlatformControllers.ORGANIZATION_LABEL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Change;
import dev.troupe.engine.runtime.ChangeFilter;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ControllerSpec;
import dev.troupe.engine.runtime.Result;
import dev.troupe.engine.runtime.Watch;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Organization controller (delivery.md §1.2, §1.6, §1.8; model.md §3.1): creates the namespace
 * {@code <org>} with a controller ownerReference, or adopts an existing unlabelled one (labels, no
 * ownerReference, finalizer {@code openchoreo.dev/organization-cleanup}); installs the starter kit
 * once; on deletion of an organization with an adopted namespace deletes the Troupe objects in it
 * and removes the labels, bounded by {@code organizationCleanupTimeout}.
 */
final class OrganizationController {
  static final String NAME = "platform.organization";
  private static final String KIND = "Organization";

  private final ControllerContext ctx;
  private final Finalization cleanup;
  private final NamespaceContents contents;
  private final StarterKitInstaller starterKit;

  OrganizationController(ControllerContext ctx) {
    this.ctx = ctx;
    this.cleanup =
        new Finalization(ctx, ORGANIZATION_CLEANUP, ctx.settings().organizationCleanupTimeout());
    this.contents = new NamespaceContents(ctx.store());
    this.starterKit = new StarterKitInstaller(ctx);
  }

  void register(ControllerManager manager) {
    List<Watch> watches = new ArrayList<>();
    watches.add(Watch.primary(KIND, ChangeFilter.spec()));
    watches.add(
        Watch.of(NAMESPACE, ChangeFilter.spec(), c -> List.of(new ObjectKey(KIND, "", c.name()))));
    // An adopted namespace's cleanup progresses as its objects disappear.
    for (String kind : NamespaceContents.TROUPE_KINDS) {
      watches.add(Watch.of(kind, ChangeFilter.spec(), this::terminatingOrganizationOf));
    }
    manager.register(
        new ControllerSpec(
            NAME,
            KIND,
            this::reconcile,
            ctx.settings().workers(),
            watches,
            ctx.settings().resync()));
  }

  private List<ObjectKey> terminatingOrganizationOf(Change change) {
    if (change.type() != Change.Type.DELETED) {
      return List.of();
    }
    return ctx.cache()
        .tree(KIND, "", change.namespace())
        .filter(Meta::terminating)
        .map(o -> List.of(ObjectKey.of(o)))
        .orElse(List.of());
  }

  Result reconcile(ObjectKey key) {
    Optional<ObjectNode> found = ctx.cache().tree(key);
    if (found.isEmpty()) {
      return Result.done();
    }
    ObjectNode org = found.get();
    if (Meta.terminating(org)) {
      return finalizeAdopted(org);
    }
    StatusDraft draft = StatusDraft.of(org).put("namespace", Meta.name(org));
    NamespaceOutcome outcome;
    try {
      outcome = ensureNamespace(org);
    } catch (StoreException.Conflict | StoreException.AlreadyExists e) {
      throw e;
    } catch (StoreException e) {
      draft.condition(StatusDraft.READY, false, "NamespaceCreationFailed", e.getMessage());
      ctx.status().put(org, keepStarterKit(org, draft).build());
      throw e;
    }
    if (outcome.adopted()) {
      org = cleanup.ensure(org);
    }
    draft.condition(StatusDraft.READY, outcome.ready(), outcome.reason(), outcome.message());
    boolean installed = true;
    if (outcome.ready()) {
      installed = starterKit.install(org, draft);
    } else {
      keepStarterKit(org, draft);
    }
    ctx.status().put(org, draft.build());
    if (!installed) {
      // Retried with back-off; the condition names what is missing.
      throw new IllegalStateException("starter kit of organization " + key.name() + " incomplete");
    }
    return Result.done();
  }

  /** What became of the organization's namespace. */
  private record NamespaceOutcome(boolean ready, String reason, String message, boolean adopted) {}

  private NamespaceOutcome ensureNamespace(ObjectNode org) {
    String name = Meta.name(org);
    Optional<ObjectNode> existing = ctx.store().find(NAMESPACE, "", name);
    if (existing.isEmpty()) {
      ctx.store().create(newNamespace(org));
      return new NamespaceOutcome(
          true, "NamespaceCreated", "Successfully created the Namespace " + name, false);
    }
    ObjectNode ns = existing.get();
    if (Meta.ownedBy(ns, Meta.uid(org))) {
      relabel(ns, name);
      return new NamespaceOutcome(
          true, "NamespaceCreated", "Successfully created the Namespace " + name, false);
    }
    if (Meta.terminating(ns)) {
      return new NamespaceOutcome(
          false,
          "NamespaceCreationFailed",
          "Namespace " + name + " is still being deleted; it is created again once it is gone",
          false);
    }
    String labelled = Meta.label(ns, ORGANIZATION_LABEL);
    if (labelled != null && !labelled.equals(name)) {
      return new NamespaceOutcome(
          false,
          "NamespaceConflict",
          "Namespace " + name + " is labelled for organization \"" + labelled + "\"",
          false);
    }
    Optional<JsonNode> controller = Meta.controllerRef(ns);
    if (controller.isPresent()) {
      return new NamespaceOutcome(
          false,
          "NamespaceConflict",
          "Namespace "
              + name
              + " is controlled by "
              + controller.get().path("kind").asText()
              + " \""
              + controller.get().path("name").asText()
              + "\"",
          false);
    }
    relabel(ns, name);
    return new NamespaceOutcome(
        true,
        "NamespaceAdopted",
        "Adopted the existing Namespace " + name + "; it is kept when the organization is deleted",
        true);
  }

  private ObjectNode newNamespace(ObjectNode org) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode ns = f.objectNode();
    ns.put("apiVersion", "v1");
    ns.put("kind", NAMESPACE);
    ObjectNode meta = ns.putObject("metadata");
    meta.put("name", Meta.name(org));
    organizationLabels(meta.putObject("labels"), Meta.name(org));
    meta.putArray("finalizers").add(NAMESPACE_FINALIZER);
    meta.putArray("ownerReferences").add(Meta.ownerReference(org, true, true));
    return ns;
  }

  private static void organizationLabels(ObjectNode labels, String org) {
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    labels.put(ORGANIZATION_LABEL, org);
    labels.put(NAME_LABEL, org);
  }

  /** Re-asserts the organization labels when they drifted. */
  private void relabel(ObjectNode ns, String org) {
    ObjectNode next = ns.deepCopy();
    organizationLabels(next.with("metadata").with("labels"), org);
    if (!next.equals(ns)) {
      ctx.store().update(next);
    }
  }

  private Result finalizeAdopted(ObjectNode org) {
    if (!Meta.hasFinalizer(org, ORGANIZATION_CLEANUP)) {
      return Result.done();
    }
    String ns = Meta.name(org);
    Finalization.Step step = cleanup.decide(org, () -> contents.deleteAll(ns, false));
    if (!(step instanceof Finalization.Step.Waiting)) {
      unlabel(ns);
    }
    return cleanup.settle(org, StatusDraft.keeping(org), step, "Troupe objects in namespace " + ns);
  }

  /** Removes the organization labels from the adopted namespace (the namespace itself stays). */
  private void unlabel(String name) {
    ctx.store()
        .find(NAMESPACE, "", name)
        .ifPresent(
            ns -> {
              ObjectNode next = ns.deepCopy();
              ObjectNode labels = next.with("metadata").with("labels");
              labels.remove(List.of(MANAGED_BY_LABEL, ORGANIZATION_LABEL, NAME_LABEL));
              if (!next.equals(ns)) {
                ctx.store().update(next);
              }
            });
  }

  private static StatusDraft keepStarterKit(ObjectNode org, StatusDraft draft) {
    JsonNode kit = org.path("status").path("starterKit");
    if (!kit.isMissingNode()) {
      draft.set("starterKit", kit.deepCopy());
    }
    JsonNode c =
        dev.troupe.engine.runtime.Conditions.find(
            org.path("status").path("conditions"), StarterKitInstaller.CONDITION);
    if (c != null) {
      draft.condition(
          StarterKitInstaller.CONDITION,
          c.path("status").asText(),
          c.path("reason").asText(),
          c.path("message").asText());
    }
    return draft;
  }
}
