package dev.troupe.engine.controllers.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.engine.store.ObjectKey;
import dev.troupe.engine.store.StoreException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the platform starter kit (model.md §5) into an organization's namespace once, on the
 * first reconcile that has the namespace: each object only if none of that kind and name exists,
 * never updated or re-created afterwards (the {@code StarterKitInstalled} condition records that
 * the decision was made). The store has no multi-object transaction, so "one atomic batch" is
 * approximated by admitting the kit as one batch and creating its objects in admission order; a
 * partial failure is retried and creates only what is still absent.
 */
final class StarterKitInstaller {
  static final String CONDITION = "StarterKitInstalled";

  private final ControllerContext ctx;

  StarterKitInstaller(ControllerContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Installs the kit if it is due; adds its condition and status to {@code draft}. False when the
   * installation failed and is to be retried.
   */
  boolean install(ObjectNode org, StatusDraft draft) {
    JsonNode decided = Conditions.find(org.path("status").path("conditions"), CONDITION);
    if (decided != null && "True".equals(decided.path("status").asText())) {
      JsonNode kit = org.path("status").path("starterKit");
      if (!kit.isMissingNode()) {
        draft.set("starterKit", kit.deepCopy());
      }
      draft.condition(
          CONDITION, "True", decided.path("reason").asText(), decided.path("message").asText());
      return true;
    }
    if (!enabled(org)) {
      draft.condition(CONDITION, true, "Skipped", "spec.starterKit.enabled is false");
      return true;
    }
    String namespace = Meta.name(org);
    AdmissionResult admitted = StarterKit.admit(namespace);
    if (!admitted.accepted()) {
      draft.condition(
          CONDITION,
          false,
          "InstallFailed",
          "the starter kit for " + namespace + " was not admitted: " + admitted.errors());
      return false;
    }
    List<String> created = new ArrayList<>();
    List<String> existed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (AdmittedObject o : admitted.objects()) {
      ObjectKey key = ObjectKey.of(o.tree());
      try {
        ctx.store().create(o.tree());
        created.add(Meta.describe(key));
      } catch (StoreException.AlreadyExists e) {
        existed.add(Meta.describe(key));
      } catch (StoreException e) {
        failed.add(Meta.describe(key) + " (" + e.getMessage() + ")");
      }
    }
    if (!failed.isEmpty()) {
      draft.condition(
          CONDITION, false, "InstallFailed", "not created: " + String.join(", ", failed));
      return false;
    }
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("installedAt", ctx.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString());
    ArrayNode objects = status.putArray("objects");
    created.forEach(objects::add);
    draft.set("starterKit", status);
    draft.condition(
        CONDITION,
        true,
        "Installed",
        "created "
            + created.size()
            + " objects"
            + (existed.isEmpty() ? "" : "; kept existing " + String.join(", ", existed)));
    return true;
  }

  private static boolean enabled(JsonNode org) {
    JsonNode e = org.path("spec").path("starterKit").path("enabled");
    return !(e.isBoolean() && !e.asBoolean());
  }
}
