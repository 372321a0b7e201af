package dev.troupe.render.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.ServiceBinding;
import dev.troupe.render.Blocker;
import dev.troupe.render.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * Template errors met at render time (rendering.md §6.3) become {@code InvalidConfiguration}
 * blockers after {@code ConnectionsPending}. The binding is stored before validation existed, so it
 * is read without admission.
 */
class TemplateErrorsTest {
  static final String STORED =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceBinding
      metadata: {name: legacy, namespace: default}
      spec:
        owner: {projectName: shop, componentName: legacy}
        environment: development
        className: default
        workloadSpec:
          containers: {main: {image: "legacy:1"}}
          connections:
            zz-ghost: {type: api, params: {componentName: ghost, endpoint: x}, inject: {env: [{name: G, value: "{{ .host | upper }}"}]}}
            db:
              type: api
              params: {componentName: db, endpoint: tcp}
              inject:
                env:
                - {name: DB_HOST, value: "{{ .host }}"}
                - {name: DB_BAD, value: "{{ .hostname }}"}
                - {name: DB_BASE, value: "{{ .basePath }}"}
      """;

  @Test
  void templateErrorsFollowThePendingBlockerInConnectionNameOrder() {
    Snapshot shop = ShopWorld.snapshot();
    ServiceBinding b =
        Codec.bind(
            DocumentReader.readYaml("stored.yaml", STORED).get(0).tree(), ServiceBinding.class);
    ConnectionPlan plan =
        ConnectionResolver.resolve(b, shop, ShopWorld.cell(b), ShopWorld.gateway(shop));
    assertThat(plan.blockers())
        .containsExactly(
            new Blocker(
                "ConnectionsPending",
                "pending: zz-ghost (ComponentNotFound: component \"ghost\" of project \"shop\" not"
                    + " found)"),
            new Blocker(
                "InvalidConfiguration",
                "connection \"db\": env \"DB_BAD\": unknown template variable \"hostname\"; allowed"
                    + " placeholders: host, port, scheme, basePath, uri, url"),
            new Blocker(
                "InvalidConfiguration",
                "connection \"zz-ghost\": env \"G\": unsupported template syntax at offset 0"));
    // An empty value is written as {name} only (§0.4 rule 3).
    assertThat(plan.injectedEnv().toString())
        .isEqualTo("[{\"name\":\"DB_HOST\",\"value\":\"db-7bdc25d1\"},{\"name\":\"DB_BASE\"}]");
  }
}
