package dev.troupe.render.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.InMemoryView;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.digest.ContentDigest;
import dev.troupe.api.kinds.app.API;
import dev.troupe.api.kinds.app.Claim;
import dev.troupe.api.kinds.app.Project;
import dev.troupe.api.kinds.app.ScheduledTask;
import dev.troupe.api.kinds.app.Service;
import dev.troupe.api.kinds.app.Workload;
import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingKinds;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.platform.DeploymentPipeline;
import dev.troupe.api.model.Owner;
import dev.troupe.api.model.Resource;
import dev.troupe.render.Snapshot;
import dev.troupe.render.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bindings the claim controllers would create (delivery.md §1.4), computed offline: for each
 * claim, the binding of its kind in the root environment of the project's pipeline, named like the
 * claim; for each API claim, the APIBinding named like the API. A binding the inputs already have
 * for that component (or API) and environment wins.
 */
final class FirstBindings {
  private FirstBindings() {}

  /** A binding derived from a claim, or why none could be derived. */
  sealed interface Derived {}

  record Made(Binding binding) implements Derived {}

  record Skipped(Resource claim, String reason) implements Derived {}

  static List<Derived> derive(List<Resource> claims, InMemoryView view) {
    List<Derived> out = new ArrayList<>();
    for (Resource claim : claims) {
      Snapshot snapshot = new Snapshot(claim.namespace(), view);
      switch (claim) {
        case Claim c -> out.add(fromClaim(c, snapshot));
        case API a -> fromApi(a, snapshot).ifPresent(out::add);
        default -> {}
      }
    }
    return out;
  }

  private static Derived fromClaim(Claim claim, Snapshot snapshot) {
    Owner owner = claim.owner();
    Optional<Project> project = snapshot.find(Project.class, owner.projectName());
    if (project.isEmpty()) {
      return new Skipped(claim, "Project \"" + owner.projectName() + "\" not found");
    }
    String pipelineName = project.get().deploymentPipelineName();
    Optional<String> root =
        snapshot.find(DeploymentPipeline.class, pipelineName).flatMap(DeploymentPipeline::root);
    if (root.isEmpty()) {
      return new Skipped(
          claim, "DeploymentPipeline \"" + pipelineName + "\" has no single root environment");
    }
    Optional<Workload> workload = snapshot.find(Workload.class, claim.workloadName());
    if (workload.isEmpty()) {
      return new Skipped(claim, "Workload \"" + claim.workloadName() + "\" not found");
    }
    BindingKinds kind = BindingKinds.ofComponentType(claim.componentType()).orElseThrow();
    boolean exists =
        snapshot.list(kind.bindingType()).stream()
            .map(ComponentBinding.class::cast)
            .anyMatch(b -> owner.equals(b.owner()) && root.get().equals(b.environmentName()));
    if (exists) {
      return new Skipped(claim, null);
    }
    ObjectNode spec = Trees.object();
    spec.set("owner", Codec.toTree(owner));
    spec.put("environment", root.get());
    spec.put("className", claim.className());
    ObjectNode workloadSpec = (ObjectNode) Codec.toTree(workload.get().template());
    spec.set("workloadSpec", workloadSpec);
    spec.put(
        "deployableArtifactRef",
        ContentDigest.artifactName(owner.componentName(), ContentDigest.digest(workloadSpec)));
    JsonNode claimSpec = Codec.toTree(claim).path("spec");
    if (claim instanceof Service) {
      copy(claimSpec, spec, "apis");
    } else {
      copy(claimSpec, spec, "overrides");
    }
    if (claim instanceof ScheduledTask) {
      copy(claimSpec, spec, "schedule");
      copy(claimSpec, spec, "timeZone");
    }
    ObjectNode tree = envelope(kind.kind(), claim, owner, root.get());
    tree.set("spec", spec);
    return new Made((Binding) Codec.bind(tree, kind.bindingType()));
  }

  private static Optional<Derived> fromApi(API api, Snapshot snapshot) {
    String env = api.spec().environmentName();
    boolean exists =
        snapshot.list(APIBinding.class).stream()
            .anyMatch(
                b -> api.name().equals(b.spec().apiName()) && env.equals(b.environmentName()));
    if (exists) {
      return Optional.empty();
    }
    ObjectNode spec = Trees.object();
    spec.put("apiName", api.name());
    spec.put("apiClassName", api.spec().className());
    spec.put("environmentName", env);
    spec.set("owner", Codec.toTree(api.spec().owner()));
    ObjectNode apiSpec = spec.putObject("apiSpec");
    apiSpec.put("type", api.spec().type());
    apiSpec.set("rest", Codec.toTree(api.spec().rest()));
    ObjectNode tree = envelope("APIBinding", api, api.spec().owner(), env);
    tree.set("spec", spec);
    return Optional.of(new Made(Codec.bind(tree, APIBinding.class)));
  }

  private static ObjectNode envelope(String kind, Resource claim, Owner owner, String env) {
    ObjectNode tree = Trees.object();
    tree.put("apiVersion", Resource.API_VERSION);
    tree.put("kind", kind);
    ObjectNode meta = tree.putObject("metadata");
    meta.put("name", claim.name());
    meta.put("namespace", claim.namespace());
    ObjectNode labels = meta.putObject("labels");
    labels.put("openchoreo.dev/organization", claim.namespace());
    labels.put("openchoreo.dev/project", owner.projectName());
    labels.put("openchoreo.dev/component", owner.componentName());
    labels.put("openchoreo.dev/environment", env);
    return tree;
  }

  private static void copy(JsonNode from, ObjectNode to, String field) {
    JsonNode v = from.get(field);
    if (v != null && !v.isNull()) {
      to.set(field, v.deepCopy());
    }
  }
}
