package dev.troupe.api.kinds.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.digest.ContentDigest;
import dev.troupe.api.kinds.app.AppRefs;
import dev.troupe.api.kinds.app.WorkloadRules;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.model.Owner;
import dev.troupe.api.schema.ObjectSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admission rules shared by ServiceBinding, WebApplicationBinding and ScheduledTaskBinding
 * (model.md §3.18.1, §3.18.5, §3.18.6).
 */
final class BindingRules {
  static final String ARTIFACT_REF = "deployableArtifactRef";
  static final String MANAGED_HINT = "change the Workload and promote, or roll back";

  private BindingRules() {}

  /** Every rule of a component binding whose spec schema is {@code schema}. */
  static void check(ComponentBinding b, BindingKinds k, ObjectSchema schema, AdmissionContext ctx) {
    Owner owner = b.owner();
    boolean create = ctx.operation() == AdmissionContext.Operation.CREATE;
    DeliveryRefs.component(owner, ctx)
        .ifPresent(
            c -> DeliveryRefs.requireType(c, Set.of(k.componentType()), "a " + k.kind(), ctx));
    DeliveryRefs.batch(ctx, "spec.environment", Environment.class, b.environmentName());
    if (create) {
      DeliveryRefs.environmentInPipeline(
          owner.projectName(), b.environmentName(), "spec.environment", ctx);
      checkUnique(b, k, ctx);
    }
    AppRefs.batch(ctx, "spec.className", k.classType(), b.className(), AppRefs.CLASS_HINT);
    WorkloadRules.checkTemplate(b.workloadSpec(), "spec.workloadSpec", k.componentType(), ctx);
    boolean refSupplied = b.deployableArtifactRef() != null;
    checkArtifactRef(b, schema, ctx);
    warnOverrides(b.overrides(), ctx);
    platformManaged(
        owner.projectName(),
        b.environmentName(),
        refSupplied
            ? List.of("className", "workloadSpec", ARTIFACT_REF)
            : List.of("className", "workloadSpec"),
        MANAGED_HINT,
        ctx);
  }

  /** At most one binding of the kind per (component, environment) ({@code Conflict}). */
  private static void checkUnique(ComponentBinding b, BindingKinds k, AdmissionContext ctx) {
    for (ComponentBinding other : ctx.list(k.bindingType())) {
      if (other.name().equals(b.name())
          || other.owner() == null
          || !b.owner().componentName().equals(other.owner().componentName())
          || !b.environmentName().equals(other.environmentName())) {
        continue;
      }
      ctx.reporter()
          .error(
              Rule.Conflict,
              DeliveryRefs.OWNER_COMPONENT,
              "component \""
                  + b.owner().componentName()
                  + "\" already has "
                  + k.kind()
                  + " \""
                  + other.name()
                  + "\" in environment \""
                  + b.environmentName()
                  + "\"",
              "edit that binding, or promote to the environment");
      return;
    }
  }

  /**
   * {@code deployableArtifactRef} is the content address of {@code workloadSpec}: written when
   * absent, {@code ContentMismatch} when different.
   */
  private static void checkArtifactRef(
      ComponentBinding b, ObjectSchema schema, AdmissionContext ctx) {
    JsonNode workload = SpecTrees.spec(ctx).get("workloadSpec");
    if (!(workload instanceof ObjectNode w)) {
      return;
    }
    String expected;
    try {
      expected = ContentDigest.artifactName(b.owner().componentName(), ContentDigest.digest(w));
    } catch (IllegalArgumentException e) {
      return; // not representable: the workload rules report why
    }
    String given = b.deployableArtifactRef();
    if (given == null) {
      SpecTrees.put(ctx, schema, ARTIFACT_REF, TextNode.valueOf(expected));
    } else if (!given.equals(expected)) {
      ctx.reporter()
          .error(
              Rule.ContentMismatch,
              "spec." + ARTIFACT_REF,
              "deployableArtifactRef does not match the digest of workloadSpec",
              "remove deployableArtifactRef to have it set, or use \"" + expected + "\"");
    }
  }

  /** {@code overrides} are reserved: a non-empty map gives {@code IgnoredField}. */
  static void warnOverrides(Map<String, Boolean> overrides, AdmissionContext ctx) {
    if (overrides != null && !overrides.isEmpty()) {
      ctx.reporter()
          .warn(Rule.IgnoredField, "spec.overrides", "overrides is reserved and has no effect");
    }
  }

  /**
   * §3.18.5: in an environment behind an approval-gated edge, only the platform or a platform
   * engineer may set or change {@code fields} ({@code FieldManagedByPlatform}). On create every
   * given field counts as set; on update only a changed one.
   */
  static void platformManaged(
      String project, String environment, List<String> fields, String hint, AdmissionContext ctx) {
    if (ctx.identity().platform() || ctx.identity().isPlatformEngineer()) {
      return;
    }
    if (!DeliveryRefs.gated(project, environment, ctx)) {
      return;
    }
    JsonNode before = SpecTrees.storedSpec(ctx);
    ObjectNode after = SpecTrees.spec(ctx);
    boolean create = ctx.operation() == AdmissionContext.Operation.CREATE;
    for (String field : fields) {
      JsonNode now = after.get(field);
      boolean written = create ? now != null : SpecTrees.differ(before.get(field), now);
      if (written) {
        String path = FieldPath.child("spec", field);
        ctx.reporter()
            .error(
                Rule.FieldManagedByPlatform,
                path,
                path + " is managed by the platform (claim controller, promotion or rollback)",
                hint);
      }
    }
  }
}
