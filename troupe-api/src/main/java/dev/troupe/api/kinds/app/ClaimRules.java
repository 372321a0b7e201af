package dev.troupe.api.kinds.app;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.Field;
import dev.troupe.api.schema.MapSchema;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the Service, WebApplication and ScheduledTask claims share (model.md §3.10–§3.12): their
 * leading spec members and the rules on owner, Workload, class and overrides.
 */
final class ClaimRules {
  private ClaimRules() {}

  /**
   * {@code owner}, {@code workloadName}, {@code className} (default {@code default}), {@code
   * overrides}.
   */
  static Field[] commonFields() {
    return new Field[] {
      req("owner", AppSchemas.OWNER),
      req("workloadName", AppSchemas.label()),
      req("className", AppSchemas.subdomain()).defaultTo(AppSchemas.DEFAULT_CLASS),
      opt("overrides", MapSchema.of(BooleanSchema.bool()))
    };
  }

  /** The result of the common checks: the Workload when it exists and belongs to the owner. */
  record Resolved(Optional<Component> component, Optional<Workload> workload) {}

  /** Checks owner, uniqueness, Workload, class reference and overrides of a claim. */
  static Resolved check(Claim claim, Class<? extends Resource> classType, AdmissionContext ctx) {
    String kind = claim.componentType();
    Optional<Component> component =
        OwnerRules.check(
            ctx,
            claim.owner(),
            Set.of(kind),
            article(kind) + " " + kind + " claim requires type " + kind);
    checkOneClaim(claim, ctx);
    Optional<Workload> workload = checkWorkload(claim, ctx);
    AppRefs.batch(ctx, "spec.className", classType, claim.className(), AppRefs.CLASS_HINT);
    if (claim.overrides() != null && !claim.overrides().isEmpty()) {
      ctx.reporter()
          .warn(Rule.IgnoredField, "spec.overrides", "overrides is reserved and has no effect");
    }
    return new Resolved(component, workload);
  }

  private static String article(String word) {
    return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  /** The admission index of claims by owning component. */
  private static final String OWNER_INDEX = "owner.componentName";

  private static String componentOf(Claim c) {
    return c.owner() == null ? null : c.owner().componentName();
  }

  /** One claim per component across the three claim kinds ({@code Conflict}). */
  private static void checkOneClaim(Claim claim, AdmissionContext ctx) {
    Owner owner = claim.owner();
    if (owner == null || owner.componentName() == null) {
      return;
    }
    Stream.of(Service.class, WebApplication.class, ScheduledTask.class)
        .flatMap(
            t ->
                ctx
                    .listWhere(t, OWNER_INDEX, ClaimRules::componentOf, owner.componentName())
                    .stream()
                    .map(Claim.class::cast))
        .filter(c -> !(c.getClass() == claim.getClass() && c.name().equals(claim.name())))
        .findFirst()
        .ifPresent(
            other ->
                ctx.reporter()
                    .error(
                        Rule.Conflict,
                        OwnerRules.COMPONENT_PATH,
                        "component \""
                            + owner.componentName()
                            + "\" already has "
                            + other.componentType()
                            + " claim \""
                            + other.name()
                            + "\"",
                        "a component has exactly one claim"));
  }

  /** The Workload reference and its owner; returns the Workload when it belongs to the claim. */
  private static Optional<Workload> checkWorkload(Claim claim, AdmissionContext ctx) {
    Optional<Workload> workload =
        AppRefs.batch(ctx, "spec.workloadName", Workload.class, claim.workloadName());
    Owner owner = claim.owner();
    if (workload.isEmpty() || owner == null || workload.get().owner() == null) {
      return workload;
    }
    Owner wOwner = workload.get().owner();
    String wl = "Workload \"" + workload.get().name() + "\" belongs to ";
    if (!eq(wOwner.componentName(), owner.componentName())) {
      ctx.reporter()
          .error(
              Rule.InvalidReference,
              "spec.workloadName",
              wl
                  + "component \""
                  + wOwner.componentName()
                  + "\", not \""
                  + owner.componentName()
                  + "\"");
      return Optional.empty();
    }
    if (!eq(wOwner.projectName(), owner.projectName())) {
      ctx.reporter()
          .error(
              Rule.InvalidReference,
              "spec.workloadName",
              wl + "project \"" + wOwner.projectName() + "\", not \"" + owner.projectName() + "\"");
      return Optional.empty();
    }
    return workload;
  }

  private static boolean eq(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
