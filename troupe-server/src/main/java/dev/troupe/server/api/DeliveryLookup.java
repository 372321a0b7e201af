package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.app.Component;
import dev.troupe.api.kinds.app.Project;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.engine.store.Store;
import dev.troupe.server.auth.Authorizer;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Scope;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the delivery endpoints resolve from <b>stored</b> objects before they decide anything: the
 * Component named by the path (and the project it really belongs to), its binding in an
 * environment, the project's pipeline, and the permission checks in the scope those objects give
 * (never in one named only by the caller, CVE-2026-73841).
 */
final class DeliveryLookup {
  static final String COMPONENT = "Component";
  static final String PROJECT = "Project";
  static final String PIPELINE = "DeploymentPipeline";
  static final String PROMOTION = "Promotion";
  static final String ARTIFACT = "DeployableArtifact";

  private final Store store;

  DeliveryLookup(Store store) {
    this.store = store;
  }

  Store store() {
    return store;
  }

  /**
   * A Component as stored, with the project it belongs to.
   *
   * @param tree the stored Component
   * @param project the project of its {@code spec.owner}
   * @param kind the binding kind of its type, empty for types without a runtime
   */
  record StoredComponent(
      String org, String name, String project, ObjectNode tree, Optional<BindingKinds> kind) {
    Scope scope() {
      return Scope.project(org, project);
    }

    Scope scope(String environment) {
      return new Scope(org, project, environment);
    }
  }

  /**
   * The Component of a component-scoped path, after the caller's READ permission in the
   * organization: 404 PROJECT_NOT_FOUND when the path's project does not exist, 404
   * COMPONENT_NOT_FOUND when the component does not exist or belongs to another project.
   */
  StoredComponent component(Principal p, String org, String project, String component) {
    require(p, Permission.READ, Scope.org(org));
    Optional<ObjectNode> found = store.find(COMPONENT, org, component);
    String owner =
        found.map(t -> t.path("spec").path("owner").path("projectName").asText("")).orElse("");
    if (found.isEmpty() || !owner.equals(project)) {
      if (store.find(PROJECT, org, project).isEmpty()) {
        throw new ApiException(
            404,
            "PROJECT_NOT_FOUND",
            "Project \"" + project + "\" not found in organization " + org);
      }
      throw new ApiException(
          404,
          "COMPONENT_NOT_FOUND",
          "Component \""
              + component
              + "\" not found in project \""
              + project
              + "\" of organization "
              + org
              + (owner.isEmpty() ? "" : " (it belongs to project \"" + owner + "\")"));
    }
    ObjectNode tree = found.get();
    Component c = Codec.bind(tree, Component.class);
    Optional<BindingKinds> kind =
        c.spec() == null ? Optional.empty() : BindingKinds.ofComponentType(c.spec().type());
    return new StoredComponent(org, component, owner, tree, kind);
  }

  /** The component's bindings (of its binding kind), by environment then name. */
  List<ObjectNode> bindings(StoredComponent c) {
    if (c.kind().isEmpty()) {
      return List.of();
    }
    return store.list(c.kind().get().kind(), c.org()).items().stream()
        .filter(b -> c.name().equals(b.path("spec").path("owner").path("componentName").asText()))
        .sorted(
            Comparator.comparing((ObjectNode b) -> environment(b))
                .thenComparing(b -> b.path("metadata").path("name").asText()))
        .toList();
  }

  /**
   * The component's one live binding in {@code environment}: 404 BINDING_NOT_FOUND when there is
   * none, 409 AMBIGUOUS_BINDING when there are several.
   */
  ObjectNode binding(StoredComponent c, String environment) {
    List<ObjectNode> inEnv =
        bindings(c).stream().filter(b -> environment.equals(environment(b))).toList();
    List<ObjectNode> live = inEnv.stream().filter(b -> !terminating(b)).toList();
    List<ObjectNode> candidates = live.isEmpty() ? inEnv : live;
    if (candidates.isEmpty()) {
      throw new ApiException(
          404,
          "BINDING_NOT_FOUND",
          c.kind().map(BindingKinds::kind).orElse("binding")
              + " of component \""
              + c.name()
              + "\" in environment \""
              + environment
              + "\" not found in organization "
              + c.org()
              + (c.kind().isEmpty() ? " (its component type has no binding kind)" : ""));
    }
    if (candidates.size() > 1) {
      throw new ApiException(
          409,
          "AMBIGUOUS_BINDING",
          "component \""
              + c.name()
              + "\" has "
              + candidates.size()
              + " "
              + c.kind().get().kind()
              + "s in environment \""
              + environment
              + "\": "
              + String.join(", ", candidates.stream().map(DeliveryLookup::name).toList()));
    }
    return candidates.get(0);
  }

  /** The DeploymentPipeline of the stored project, if both exist. */
  Optional<DeploymentPipeline> pipeline(String org, String project) {
    return store
        .find(PROJECT, org, project)
        .map(t -> Codec.bind(t, Project.class).deploymentPipelineName())
        .flatMap(name -> store.find(PIPELINE, org, name))
        .map(t -> Codec.bind(t, DeploymentPipeline.class));
  }

  /**
   * The strictest gate of the edges that lead into {@code environment} in the project's pipeline
   * (delivery.md §3.4 rule 5).
   */
  DeploymentPipeline.Gate gateInto(String org, String project, String environment) {
    DeploymentPipeline.Gate gate = DeploymentPipeline.Gate.NONE;
    Optional<DeploymentPipeline> pipeline = pipeline(org, project);
    if (pipeline.isEmpty()) {
      return gate;
    }
    for (DeploymentPipeline.PromotionPath path : pipeline.get().pathsOrEmpty()) {
      for (DeploymentPipeline.Target t : path.targetsOrEmpty()) {
        if (environment.equals(t.name()) && t.gate().ordinal() > gate.ordinal()) {
          gate = t.gate();
        }
      }
    }
    return gate;
  }

  /**
   * Tells the request's {@code api.<method>} audit record what it acted on, as resolved from stored
   * objects.
   */
  static void audited(Context ctx, Scope scope, String component, String kind, String name) {
    ApiAudit.subject(ctx).scope(scope, component).target(kind, name);
  }

  /** 403 FORBIDDEN unless {@code p} holds {@code permission} in {@code scope}. */
  static void require(Principal p, Permission permission, Scope scope) {
    if (!Authorizer.allowed(p, permission, scope)) {
      throw forbidden(Authorizer.denial(p, permission, scope));
    }
  }

  static ApiException forbidden(String detail) {
    return new ApiException(403, "FORBIDDEN", detail);
  }

  static String environment(JsonNode binding) {
    return binding.path("spec").path("environment").asText("");
  }

  static String name(JsonNode tree) {
    return tree.path("metadata").path("name").asText();
  }

  static boolean terminating(JsonNode tree) {
    JsonNode d = tree.path("metadata").path("deletionTimestamp");
    return d.isTextual() && !d.asText().isEmpty();
  }
}
