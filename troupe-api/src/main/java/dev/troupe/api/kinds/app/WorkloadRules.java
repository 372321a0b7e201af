package dev.troupe.api.kinds.app;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.kinds.platform.ConfigurationGroup;
import dev.troupe.api.schema.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The semantic rules of a workload template (model.md §3.9, §2.12.2–§2.12.4) shared by Workload,
 * the bindings' {@code workloadSpec} and DeployableArtifact {@code workload}: ConfigurationGroup
 * references and keys, connection templates and injected names, the main container, and the rules
 * that depend on the component type.
 */
public final class WorkloadRules {
  private WorkloadRules() {}

  /**
   * Checks every cross-field and cross-object rule of {@code template}, whose tree is at {@code
   * path} (e.g. {@code spec}, {@code spec.workloadSpec}).
   *
   * @param componentTypeOrNull the owning component's type when known ({@code WebApplication}
   *     limits HTTP endpoints, {@code ScheduledTask} ignores endpoints)
   */
  public static void checkTemplate(
      WorkloadTemplate template, String path, String componentTypeOrNull, AdmissionContext ctx) {
    if (template == null) {
      return;
    }
    checkMainContainer(template, path, ctx);
    template
        .containersOrEmpty()
        .forEach(
            (name, c) ->
                checkConfigurationRefs(
                    c, FieldPath.child(FieldPath.child(path, "containers"), name), ctx));
    checkConnections(template, path, ctx);
    checkEndpointsForType(template, path, componentTypeOrNull, ctx);
  }

  private static void checkMainContainer(
      WorkloadTemplate template, String path, AdmissionContext ctx) {
    Map<String, Container> containers = template.containersOrEmpty();
    if (containers.size() > 1 && !containers.containsKey(WorkloadTemplate.MAIN)) {
      ctx.reporter()
          .warn(
              Rule.NoMainContainerKey,
              FieldPath.child(path, "containers"),
              "several containers and none is keyed \"main\"; the first container \""
                  + template.mainContainerName()
                  + "\" is the main container",
              "key the application container \"main\"");
    }
  }

  private static void checkConfigurationRefs(Container c, String path, AdmissionContext ctx) {
    List<EnvVar> env = c.envOrEmpty();
    for (int i = 0; i < env.size(); i++) {
      ValueFrom vf = env.get(i).valueFrom();
      if (vf != null && vf.configurationGroupRef() != null) {
        String at = FieldPath.child(FieldPath.index(FieldPath.child(path, "env"), i), "valueFrom");
        groupKey(ctx, FieldPath.child(at, "configurationGroupRef"), vf.configurationGroupRef());
      }
    }
    List<EnvFromSource> envFrom = c.envFromOrEmpty();
    for (int i = 0; i < envFrom.size(); i++) {
      if (envFrom.get(i).groupName() != null) {
        String at = FieldPath.index(FieldPath.child(path, "envFrom"), i);
        group(
            ctx, nameAt(FieldPath.child(at, "configurationGroupRef")), envFrom.get(i).groupName());
      }
    }
    List<FileMount> mounts = c.fileMountsOrEmpty();
    for (int i = 0; i < mounts.size(); i++) {
      ValueFrom vf = mounts.get(i).valueFrom();
      if (vf != null && vf.configurationGroupRef() != null) {
        String at =
            FieldPath.child(FieldPath.index(FieldPath.child(path, "fileMounts"), i), "valueFrom");
        groupKey(ctx, FieldPath.child(at, "configurationGroupRef"), vf.configurationGroupRef());
      }
    }
    List<FileMountFrom> from = c.fileMountsFromOrEmpty();
    for (int i = 0; i < from.size(); i++) {
      if (from.get(i).groupName() != null) {
        String at = FieldPath.index(FieldPath.child(path, "fileMountsFrom"), i);
        group(ctx, nameAt(FieldPath.child(at, "configurationGroupRef")), from.get(i).groupName());
      }
    }
  }

  private static String nameAt(String refPath) {
    return FieldPath.child(refPath, "name");
  }

  private static Optional<ConfigurationGroup> group(
      AdmissionContext ctx, String namePath, String name) {
    return AppRefs.batch(ctx, namePath, ConfigurationGroup.class, name);
  }

  private static void groupKey(AdmissionContext ctx, String refPath, ConfigKeyRef ref) {
    group(ctx, nameAt(refPath), ref.name())
        .ifPresent(
            g -> {
              if (ref.key() != null && !g.hasKey(ref.key())) {
                ctx.reporter()
                    .error(
                        Rule.InvalidReference,
                        FieldPath.child(refPath, "key"),
                        "ConfigurationGroup \""
                            + ref.name()
                            + "\" has no key \""
                            + ref.key()
                            + "\"",
                        keyHint(g, ref.key()));
              }
            });
  }

  private static String keyHint(ConfigurationGroup group, String key) {
    return Suggestions.hint(key, group.keys());
  }

  /** Connection templates, and injected names unique and distinct from the main env keys. */
  private static void checkConnections(
      WorkloadTemplate template, String path, AdmissionContext ctx) {
    Map<String, String> seen = new HashMap<>();
    String main = template.mainContainerName();
    if (main != null) {
      List<EnvVar> env = template.mainContainer().envOrEmpty();
      String envPath =
          FieldPath.child(FieldPath.child(FieldPath.child(path, "containers"), main), "env");
      for (int i = 0; i < env.size(); i++) {
        if (env.get(i).key() != null) {
          seen.putIfAbsent(env.get(i).key(), FieldPath.child(FieldPath.index(envPath, i), "key"));
        }
      }
    }
    template
        .connectionsOrEmpty()
        .forEach(
            (name, conn) -> {
              String injectPath =
                  FieldPath.child(
                      FieldPath.child(
                          FieldPath.child(FieldPath.child(path, "connections"), name), "inject"),
                      "env");
              List<Connection.InjectedEnv> env = conn.injectedEnv();
              for (int i = 0; i < env.size(); i++) {
                Connection.InjectedEnv e = env.get(i);
                String at = FieldPath.index(injectPath, i);
                if (e.value() != null) {
                  String var = e.name();
                  ConnectionTemplates.problem(e.value())
                      .ifPresent(
                          p ->
                              ctx.reporter()
                                  .error(
                                      Rule.InvalidTemplate,
                                      FieldPath.child(at, "value"),
                                      "connection \""
                                          + name
                                          + "\": env \""
                                          + var
                                          + "\": "
                                          + p
                                          + "; allowed placeholders: "
                                          + String.join(", ", Connection.TEMPLATE_KEYS)));
                }
                if (e.name() != null) {
                  String namePath = FieldPath.child(at, "name");
                  String first = seen.putIfAbsent(e.name(), namePath);
                  if (first != null) {
                    ctx.reporter()
                        .error(
                            Rule.Duplicate,
                            namePath,
                            "duplicate environment variable \""
                                + e.name()
                                + "\" (also at "
                                + first
                                + ")");
                  }
                }
              }
            });
  }

  private static void checkEndpointsForType(
      WorkloadTemplate template, String path, String type, AdmissionContext ctx) {
    Map<String, Endpoint> endpoints = template.endpointsOrEmpty();
    String endpointsPath = FieldPath.child(path, "endpoints");
    if (Component.WEB_APPLICATION.equals(type)) {
      List<String> http = new ArrayList<>();
      endpoints.forEach(
          (name, e) -> {
            if (EndpointTypes.HTTP.equals(e.type())) {
              http.add(name);
            }
          });
      if (http.size() > 1) {
        ctx.reporter()
            .error(
                Rule.Conflict,
                endpointsPath,
                "a WebApplication component may have at most one HTTP endpoint; found "
                    + http.size()
                    + ": "
                    + String.join(", ", http),
                "the HTTP endpoint gets the public route at path /; use another type for the"
                    + " others");
      }
    }
    if (Component.SCHEDULED_TASK.equals(type) && !endpoints.isEmpty()) {
      ctx.reporter()
          .warn(
              Rule.IgnoredField,
              endpointsPath,
              "endpoints of a ScheduledTask component are not exposed");
    }
  }
}
