package dev.troupe.api.kinds.app;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.ObjectSchema;
import java.util.List;
import java.util.Optional;

/** Schema and rules of {@link Workload} (model.md §3.9). */
public final class WorkloadKind {
  static final ObjectSchema SPEC = WorkloadSchemas.withOwner(AppSchemas.OWNER);

  public static final KindDef DEF =
      KindDef.namespaced("Workload", "workloads", 10, SPEC, Workload.class)
          .shortNames("wl")
          .immutable("spec.owner")
          .rules(Workload.class, WorkloadKind::check)
          .columns(
              KindDef.column("Component", "string", ".spec.owner.componentName"),
              KindDef.column("Main", "string", ".status.mainContainer"),
              KindDef.column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"))
          .describe("The runtime contract of a component: containers, endpoints, connections.");

  private WorkloadKind() {}

  static void check(Workload workload, AdmissionContext ctx) {
    Optional<Component> component =
        OwnerRules.check(
            ctx,
            workload.owner(),
            Component.RUNTIME_TYPES,
            "a Workload requires type Service, WebApplication or ScheduledTask");
    String componentName = workload.componentName();
    List<Workload> sameComponent =
        componentName == null
            ? List.of()
            : ctx.listWhere(
                Workload.class, "componentName", Workload::componentName, componentName);
    sameComponent.stream()
        .filter(w -> !w.name().equals(workload.name()))
        .findFirst()
        .ifPresent(
            other ->
                ctx.reporter()
                    .error(
                        Rule.Conflict,
                        OwnerRules.COMPONENT_PATH,
                        "component \""
                            + componentName
                            + "\" already has Workload \""
                            + other.name()
                            + "\""));
    String type =
        component.map(Component::type).filter(Component.RUNTIME_TYPES::contains).orElse(null);
    WorkloadRules.checkTemplate(workload.template(), "spec", type, ctx);
  }
}
