package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.app.API;
import dev.troupe.api.kinds.app.AppRefs;
import dev.troupe.api.kinds.app.ServiceApiRules;
import dev.troupe.api.kinds.app.ServiceApiSchemas;
import dev.troupe.api.kinds.app.Workload;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.model.Owner;
import dev.troupe.api.schema.ObjectSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Schema and rules of {@link APIBinding} (model.md §3.21). */
public final class APIBindingKind {
  static final String MANAGED_HINT = "change the API claim, or ask a platform engineer";

  static final ObjectSchema SPEC =
      ObjectSchema.of(
          req("apiName", DeliverySchemas.label()),
          req("apiClassName", DeliverySchemas.subdomain()),
          req("environmentName", DeliverySchemas.label()),
          opt("owner", DeliverySchemas.OWNER),
          opt("apiSpec", ServiceApiSchemas.API_SPEC),
          DeliverySchemas.releaseState(),
          DeliverySchemas.revisionHistoryLimit());

  public static final KindDef DEF =
      KindDef.namespaced("APIBinding", "apibindings", 12, SPEC, APIBinding.class)
          .immutable(
              "spec.apiName", "spec.environmentName|promote to the other environment instead")
          .rules(APIBinding.class, APIBindingKind::check)
          .columns(
              KindDef.column("API", "string", ".spec.apiName"),
              KindDef.column("Environment", "string", ".spec.environmentName"),
              KindDef.column("Class", "string", ".spec.apiClassName"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("A managed API in one environment.");

  private APIBindingKind() {}

  static void check(APIBinding b, AdmissionContext ctx) {
    APIBinding.Spec spec = b.spec();
    boolean create = ctx.operation() == AdmissionContext.Operation.CREATE;
    Optional<API> api = DeliveryRefs.batch(ctx, "spec.apiName", API.class, spec.apiName());
    Owner owner = owner(b, api, ctx);
    if (owner != null && spec.owner() != null) {
      DeliveryRefs.component(owner, ctx);
    }
    AppRefs.batch(
        ctx, "spec.apiClassName", APIClass.class, spec.apiClassName(), AppRefs.CLASS_HINT);
    DeliveryRefs.batch(ctx, "spec.environmentName", Environment.class, spec.environmentName());
    String project = owner == null ? null : owner.projectName();
    if (create) {
      DeliveryRefs.environmentInPipeline(
          project, spec.environmentName(), "spec.environmentName", ctx);
      checkUnique(b, ctx);
    }
    if (spec.apiSpec() != null) {
      Optional<Workload> workload =
          owner == null
              ? Optional.empty()
              : ctx.list(Workload.class).stream()
                  .filter(w -> owner.componentName().equals(w.componentName()))
                  .findFirst();
      ServiceApiRules.checkDefinition(
          spec.apiName(),
          spec.apiSpec().type(),
          spec.apiSpec().rest(),
          "spec.apiSpec",
          workload.map(Workload::template).orElse(null),
          workload.map(Workload::name).orElse(null),
          ctx);
    }
    BindingRules.platformManaged(
        project, spec.environmentName(), List.of("apiClassName", "apiSpec"), MANAGED_HINT, ctx);
  }

  /**
   * The owner: kept from the stored version on update ({@code Immutable} if changed), else copied
   * from the API when absent ({@code InvalidReference} when it differs from the API's).
   */
  private static Owner owner(APIBinding b, Optional<API> api, AdmissionContext ctx) {
    Owner given = b.spec().owner();
    if (ctx.operation() == AdmissionContext.Operation.UPDATE && ctx.stored().isPresent()) {
      Owner stored = ((APIBinding) ctx.stored().get()).owner();
      if (given == null && stored != null) {
        setOwner(stored, ctx);
        return stored;
      }
      if (stored != null && !stored.equals(given)) {
        ctx.reporter().error(Rule.Immutable, "spec.owner", "field is immutable");
      }
      return given;
    }
    Owner fromApi = api.map(API::owner).orElse(null);
    if (given == null) {
      if (fromApi != null) {
        setOwner(fromApi, ctx);
      }
      return fromApi;
    }
    if (fromApi != null && !fromApi.equals(given)) {
      ctx.reporter()
          .error(
              Rule.InvalidReference,
              "spec.owner",
              "owner must equal the owner of API \""
                  + b.spec().apiName()
                  + "\" (project \""
                  + fromApi.projectName()
                  + "\", component \""
                  + fromApi.componentName()
                  + "\")",
              "omit spec.owner to have it copied from the API");
    }
    return given;
  }

  /** Writes {@code spec.owner} and the project and component labels derived from it. */
  private static void setOwner(Owner owner, AdmissionContext ctx) {
    SpecTrees.put(ctx, SPEC, "owner", Codec.toTree(owner));
    ObjectNode meta = (ObjectNode) ctx.tree().get("metadata");
    ObjectNode labels = meta.get("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
    ObjectNode ordered = labels.objectNode();
    boolean added = false;
    for (var e : labels.properties()) {
      ordered.set(e.getKey(), e.getValue());
      if (e.getKey().equals(SpecTrees.ORGANIZATION_LABEL)) {
        added = addOwnerLabels(ordered, labels, owner, ctx);
      }
    }
    if (!added) {
      addOwnerLabels(ordered, labels, owner, ctx);
    }
    meta.set("labels", ordered);
  }

  private static boolean addOwnerLabels(
      ObjectNode out, ObjectNode labels, Owner owner, AdmissionContext ctx) {
    label(out, labels, SpecTrees.PROJECT_LABEL, owner.projectName(), ctx);
    label(out, labels, SpecTrees.COMPONENT_LABEL, owner.componentName(), ctx);
    return true;
  }

  private static void label(
      ObjectNode out, ObjectNode labels, String key, String expected, AdmissionContext ctx) {
    JsonNode actual = labels.get(key);
    if (actual != null && !Objects.equals(actual.asText(), expected)) {
      ctx.reporter()
          .error(
              Rule.LabelMismatch,
              FieldPath.child("metadata.labels", key),
              "label " + key + " must be \"" + expected + "\", got \"" + actual.asText() + "\"");
    }
    out.put(key, expected);
  }

  /** At most one APIBinding per (API, environment) ({@code Conflict}). */
  private static void checkUnique(APIBinding b, AdmissionContext ctx) {
    for (APIBinding other : ctx.list(APIBinding.class)) {
      if (!other.name().equals(b.name())
          && Objects.equals(other.spec().apiName(), b.spec().apiName())
          && Objects.equals(other.environmentName(), b.environmentName())) {
        ctx.reporter()
            .error(
                Rule.Conflict,
                "spec.environmentName",
                "API \""
                    + b.spec().apiName()
                    + "\" already has APIBinding \""
                    + other.name()
                    + "\" in environment \""
                    + b.environmentName()
                    + "\"");
        return;
      }
    }
  }
}
