package dev.troupe.engine.controllers.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.names.K8sNames;
import dev.troupe.engine.store.ObjectKey;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole organization for deletion tests: a gitops DataPlane, environments {@code development} and
 * {@code staging}, a pipeline, project {@code shop} with components, their Workloads, Service
 * claims, a ServiceBinding per environment and a Release per binding. The references other
 * controllers would write (Component → Project, binding → claim, Release → binding, the Release's
 * finalizer and {@code status.dataPlane}) are written here directly.
 */
final class ShopPlatform {
  static final List<String> ENVIRONMENTS = List.of("development", "staging");

  final String org;
  final List<String> components;
  final List<ObjectKey> topLevel = new ArrayList<>();
  ObjectNode dataPlane;

  private ShopPlatform(String org, List<String> components) {
    this.org = org;
    this.components = components;
  }

  static ShopPlatform build(PlatformFixture f, String org, List<String> components) {
    ShopPlatform p = new ShopPlatform(org, components);
    f.organization(org, false);
    f.awaitIdle();
    p.dataPlane = f.create(org, dataPlane("local"));
    for (String env : ENVIRONMENTS) {
      f.create(org, environment(env, "local"));
    }
    f.create(org, pipeline("standard", "development", "staging"));
    ObjectNode project = f.create(org, project("shop", "standard"));
    for (String c : components) {
      ObjectNode component = f.admit(org, component(c, "shop")).getFirst();
      component
          .with("metadata")
          .putArray("ownerReferences")
          .add(Meta.ownerReference(project, false, false));
      f.store.create(component);
      f.create(org, workload(c));
      ObjectNode claim = f.create(org, service(c));
      for (String env : ENVIRONMENTS) {
        ObjectNode binding = f.admit(org, binding(c, env)).getFirst();
        binding
            .with("metadata")
            .putArray("ownerReferences")
            .add(Meta.ownerReference(claim, true, true));
        binding = f.store.create(binding);
        ObjectNode release = f.admit(org, release(org, c, env)).getFirst();
        release
            .with("metadata")
            .putArray("ownerReferences")
            .add(Meta.ownerReference(binding, true, true));
        release.with("metadata").putArray("finalizers").add(PlatformControllers.DATAPLANE_CLEANUP);
        release = f.store.create(release);
        ObjectNode status = release.deepCopy();
        ObjectNode dp = status.putObject("status").putObject("dataPlane");
        dp.put("name", "local");
        dp.put("uid", Meta.uid(p.dataPlane));
        dp.put("mode", "gitops");
        f.store.updateStatus(status);
        p.topLevel.add(new ObjectKey("ServiceBinding", org, Meta.name(binding)));
      }
      p.topLevel.add(new ObjectKey("Component", org, c));
      p.topLevel.add(new ObjectKey("Service", org, c));
    }
    p.topLevel.add(new ObjectKey("DataPlane", org, "local"));
    ENVIRONMENTS.forEach(e -> p.topLevel.add(new ObjectKey("Environment", org, e)));
    p.topLevel.add(new ObjectKey("DeploymentPipeline", org, "standard"));
    p.topLevel.add(new ObjectKey("Project", org, "shop"));
    return p;
  }

  static String dataPlane(String name) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: DataPlane
    metadata:
      name: %s
    spec:
      registry:
        prefix: registry.example.com/acme
      gateway:
        publicVirtualHost: apps.example.com
        organizationVirtualHost: internal.example.com
      releaseMode: gitops
    """
        .formatted(name);
  }

  static String remoteGitOpsDataPlane(String name, String url) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: DataPlane
    metadata:
      name: %s
    spec:
      registry:
        prefix: registry.example.com/acme
      gateway:
        publicVirtualHost: apps.example.com
        organizationVirtualHost: internal.example.com
      releaseMode: gitops
      gitops:
        repository:
          url: %s
    """
        .formatted(name, url);
  }

  static String environment(String name, String dataPlane) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Environment
    metadata:
      name: %s
    spec:
      dataPlaneRef: %s
    """
        .formatted(name, dataPlane);
  }

  static String pipeline(String name, String root, String target) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: DeploymentPipeline
    metadata:
      name: %s
    spec:
      promotionPaths:
        - sourceEnvironmentRef: %s
          targetEnvironmentRefs:
            - name: %s
        - sourceEnvironmentRef: %s
          targetEnvironmentRefs: []
    """
        .formatted(name, root, target, target);
  }

  static String project(String name, String pipeline) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Project
    metadata:
      name: %s
    spec:
      deploymentPipelineRef: %s
    """
        .formatted(name, pipeline);
  }

  static String component(String name, String project) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Component
    metadata:
      name: %s
    spec:
      owner:
        projectName: %s
      type: Service
    """
        .formatted(name, project);
  }

  static String workload(String c) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Workload
    metadata:
      name: %s
    spec:
      owner:
        projectName: shop
        componentName: %s
      containers:
        main:
          image: ghcr.io/acme/%s:1.0.0
    """
        .formatted(c, c, c);
  }

  static String service(String c) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Service
    metadata:
      name: %s
    spec:
      owner:
        projectName: shop
        componentName: %s
      workloadName: %s
      className: default
    """
        .formatted(c, c, c);
  }

  static String binding(String c, String env) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: ServiceBinding
    metadata:
      name: %s-%s
    spec:
      owner:
        projectName: shop
        componentName: %s
      environment: %s
      className: default
      workloadSpec:
        containers:
          main:
            image: ghcr.io/acme/%s:1.0.0
    """
        .formatted(c, env, c, env, c);
  }

  static String release(String org, String c, String env) {
    return """
    apiVersion: openchoreo.dev/v1alpha1
    kind: Release
    metadata:
      name: %s-%s
    spec:
      owner:
        projectName: shop
        componentName: %s
      environmentName: %s
      resources:
        - id: config
          object:
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: %s-config
              namespace: %s
            data:
              greeting: hello
    """
        .formatted(c, env, c, env, c, K8sNames.cellNamespace(org, "shop", env));
  }
}
