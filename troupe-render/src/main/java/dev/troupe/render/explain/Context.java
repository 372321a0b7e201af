package dev.troupe.render.explain;

import dev.troupe.api.kinds.app.WorkloadTemplate;
import dev.troupe.api.kinds.classes.WorkloadClass;
import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.api.model.Owner;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.Snapshot;
import java.util.Optional;

/**
 * The inputs of one binding's rendering, looked up the way the renderer does (rendering.md §0.2),
 * and the wording of references to them ({@code ServiceBinding "greeter-service" spec.…}).
 *
 * @param gateway the gateway settings, null when the Environment or DataPlane is missing
 */
record Context(
    Binding binding,
    Snapshot snapshot,
    Cell cell,
    Optional<Environment> environment,
    Optional<DataPlane> dataPlane,
    GatewaySettings gateway,
    Optional<WorkloadClass> workloadClass) {

  static Context of(Binding binding, Snapshot snapshot) {
    Owner owner = binding.owner() == null ? new Owner("", "") : binding.owner();
    String env = binding.environmentName() == null ? "" : binding.environmentName();
    Cell cell = new Cell(binding.namespace(), owner.projectName(), env, owner.componentName());
    Optional<Environment> environment = snapshot.find(Environment.class, env);
    Optional<DataPlane> dataPlane =
        environment.flatMap(e -> snapshot.find(DataPlane.class, e.dataPlaneName()));
    GatewaySettings gateway =
        environment.isPresent()
                && dataPlane.isPresent()
                && dataPlane.get().spec() != null
                && dataPlane.get().spec().gateway() != null
            ? GatewaySettings.of(environment.get(), dataPlane.get())
            : null;
    Optional<WorkloadClass> workloadClass = Optional.empty();
    if (binding instanceof ComponentBinding c) {
      workloadClass =
          snapshot
              .find(BindingKinds.ofBinding(c.getClass()).classType(), c.className())
              .filter(WorkloadClass.class::isInstance)
              .map(WorkloadClass.class::cast);
    }
    return new Context(binding, snapshot, cell, environment, dataPlane, gateway, workloadClass);
  }

  /** The binding's kind, e.g. {@code ServiceBinding}. */
  String kind() {
    return binding.kind() != null ? binding.kind() : binding.getClass().getSimpleName();
  }

  /** {@code ServiceBinding "greeter-service"}. */
  String ref() {
    return kind() + " \"" + binding.name() + "\"";
  }

  /** {@code ServiceBinding "greeter-service" <path>}. */
  String field(String path) {
    return ref() + " " + path;
  }

  /** {@code ServiceBinding "greeter-service" spec.workloadSpec.<path>}. */
  String workloadField(String path) {
    return field("spec.workloadSpec." + path);
  }

  /** The binding's workload snapshot; null for an APIBinding. */
  WorkloadTemplate workload() {
    return binding instanceof ComponentBinding c ? c.workloadSpec() : null;
  }

  String environmentName() {
    return cell.environment();
  }

  /** {@code ServiceClass "go-service-standard"}, or the class reference even when missing. */
  String classRef() {
    String kind =
        binding instanceof ComponentBinding c
            ? BindingKinds.ofBinding(c.getClass()).classType().getSimpleName()
            : "Class";
    String name = binding instanceof ComponentBinding c ? c.className() : "";
    return kind + " \"" + name + "\"";
  }

  String dataPlaneRef() {
    return "DataPlane \""
        + dataPlane
            .map(DataPlane::name)
            .orElse(environment.map(Environment::dataPlaneName).orElse(""))
        + "\"";
  }

  String environmentRef() {
    return "Environment \"" + environmentName() + "\"";
  }

  /**
   * A DataPlane field: {@code DataPlane "default" spec.<field>}, marked as the renderer default of
   * {@code section} when unset.
   */
  String dataPlaneField(String field, boolean set, String section) {
    String ref = dataPlaneRef() + " spec." + field;
    return set ? ref : ref + " (unset: renderer default, rendering.md §" + section + ")";
  }

  /** The DataPlane's spec, or null. */
  DataPlane.Spec dataPlaneSpec() {
    return dataPlane.map(DataPlane::spec).orElse(null);
  }

  /**
   * The source of label {@code key} of {@code L(b)} (rendering.md §2.2), or null for another key.
   */
  String label(String key) {
    String field = labelField(key, binding instanceof APIBinding);
    return field == null ? null : "L(b): " + field(field);
  }

  /** The binding field that label {@code key} of {@code L} comes from, or null. */
  static String labelField(String key, boolean apiBinding) {
    return switch (key) {
      case "organization-name" -> "metadata.namespace";
      case "project-name" -> "spec.owner.projectName";
      case "environment-name" -> apiBinding ? "spec.environmentName" : "spec.environment";
      case "component-name" -> "spec.owner.componentName";
      default -> null;
    };
  }
}
