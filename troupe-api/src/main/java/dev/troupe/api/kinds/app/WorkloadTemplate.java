package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime contract without its owner (model.md §3.9): containers, endpoints, connections and
 * egress. It is the Workload spec minus {@code owner}, a binding's {@code workloadSpec} and a
 * DeployableArtifact's {@code workload}. Maps keep document order (§2.7).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkloadTemplate(
    Map<String, Container> containers,
    Map<String, Endpoint> endpoints,
    Map<String, Connection> connections,
    List<EgressRule> egress) {

  /** The key of the main container when present. */
  public static final String MAIN = "main";

  public WorkloadTemplate {
    containers = ordered(containers);
    endpoints = ordered(endpoints);
    connections = ordered(connections);
    egress = egress == null ? null : List.copyOf(egress);
  }

  /** The key of the main container: {@code main} if present, else the first key; null if none. */
  public String mainContainerName() {
    if (containers == null || containers.isEmpty()) {
      return null;
    }
    return containers.containsKey(MAIN) ? MAIN : containers.keySet().iterator().next();
  }

  /** The main container (model.md §3.9); null if there is no container. */
  public Container mainContainer() {
    String name = mainContainerName();
    return name == null ? null : containers.get(name);
  }

  /** The same template whose main container has {@code image} (a Build's write-back). */
  public WorkloadTemplate withMainImage(String image) {
    String name = mainContainerName();
    if (name == null) {
      return this;
    }
    Map<String, Container> c = new LinkedHashMap<>(containers);
    c.put(name, c.get(name).withImage(image));
    return new WorkloadTemplate(c, endpoints, connections, egress);
  }

  /** {@code {<container>: <image>}} in document order. */
  public Map<String, String> images() {
    Map<String, String> out = new LinkedHashMap<>();
    containersOrEmpty().forEach((k, v) -> out.put(k, v.image()));
    return Collections.unmodifiableMap(out);
  }

  public Map<String, Container> containersOrEmpty() {
    return containers == null ? Map.of() : containers;
  }

  public Map<String, Endpoint> endpointsOrEmpty() {
    return endpoints == null ? Map.of() : endpoints;
  }

  public Map<String, Connection> connectionsOrEmpty() {
    return connections == null ? Map.of() : connections;
  }

  public List<EgressRule> egressOrEmpty() {
    return egress == null ? List.of() : egress;
  }

  static <V> Map<String, V> ordered(Map<String, V> m) {
    return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
