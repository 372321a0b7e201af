package dev.troupe.render.connection;

import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.kinds.app.Endpoint;
import dev.troupe.api.kinds.app.Project;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointAccess;
import dev.troupe.api.kinds.delivery.BindingStatus.EndpointStatus;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.Snapshot;
import dev.troupe.render.gateway.EndpointAccesses;
import java.util.Optional;

/**
 * The six checks of rendering.md §6.2, in order, for a connection of a binding in project {@code P}
 * and environment {@code E} of the snapshot's namespace to {@code (TP, TC, TE)}.
 */
final class TargetLookup {
  static final String COMPONENT_NOT_FOUND = "ComponentNotFound";
  static final String ENVIRONMENT_NOT_IN_TARGET_PIPELINE = "EnvironmentNotInTargetPipeline";
  static final String BINDING_NOT_FOUND = "BindingNotFound";
  static final String BINDING_UNDEPLOYED = "BindingUndeployed";
  static final String ENDPOINT_NOT_FOUND = "EndpointNotFound";
  static final String NOT_EXPOSED = "NotExposedAtOrganizationLevel";

  private final Snapshot snapshot;
  private final GatewaySettings gateway;
  private final String project;
  private final String environment;

  TargetLookup(Snapshot snapshot, GatewaySettings gateway, String project, String environment) {
    this.snapshot = snapshot;
    this.gateway = gateway;
    this.project = project;
    this.environment = environment;
  }

  /** Memo key: one target as seen from one project and environment (and its gateway). */
  private record Key(
      String project,
      String environment,
      GatewaySettings gateway,
      String tp,
      String tc,
      String te) {}

  /**
   * The first failing row as pending, or the resolved target and its address; once per snapshot for
   * each project, environment and target, since the components of a project share targets.
   */
  Resolution resolve(String tp, String tc, String te) {
    return snapshot.memo(
        new Key(project, environment, gateway, tp, tc, te), () -> lookUp(tp, tc, te));
  }

  private Resolution lookUp(String tp, String tc, String te) {
    boolean cross = !project.equals(tp);
    String subject = "component \"" + tc + "\" of project \"" + tp + "\"";
    if (snapshot.find(Component.class, tc).filter(c -> tp.equals(c.projectName())).isEmpty()) {
      return new Resolution.Pending(COMPONENT_NOT_FOUND, subject + " not found");
    }
    if (cross && !inPipelineOf(tp)) {
      return new Resolution.Pending(
          ENVIRONMENT_NOT_IN_TARGET_PIPELINE,
          "environment \"" + environment + "\" is not in the pipeline of project \"" + tp + "\"");
    }
    Optional<ComponentBinding> found = binding(tp, tc);
    if (found.isEmpty()) {
      return new Resolution.Pending(
          BINDING_NOT_FOUND, subject + " has no binding in environment \"" + environment + "\"");
    }
    ComponentBinding target = found.get();
    if (Binding.UNDEPLOY.equals(target.releaseState())) {
      return new Resolution.Pending(
          BINDING_UNDEPLOYED, subject + " is undeployed in environment \"" + environment + "\"");
    }
    Endpoint endpoint =
        target.workloadSpec() == null ? null : target.workloadSpec().endpointsOrEmpty().get(te);
    if (endpoint == null) {
      return new Resolution.Pending(
          ENDPOINT_NOT_FOUND, "component \"" + tc + "\" has no endpoint \"" + te + "\"");
    }
    EndpointStatus status =
        EndpointAccesses.of(target, gateway, snapshot).stream()
            .filter(s -> s.name().equals(te))
            .findFirst()
            .orElseThrow();
    EndpointAccess address = cross ? status.organization() : status.project();
    if (address == null) {
      return new Resolution.Pending(
          NOT_EXPOSED,
          "endpoint \""
              + te
              + "\" of component \""
              + tc
              + "\" in project \""
              + tp
              + "\" is not exposed at Organization level");
    }
    return new Resolution.Resolved(target, endpoint, address);
  }

  /** Row 2: {@code E} is an environment of the pipeline of project {@code tp}. */
  private boolean inPipelineOf(String tp) {
    return snapshot
        .find(Project.class, tp)
        .flatMap(p -> snapshot.find(DeploymentPipeline.class, p.deploymentPipelineName()))
        .map(p -> p.contains(environment))
        .orElse(false);
  }

  /** Row 3: the Service or WebApplication binding of {@code (tp, tc)} in {@code E}. */
  private Optional<ComponentBinding> binding(String tp, String tc) {
    return snapshot.servingBindings(tp, tc, environment).stream().findFirst();
  }
}
