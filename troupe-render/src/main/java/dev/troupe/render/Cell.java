package dev.troupe.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.names.K8sNames;

/**
 * Where a component runs in one environment: the cell namespace of (organization, project,
 * environment) (rendering.md §2.1) and the four data-plane labels {@code L(b)} (§2.2).
 */
public record Cell(String organization, String project, String environment, String component) {

  /** Cell namespaces already computed: a pure function of the three names, so safe to share. */
  private static final java.util.Map<String, String> NAMESPACES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** {@code gen(63, "dp", organization, project, environment)}. */
  public String namespace() {
    String key = organization + "\u0000" + project + "\u0000" + environment;
    String ns = NAMESPACES.get(key);
    if (ns == null) {
      if (NAMESPACES.size() > 100_000) {
        NAMESPACES.clear(); // bounded: a long-running server sees new cells forever
      }
      ns = K8sNames.cellNamespace(organization, project, environment);
      NAMESPACES.put(key, ns);
    }
    return ns;
  }

  /**
   * {@code L(b)}: exactly the four data-plane labels, organization, project, environment and
   * component, inserted in canonical (byte) key order so that writing them needs no sort.
   */
  public ObjectNode labels() {
    ObjectNode l = Trees.object();
    l.put("component-name", component);
    l.put("environment-name", environment);
    l.put("organization-name", organization);
    l.put("project-name", project);
    return l;
  }

  /** The same cell for another component (a connection target in the same project). */
  public Cell withComponent(String other) {
    return new Cell(organization, project, environment, other);
  }

  /** {@code metadata} of a rendered object: name, the cell namespace and {@code L(b)}. */
  public ObjectNode metadata(String name) {
    ObjectNode m = Trees.object();
    m.set("labels", labels()); // canonical key order: labels, name, namespace
    m.put("name", name);
    m.put("namespace", namespace());
    return m;
  }
}
