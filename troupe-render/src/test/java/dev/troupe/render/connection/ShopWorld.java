package dev.troupe.render.connection;

import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.api.kinds.delivery.WebApplicationBinding;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;
import dev.troupe.render.Cell;
import dev.troupe.render.GatewaySettings;
import dev.troupe.render.Snapshot;
import dev.troupe.render.testing.Fixtures;

/**
 * The three-component project of rendering.md §8.5 ({@code shop}: frontend → api → db, all in
 * {@code development}) plus the eastbound addendum ({@code finance/billing} → {@code shop/api}).
 */
public final class ShopWorld {
  public static final String SHOP =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata: {name: shop}
      spec: {deploymentPipelineRef: default}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: frontend}
      spec: {owner: {projectName: shop}, type: WebApplication}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: api}
      spec: {owner: {projectName: shop}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: db}
      spec: {owner: {projectName: shop}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: WebApplicationBinding
      metadata: {name: frontend}
      spec:
        owner: {projectName: shop, componentName: frontend}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "shop/frontend:1"}}
          endpoints: {web: {type: HTTP, port: 8080}}
          connections:
            api: {type: api, params: {componentName: api, endpoint: rest}, inject: {env: [{name: API_URL, value: "{{ .url }}"}]}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: api}
      spec:
        owner: {projectName: shop, componentName: api}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "shop/api:1"}}
          endpoints: {rest: {type: REST, port: 9090}}
          connections:
            db: {type: api, params: {componentName: db, endpoint: tcp}, inject: {env: [{name: DB_ADDR, value: "{{ .host }}:{{ .port }}"}]}}
        apis:
          rest: {type: REST, className: default, rest: {backend: {port: 9090, basePath: /api}, exposeLevels: [Organization, Project]}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: db}
      spec:
        owner: {projectName: shop, componentName: db}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "postgres:16"}}
          endpoints: {tcp: {type: TCP, port: 5432}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata: {name: finance}
      spec: {deploymentPipelineRef: default}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: billing}
      spec: {owner: {projectName: finance}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: billing}
      spec:
        owner: {projectName: finance, componentName: billing}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "finance/billing:1"}}
          connections:
            shop-api: {type: api, params: {projectName: shop, componentName: api, endpoint: rest}, inject: {env: [{name: SHOP_API, value: "{{ .url }}"}]}}
      """;

  private ShopWorld() {}

  public static Snapshot snapshot() {
    return Fixtures.snapshot(SHOP);
  }

  /** The world with {@code text} replaced by {@code replacement} in the fixture. */
  public static Snapshot snapshot(String text, String replacement) {
    if (!SHOP.contains(text)) {
      throw new IllegalArgumentException("not in the fixture: " + text);
    }
    return Fixtures.snapshot(SHOP.replace(text, replacement));
  }

  /** The Service or WebApplication binding {@code name}. */
  public static ComponentBinding binding(Snapshot s, String name) {
    return s.find(ServiceBinding.class, name)
        .map(ComponentBinding.class::cast)
        .or(() -> s.find(WebApplicationBinding.class, name))
        .orElseThrow();
  }

  public static GatewaySettings gateway(Snapshot s) {
    Environment env = s.find(Environment.class, "development").orElseThrow();
    return GatewaySettings.of(env, s.find(DataPlane.class, env.dataPlaneName()).orElseThrow());
  }

  public static Cell cell(ComponentBinding b) {
    return new Cell(
        b.namespace(), b.owner().projectName(), b.environmentName(), b.owner().componentName());
  }

  /** {@link ConnectionResolver#resolve} for the binding {@code name}. */
  public static ConnectionPlan resolve(Snapshot s, String name) {
    ComponentBinding b = binding(s, name);
    return ConnectionResolver.resolve(b, s, cell(b), gateway(s));
  }
}
