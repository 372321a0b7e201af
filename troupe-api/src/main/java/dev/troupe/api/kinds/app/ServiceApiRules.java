package dev.troupe.api.kinds.app;

import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.kinds.classes.APIClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The semantic rules of managed APIs (model.md §3.10 {@code apis}, §3.13, §3.21 {@code apiSpec}):
 * only REST, {@code rest} required for REST, the backend port must be an HTTP-family endpoint port
 * of the workload when it is known, empty expose levels warn, APIClass references.
 */
public final class ServiceApiRules {
  static final String REST_HINT = "a REST API needs rest.backend.port";

  private ServiceApiRules() {}

  /**
   * Checks {@code apis} at {@code path} (e.g. {@code spec.apis}).
   *
   * @param workloadOrNull the workload whose endpoints the backend ports must match, if known
   * @param workloadName its name, for messages
   */
  public static void check(
      Map<String, ServiceApi> apis,
      String path,
      WorkloadTemplate workloadOrNull,
      String workloadName,
      AdmissionContext ctx) {
    if (apis == null) {
      return;
    }
    apis.forEach(
        (name, api) -> {
          String apiPath = FieldPath.child(path, name);
          AppRefs.batch(
              ctx,
              FieldPath.child(apiPath, "className"),
              APIClass.class,
              api.className(),
              AppRefs.CLASS_HINT);
          checkDefinition(name, api.type(), api.rest(), apiPath, workloadOrNull, workloadName, ctx);
        });
  }

  /**
   * Checks one API definition ({@code type} and {@code rest}) whose members are below {@code path}:
   * a Service API, an API claim's spec or an APIBinding's {@code apiSpec}.
   */
  public static void checkDefinition(
      String apiName,
      String type,
      RestApi rest,
      String path,
      WorkloadTemplate workloadOrNull,
      String workloadName,
      AdmissionContext ctx) {
    if (type != null && !EndpointTypes.REST.equals(type)) {
      ctx.reporter()
          .error(
              Rule.Unsupported,
              FieldPath.child(path, "type"),
              "only REST managed APIs are supported");
    } else if (type != null && rest == null) {
      ctx.reporter()
          .error(
              Rule.Required,
              FieldPath.child(path, "rest"),
              "required field \"rest\" is missing",
              REST_HINT);
    }
    if (rest == null) {
      return;
    }
    String restPath = FieldPath.child(path, "rest");
    if (rest.exposeLevelsOrEmpty().isEmpty()) {
      ctx.reporter()
          .warn(
              Rule.EmptyExposeLevels,
              FieldPath.child(restPath, "exposeLevels"),
              "API \"" + apiName + "\" has no exposeLevels: it is reachable at Project level only",
              "add Organization or Public to expose it through a gateway");
    }
    Integer port = rest.backend() == null ? null : rest.backend().port();
    if (workloadOrNull != null && port != null) {
      List<Integer> ports = httpPorts(workloadOrNull);
      if (!ports.contains(port)) {
        ctx.reporter()
            .error(
                Rule.InvalidReference,
                FieldPath.child(FieldPath.child(restPath, "backend"), "port"),
                "port "
                    + port
                    + " is not the port of an HTTP-family endpoint of Workload \""
                    + workloadName
                    + "\" (ports: "
                    + (ports.isEmpty()
                        ? "none"
                        : String.join(", ", ports.stream().map(String::valueOf).toList()))
                    + ")");
      }
    }
  }

  /** The distinct ports of the HTTP-family endpoints of a workload, in map order. */
  public static List<Integer> httpPorts(WorkloadTemplate workload) {
    List<Integer> ports = new ArrayList<>();
    workload
        .endpointsOrEmpty()
        .values()
        .forEach(
            e -> {
              if (e.httpFamily() && e.port() != null && !ports.contains(e.port())) {
                ports.add(e.port());
              }
            });
    return ports;
  }
}
