package dev.troupe.api.kinds.app;

import static dev.troupe.api.kinds.app.AppFixtures.batch;
import static dev.troupe.api.kinds.app.AppFixtures.component;
import static dev.troupe.api.kinds.app.AppFixtures.workload;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

/** Workload rules across fields and objects: owner, connections, egress, component type. */
class WorkloadRulesTest {
  static final String CART = component("cart", "Service");

  private static AdmissionResult admitCart(String extraSpec) {
    return AppFixtures.kit().admit(batch(CART, workload("cart", "cart", extraSpec)));
  }

  private static Problem only(AdmissionResult r, Rule rule, String path) {
    return problem(r, rule, path);
  }

  @Test
  void row27_injectedNameCollidesWithMainEnv() {
    AdmissionResult r =
        admitCart(
            """
                  env:
                    - {key: A, value: "1"}
                    - {key: B, value: "2"}
                    - {key: REDIS_ADDR, value: "localhost:6379"}
              connections:
                cache:
                  type: api
                  params: {componentName: redis, endpoint: tcp}
                  inject:
                    env:
                      - {name: REDIS_ADDR, value: "{{ .host }}:{{ .port }}"}
            """);
    assertThat(only(r, Rule.Duplicate, "spec.connections.cache.inject.env[0].name").message())
        .isEqualTo(
            "duplicate environment variable \"REDIS_ADDR\" (also at"
                + " spec.containers.main.env[2].key)");
  }

  @Test
  void injectedNamesAreUniqueAcrossConnections() {
    AdmissionResult r =
        admitCart(
            """
              connections:
                a:
                  type: api
                  params: {componentName: x, endpoint: http}
                  inject: {env: [{name: URL, value: "{{ .url }}"}]}
                b:
                  type: api
                  params: {componentName: y, endpoint: http}
                  inject: {env: [{name: URL, value: "{{.url}}"}]}
            """);
    assertThat(only(r, Rule.Duplicate, "spec.connections.b.inject.env[0].name").message())
        .isEqualTo(
            "duplicate environment variable \"URL\" (also at"
                + " spec.connections.a.inject.env[0].name)");
  }

  @Test
  void row44_secondWorkloadForComponent() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(batch(CART, workload("cart", "cart", ""), workload("cart-v2", "cart", "")));
    assertThat(only(r, Rule.Conflict, "spec.owner.componentName").message())
        .isEqualTo("component \"cart\" already has Workload \"cart\"");
  }

  @Test
  void row44_secondWorkloadAgainstStoredOne() {
    TestAdmission t = AppFixtures.kit().stored(batch(CART, workload("cart", "cart", "")));
    AdmissionResult r = t.single().admit(workload("cart-v2", "cart", ""));
    assertThat(only(r, Rule.Conflict, "spec.owner.componentName").message())
        .isEqualTo("component \"cart\" already has Workload \"cart\"");
  }

  @Test
  void reapplyingTheStoredWorkloadInABatchIsNoConflictButASecondOneIs() {
    TestAdmission t = AppFixtures.kit().stored(batch(CART, workload("cart", "cart", "")));
    // the batch's "cart" replaces the stored one of the same name: still one Workload
    assertAccepted(t.admit(batch(CART, workload("cart", "cart", ""))));
    AdmissionResult r =
        t.admit(batch(CART, workload("cart", "cart", ""), workload("cart-v2", "cart", "")));
    assertThat(only(r, Rule.Conflict, "spec.owner.componentName").message())
        .isEqualTo("component \"cart\" already has Workload \"cart\"");
  }

  @Test
  void row45_componentOfAnotherProject() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    CART,
                    AppFixtures.HEADER + "kind: Project\nmetadata: {name: shop}\n",
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: Workload
                    metadata: {name: cart}
                    spec:
                      owner: {projectName: shop, componentName: cart}
                      containers:
                        main: {image: ghcr.io/acme/cart:v1}
                    """));
    assertThat(only(r, Rule.InvalidReference, "spec.owner.projectName").message())
        .isEqualTo("component \"cart\" belongs to project \"default\", not \"shop\"");
  }

  @Test
  void workloadNeedsAComponentWithRuntime() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(batch(component("proxy", "APIProxy"), workload("proxy", "proxy", "")));
    assertThat(only(r, Rule.InvalidReference, "spec.owner.componentName").message())
        .isEqualTo(
            "component \"proxy\" has type APIProxy; a Workload requires type Service,"
                + " WebApplication or ScheduledTask");
  }

  @Test
  void missingComponentIsNotFoundInBatchAndWarningAlone() {
    AdmissionResult batch = AppFixtures.kit().admit(workload("cart", "cart", ""));
    assertThat(only(batch, Rule.NotFound, "spec.owner.componentName").message())
        .isEqualTo("Component \"cart\" not found in namespace default");
    AdmissionResult single = AppFixtures.kit().single().admit(workload("cart", "cart", ""));
    assertAccepted(single);
    assertThat(only(single, Rule.NotFound, "spec.owner.componentName").isError()).isFalse();
  }

  @Test
  void row48_unknownTemplateVariable() {
    AdmissionResult r =
        admitCart(
            """
              connections:
                cache:
                  type: api
                  params: {componentName: redis, endpoint: tcp}
                  inject:
                    env:
                      - {name: CACHE_URL, value: "http://{{ .hostname }}:{{ .port }}"}
            """);
    assertThat(
            only(r, Rule.InvalidTemplate, "spec.connections.cache.inject.env[0].value").message())
        .isEqualTo(
            "connection \"cache\": env \"CACHE_URL\": unknown template variable \"hostname\";"
                + " allowed placeholders: host, port, scheme, basePath, uri, url");
  }

  @Test
  void connectionParamsAreClosed() {
    AdmissionResult r =
        admitCart(
            """
              connections:
                cache:
                  type: api
                  params: {componentName: redis, endpoint: tcp, namespace: other}
                  inject: {env: [{name: X, value: "{{ .uri }}"}]}
            """);
    assertThat(only(r, Rule.UnknownField, "spec.connections.cache.params.namespace").message())
        .isEqualTo("unknown field \"namespace\"");
  }

  @Test
  void connectionNeedsInjectedEnv() {
    AdmissionResult r =
        admitCart(
            """
              connections:
                cache:
                  type: api
                  params: {componentName: redis, endpoint: tcp}
                  inject: {env: []}
            """);
    assertThat(only(r, Rule.Required, "spec.connections.cache.inject.env").message())
        .isEqualTo("env must have at least one entry");
  }

  @Test
  void row49_hostAndCidr() {
    AdmissionResult r =
        admitCart("  egress:\n    - {host: api.github.com, cidr: 140.82.112.0/20, port: 443}\n");
    assertThat(only(r, Rule.MutuallyExclusive, "spec.egress[0]").message())
        .isEqualTo("only one of host, cidr may be set");
  }

  @Test
  void row50_ipAddressAsHost() {
    AdmissionResult r =
        admitCart(
            "  egress:\n"
                + "    - {host: api.github.com, port: 443}\n"
                + "    - {host: 10.0.0.5, port: 5432}\n");
    assertThat(only(r, Rule.InvalidFormat, "spec.egress[1].host").message())
        .isEqualTo("host is not a valid hostname: IP addresses go in cidr");
  }

  @Test
  void duplicateEgressRules() {
    AdmissionResult r =
        admitCart(
            """
              egress:
                - {cidr: 10.0.0.5/32, port: 5432}
                - {host: api.github.com, port: 443}
                - {cidr: 10.0.0.5, port: 5432, protocol: TCP}
                - {cidr: 10.0.0.5, port: 5432, protocol: UDP}
            """);
    assertThat(only(r, Rule.Duplicate, "spec.egress[2]").message())
        .isEqualTo("duplicate egress rule \"10.0.0.5/32:5432/TCP\" (also at spec.egress[0])");
    assertThat(r.errors()).hasSize(1);
  }

  @Test
  void broadEgressWarns() {
    AdmissionResult r =
        assertAccepted(
            admitCart(
                "  egress:\n"
                    + "    - {cidr: 0.0.0.0/0, port: 443}\n"
                    + "    - {cidr: \"::/0\", port: 443}\n"));
    assertThat(only(r, Rule.BroadEgress, "spec.egress[0].cidr").isError()).isFalse();
    assertThat(only(r, Rule.BroadEgress, "spec.egress[1].cidr").isError()).isFalse();
  }

  @Test
  void ipv6AddressIsStoredWithFullPrefix() {
    AdmissionResult r =
        assertAccepted(
            admitCart("  egress:\n    - {cidr: \"fd00::1\", port: 53, protocol: UDP}\n"));
    Workload w = (Workload) r.objects().get(1).resource();
    assertThat(w.template().egress().get(0).cidr()).isEqualTo("fd00::1/128");
  }

  @Test
  void severalContainersWithoutMainWarn() {
    AdmissionResult r =
        assertAccepted(
            AppFixtures.kit()
                .admit(
                    batch(
                        CART,
                        """
                        apiVersion: openchoreo.dev/v1alpha1
                        kind: Workload
                        metadata: {name: cart}
                        spec:
                          owner: {projectName: default, componentName: cart}
                          containers:
                            app: {image: ghcr.io/acme/cart:v1}
                            proxy: {image: envoyproxy/envoy:v1.30.0}
                        """)));
    Problem p = only(r, Rule.NoMainContainerKey, "spec.containers");
    assertThat(p.isError()).isFalse();
    assertThat(p.message()).contains("\"app\" is the main container");
    Workload w = (Workload) r.objects().get(1).resource();
    assertThat(w.template().mainContainerName()).isEqualTo("app");
  }

  @Test
  void webApplicationAllowsOneHttpEndpoint() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    component("web", "WebApplication"),
                    workload(
                        "web",
                        "web",
                        "  endpoints:\n"
                            + "    a: {type: HTTP, port: 80}\n"
                            + "    b: {type: HTTP, port: 81}\n"
                            + "    c: {type: REST, port: 82}\n")));
    assertThat(only(r, Rule.Conflict, "spec.endpoints").message())
        .isEqualTo("a WebApplication component may have at most one HTTP endpoint; found 2: a, b");
  }

  @Test
  void scheduledTaskEndpointsAreIgnored() {
    AdmissionResult r =
        assertAccepted(
            AppFixtures.kit()
                .admit(
                    batch(
                        component("job", "ScheduledTask"),
                        workload("job", "job", "  endpoints:\n    a: {type: HTTP, port: 80}\n"))));
    assertThat(only(r, Rule.IgnoredField, "spec.endpoints").isError()).isFalse();
  }

  @Test
  void configurationGroupReferencesAndKeys() {
    String group =
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: ConfigurationGroup
        metadata: {name: github}
        spec:
          configurations:
            - key: repository
              values: [{environment: development, value: x}]
            - key: pat
              values: [{environment: development, vaultKey: secret/data/dev/github/pat}]
        """;
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                batch(
                    CART,
                    group,
                    workload(
                        "cart",
                        "cart",
                        """
                              env:
                                - key: TOKEN
                                  valueFrom: {configurationGroupRef: {name: github, key: pta}}
                              envFrom:
                                - configurationGroupRef: {name: missing}
                              fileMounts:
                                - mountPath: /etc/repo
                                  valueFrom: {configurationGroupRef: {name: github, key: repository}}
                              fileMountsFrom:
                                - {configurationGroupRef: {name: other}, mountPath: /etc/other}
                        """)));
    Problem key =
        only(
            r,
            Rule.InvalidReference,
            "spec.containers.main.env[0].valueFrom.configurationGroupRef.key");
    assertThat(key.message()).isEqualTo("ConfigurationGroup \"github\" has no key \"pta\"");
    assertThat(key.hint()).isEqualTo("did you mean \"pat\"?");
    assertThat(
            only(r, Rule.NotFound, "spec.containers.main.envFrom[0].configurationGroupRef.name")
                .message())
        .isEqualTo("ConfigurationGroup \"missing\" not found in namespace default");
    only(r, Rule.NotFound, "spec.containers.main.fileMountsFrom[0].configurationGroupRef.name");
    assertThat(r.errors()).hasSize(3);
  }

  @Test
  void ownerIsImmutable() {
    TestAdmission t =
        AppFixtures.kit()
            .stored(batch(CART, component("cart2", "Service"), workload("cart", "cart", "")));
    AdmissionResult r = t.admit(workload("cart", "cart2", ""));
    assertThat(only(r, Rule.Immutable, "spec.owner").message()).isEqualTo("field is immutable");
  }
}
