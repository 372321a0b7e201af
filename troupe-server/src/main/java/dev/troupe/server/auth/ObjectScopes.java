package dev.troupe.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Set;

/**
 * Where an object lives for access control, and which permission writing it takes: the one place
 * that maps a kind and an object tree to a {@link Scope} and a {@link Permission}
 * (docs/access-control.md).
 *
 * <p>The tree must be the <b>stored</b> object for updates, deletes and status writes, and the
 * admitted new object for creates (whose {@code spec.owner} admission verified), never a value the
 * caller only named in a path or query.
 *
 * <ul>
 *   <li>Organization: the organization is the object's own name.
 *   <li>Project: the project is its own name; other project kinds: {@code spec.owner.projectName}.
 *   <li>Environment: {@code spec.environment} (the component bindings), {@code
 *       spec.environmentName} (APIBinding, Release), {@code spec.targetEnvironment} (Promotion); an
 *       Environment is the environment it defines.
 *   <li>Kinds that are neither platform nor project kinds take {@link Permission#WRITE_PLATFORM}: a
 *       kind added later is closed until it is classified here.
 * </ul>
 */
public final class ObjectScopes {
  /** The kinds platform engineers write. */
  public static final Set<String> PLATFORM_KINDS =
      Set.of(
          "Organization",
          "DataPlane",
          "BuildPlane",
          "Environment",
          "DeploymentPipeline",
          "ConfigurationGroup",
          "ServiceClass",
          "WebApplicationClass",
          "ScheduledTaskClass",
          "APIClass",
          "GitCommitRequest",
          "DeployableArtifact",
          "Event");

  /** The kinds developers write in their projects. */
  public static final Set<String> PROJECT_KINDS =
      Set.of(
          "Project",
          "Component",
          "Workload",
          "Service",
          "WebApplication",
          "ScheduledTask",
          "API",
          "ServiceBinding",
          "WebApplicationBinding",
          "ScheduledTaskBinding",
          "APIBinding",
          "Release",
          "Build");

  /** Requested by developers, decided by approvers (delivery.md §3). */
  public static final String PROMOTION = "Promotion";

  private static final String ORGANIZATION = "Organization";

  private ObjectScopes() {}

  /**
   * The scope of {@code tree}, an object of {@code kind} in {@code namespace} ("" for
   * cluster-scoped kinds).
   */
  public static Scope of(String kind, String namespace, JsonNode tree) {
    JsonNode spec = tree == null ? MissingNode.getInstance() : tree.path("spec");
    String name = tree == null ? "" : tree.path("metadata").path("name").asText("");
    String org = kind.equals(ORGANIZATION) ? name : namespace;
    return new Scope(org, project(kind, name, spec), environment(kind, name, spec));
  }

  /** The component an object belongs to (its own name for a Component), or null. */
  public static String component(String kind, JsonNode tree) {
    if (tree == null) {
      return null;
    }
    if (kind.equals("Component")) {
      return blankToNull(tree.path("metadata").path("name").asText(""));
    }
    if (PROJECT_KINDS.contains(kind) || kind.equals(PROMOTION)) {
      return blankToNull(tree.path("spec").path("owner").path("componentName").asText(""));
    }
    return null;
  }

  /** The permission creating an object of {@code kind} takes. */
  public static Permission toCreate(String kind) {
    return kind.equals(PROMOTION) ? Permission.REQUEST_PROMOTION : toWrite(kind);
  }

  /** The permission replacing, patching or deleting an object of {@code kind} takes. */
  public static Permission toWrite(String kind) {
    if (PROJECT_KINDS.contains(kind) || kind.equals(PROMOTION)) {
      return Permission.WRITE_PROJECT;
    }
    return Permission.WRITE_PLATFORM;
  }

  /** The permission writing an object's status takes: the platform's controllers write status. */
  public static Permission toWriteStatus(String kind) {
    return Permission.WRITE_PLATFORM;
  }

  private static String project(String kind, String name, JsonNode spec) {
    if (kind.equals("Project")) {
      return blankToNull(name);
    }
    if (PROJECT_KINDS.contains(kind) || kind.equals(PROMOTION)) {
      return blankToNull(spec.path("owner").path("projectName").asText(""));
    }
    return null;
  }

  private static String environment(String kind, String name, JsonNode spec) {
    String env =
        switch (kind) {
          case "Environment" -> name;
          case "ServiceBinding", "WebApplicationBinding", "ScheduledTaskBinding" ->
              spec.path("environment").asText("");
          case "APIBinding", "Release" -> spec.path("environmentName").asText("");
          case PROMOTION -> spec.path("targetEnvironment").asText("");
          default -> "";
        };
    return blankToNull(env);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
