package dev.troupe.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.model.Resource;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.render.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated organization (namespace {@code default}, the starter kit's environments, pipeline,
 * classes, APIClasses and DataPlane): projects of about twenty Service, WebApplication and
 * ScheduledTask components, each bound in some of development, staging and production, with APIs,
 * connections inside and across projects, ConfigurationGroups and egress.
 *
 * @param inputs the objects as a user would write them (Projects, Components, ConfigurationGroups,
 *     then bindings), for admission
 * @param objects the same objects bound to their records, without admission (the fast path)
 * @param bindings the bindings among {@code objects}, in input order
 * @param kit the starter kit objects of the namespace
 */
public record BindingCorpus(
    List<ObjectNode> inputs, List<Resource> objects, List<Binding> bindings, List<Resource> kit) {
  public static final String NAMESPACE = "default";
  static final String SHARED_GROUP = "platform-shared";

  public BindingCorpus {
    inputs = List.copyOf(inputs);
    objects = List.copyOf(objects);
    bindings = List.copyOf(bindings);
    kit = List.copyOf(kit);
  }

  /** {@code bindings} bindings in all; equal arguments give equal corpora. */
  public static BindingCorpus generate(int bindings, long seed) {
    OrgPlan plan = OrgPlan.of(bindings, seed);
    List<ObjectNode> inputs = new ArrayList<>();
    inputs.add(ObjectTrees.sharedGroup(NAMESPACE));
    for (String project : plan.projects) {
      inputs.add(ObjectTrees.project(project, NAMESPACE));
      inputs.add(ObjectTrees.projectGroup(project, NAMESPACE));
    }
    plan.components.forEach(c -> inputs.add(ObjectTrees.component(c, NAMESPACE)));
    for (String env : OrgPlan.ENVIRONMENTS) {
      for (OrgPlan.Component c : plan.components) {
        if (c.environments().contains(env)) {
          inputs.add(ObjectTrees.binding(c, env, NAMESPACE));
        }
      }
    }
    List<Resource> objects = new ArrayList<>(inputs.size());
    List<Binding> bound = new ArrayList<>(bindings);
    for (ObjectNode tree : inputs) {
      Resource r = bind(tree);
      objects.add(r);
      if (r instanceof Binding b) {
        bound.add(b);
      }
    }
    List<Resource> kit =
        StarterKit.admit(NAMESPACE).objects().stream().map(AdmittedObject::resource).toList();
    return new BindingCorpus(inputs, objects, bound, kit);
  }

  /** The record of a tree, bound directly (no defaults, no validation). */
  static Resource bind(ObjectNode tree) {
    String kind = tree.path("kind").asText();
    Class<? extends Resource> type =
        Kinds.byName(kind)
            .orElseThrow(() -> new IllegalArgumentException("unknown kind " + kind))
            .type();
    return Codec.bind(tree, type);
  }

  /** The name of a project's ConfigurationGroup. */
  static String projectGroup(String project) {
    return project + "-config";
  }

  /** Every object rendering may read: the starter kit and the corpus. */
  public InMemoryView view() {
    List<Resource> all = new ArrayList<>(kit);
    all.addAll(objects);
    return new InMemoryView(all);
  }

  /** The snapshot of the namespace over {@link #view()}. */
  public Snapshot snapshot() {
    return new Snapshot(NAMESPACE, view());
  }

  /** The snapshot of the namespace over an {@link IndexedView} of the same objects. */
  public Snapshot indexedSnapshot() {
    List<Resource> all = new ArrayList<>(kit);
    all.addAll(objects);
    return new Snapshot(NAMESPACE, new IndexedView(all));
  }

  /** How many bindings of each kind, in first-seen order. */
  public Map<String, Integer> bindingsByKind() {
    Map<String, Integer> out = new LinkedHashMap<>();
    bindings.forEach(b -> out.merge(b.kind(), 1, Integer::sum));
    return out;
  }

  /** The number of projects. */
  public long projects() {
    return objects.stream().filter(r -> r.kind().equals("Project")).count();
  }
}
