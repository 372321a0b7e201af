package dev.troupe.api.kinds.app;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.model.Owner;
import java.util.Optional;
import java.util.Set;

/**
 * The owner rules of Workload, claims and API (model.md §2.8): Batch references to the Project and
 * the Component, the Component's project must be the owner's project, and its type must be one the
 * kind accepts.
 */
public final class OwnerRules {
  static final String PROJECT_PATH = "spec.owner.projectName";
  static final String COMPONENT_PATH = "spec.owner.componentName";

  private OwnerRules() {}

  /**
   * Checks {@code spec.owner}; returns the Component when it exists.
   *
   * @param allowedTypes the component types the kind accepts
   * @param requirement the end of the type message, e.g. {@code a WebApplication claim requires
   *     type WebApplication}
   */
  public static Optional<Component> check(
      AdmissionContext ctx, Owner owner, Set<String> allowedTypes, String requirement) {
    if (owner == null) {
      return Optional.empty();
    }
    AppRefs.batch(ctx, PROJECT_PATH, Project.class, owner.projectName());
    Optional<Component> component =
        AppRefs.batch(ctx, COMPONENT_PATH, Component.class, owner.componentName());
    component.ifPresent(
        c -> {
          String project = c.projectName();
          if (project != null && !project.equals(owner.projectName())) {
            ctx.reporter()
                .error(
                    Rule.InvalidReference,
                    PROJECT_PATH,
                    "component \""
                        + c.name()
                        + "\" belongs to project \""
                        + project
                        + "\", not \""
                        + owner.projectName()
                        + "\"");
          }
          if (c.type() != null && !allowedTypes.contains(c.type())) {
            ctx.reporter()
                .error(
                    Rule.InvalidReference,
                    COMPONENT_PATH,
                    "component \"" + c.name() + "\" has type " + c.type() + "; " + requirement);
          }
        });
    return component;
  }
}
