package dev.troupe.api.kinds.app;

import static dev.troupe.api.kinds.app.AppFixtures.batch;
import static dev.troupe.api.kinds.app.AppFixtures.component;
import static dev.troupe.api.kinds.app.AppFixtures.workload;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

/** Workload structure: containers, env, file mounts, endpoints (§4.5 rows 10–30). */
class WorkloadTest {
  static final String CART = component("cart", "Service");

  private static AdmissionResult admitCart(String extraSpec) {
    return AppFixtures.kit().admit(batch(CART, workload("cart", "cart", extraSpec)));
  }

  private static Problem only(AdmissionResult r, Rule rule, String path) {
    return problem(r, rule, path);
  }

  @Test
  void fullWorkloadIsAcceptedWithDefaultsAndNormalizedEgress() {
    AdmissionResult r =
        assertAccepted(
            AppFixtures.kit()
                .as(Identity.developer("alice@example.com"))
                .admit(
                    batch(
                        CART,
                        """
                        apiVersion: openchoreo.dev/v1alpha1
                        kind: Workload
                        metadata: {name: cart}
                        spec:
                          egress:
                            - {cidr: 10.0.0.5, port: 5432}
                            - {host: "*.stripe.com", port: 443, protocol: TCP}
                          owner: {projectName: default, componentName: cart}
                          containers:
                            main:
                              image: ghcr.io/acme/cart:v1
                              env:
                                - {key: LOG_LEVEL, value: info}
                                - key: DB_URL
                                  valueFrom: {secretRef: {name: db, key: url}}
                              envFrom:
                                - secretRef: {name: cart-env}
                              fileMounts:
                                - {mountPath: /etc/cart/app.json, value: "{}"}
                              fileMountsFrom:
                                - {configurationGroupRef: {name: shared}, mountPath: /etc/shared}
                          endpoints:
                            http: {type: HTTP, port: 8080}
                            api: {type: REST, port: 8080}
                          connections:
                            inventory:
                              type: api
                              params: {componentName: inventory, endpoint: http}
                              inject:
                                env:
                                  - {name: INVENTORY_URL, value: "{{ .url }}"}
                        ---
                        apiVersion: openchoreo.dev/v1alpha1
                        kind: ConfigurationGroup
                        metadata: {name: shared}
                        spec:
                          configurations:
                            - key: a
                              values: [{environment: development, value: x}]
                        """)));
    assertThat(Codec.toYaml(r.objects().get(2).tree()))
        .isEqualTo(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Workload
            metadata:
              name: cart
              namespace: default
              labels:
                openchoreo.dev/organization: default
                openchoreo.dev/project: default
                openchoreo.dev/component: cart
              annotations:
                openchoreo.dev/last-modified-by: alice@example.com
            spec:
              owner:
                projectName: default
                componentName: cart
              containers:
                main:
                  image: ghcr.io/acme/cart:v1
                  env:
                    - key: LOG_LEVEL
                      value: info
                    - key: DB_URL
                      valueFrom:
                        secretRef:
                          name: db
                          key: url
                  envFrom:
                    - secretRef:
                        name: cart-env
                  fileMounts:
                    - mountPath: /etc/cart/app.json
                      value: "{}"
                  fileMountsFrom:
                    - configurationGroupRef:
                        name: shared
                      mountPath: /etc/shared
              endpoints:
                http:
                  type: HTTP
                  port: 8080
                api:
                  type: REST
                  port: 8080
              connections:
                inventory:
                  type: api
                  params:
                    componentName: inventory
                    endpoint: http
                  inject:
                    env:
                      - name: INVENTORY_URL
                        value: "{{ .url }}"
              egress:
                - cidr: 10.0.0.5/32
                  port: 5432
                  protocol: TCP
                - host: '*.stripe.com'
                  port: 443
                  protocol: TCP
            """);
    Workload w = (Workload) r.objects().get(2).resource();
    assertThat(w.template().mainContainerName()).isEqualTo("main");
    assertThat(w.template().egress().get(0).destination())
        .isEqualTo(new EgressRule.Cidr("10.0.0.5/32"));
    assertThat(w.template().mainContainer().envOrEmpty().get(1).source())
        .isEqualTo(new ValueSource.FromSecret("db", "url"));
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void row10_duplicateImageKey() {
    AdmissionResult r =
        AppFixtures.kit()
            .admit(
                """
                apiVersion: openchoreo.dev/v1alpha1
                kind: Workload
                metadata: {name: cart}
                spec:
                  owner: {projectName: default, componentName: cart}
                  containers:
                    main:
                      image: ghcr.io/acme/cart:v1
                      image: ghcr.io/acme/cart:v2
                """);
    assertThat(only(r, Rule.DuplicateKey, "spec.containers.main.image").message())
        .isEqualTo("duplicate key \"image\" (first at line 8)");
  }

  @Test
  void row11_containerPortsAreUnknownWithHint() {
    Problem p =
        only(
            admitCart("      ports: [{containerPort: 8080}]\n"),
            Rule.UnknownField,
            "spec.containers.main.ports");
    assertThat(p.message()).isEqualTo("unknown field \"ports\"");
    assertThat(p.hint()).isEqualTo("container ports come from spec.endpoints.<name>.port");
  }

  @Test
  void row13_endpointProtocolInsteadOfType() {
    AdmissionResult r = admitCart("  endpoints:\n    webapp: {protocol: TCP, port: 8080}\n");
    Problem unknown = only(r, Rule.UnknownField, "spec.endpoints.webapp.protocol");
    assertThat(unknown.message()).isEqualTo("unknown field \"protocol\"");
    assertThat(unknown.hint()).isEqualTo("the endpoint protocol is spec.endpoints.<name>.type");
    Problem required = only(r, Rule.Required, "spec.endpoints.webapp.type");
    assertThat(required.message()).isEqualTo("required field \"type\" is missing");
    assertThat(required.hint()).isEqualTo("the endpoint protocol is spec.endpoints.<name>.type");
  }

  @Test
  void row14_quotedPort() {
    assertThat(
            only(
                    admitCart("  endpoints:\n    api: {type: REST, port: \"8080\"}\n"),
                    Rule.TypeMismatch,
                    "spec.endpoints.api.port")
                .message())
        .isEqualTo("expected integer, got string");
  }

  @Test
  void row16_unquotedEnvValue() {
    Problem p =
        only(
            admitCart(
                """
                      env:
                        - {key: A, value: "1"}
                        - {key: B, value: "2"}
                        - {key: C, value: "3"}
                        - {key: MYSQL_PORT, value: 3306}
                """),
            Rule.TypeMismatch,
            "spec.containers.main.env[3].value");
    assertThat(p.message()).isEqualTo("expected string, got integer");
    assertThat(p.hint()).isEqualTo("quote it: \"3306\"");
  }

  @Test
  void row17_containerWithoutImage() {
    AdmissionResult r =
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
                        main: {args: [serve]}
                    """));
    assertThat(only(r, Rule.Required, "spec.containers.main.image").message())
        .isEqualTo("required field \"image\" is missing");
  }

  @Test
  void row18_emptyContainers() {
    AdmissionResult r =
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
                      containers: {}
                    """));
    assertThat(only(r, Rule.Required, "spec.containers").message())
        .isEqualTo("containers must have at least one entry");
  }

  @Test
  void row19_endpointTypeCase() {
    Problem p =
        only(
            admitCart("  endpoints:\n    api: {type: grpc, port: 9090}\n"),
            Rule.EnumValue,
            "spec.endpoints.api.type");
    assertThat(p.message())
        .isEqualTo(
            "unsupported value \"grpc\"; allowed values: HTTP, REST, gRPC, GraphQL, Websocket, TCP,"
                + " UDP");
    assertThat(p.hint()).isEqualTo("did you mean \"gRPC\"?");
  }

  @Test
  void row25_portOutOfRange() {
    assertThat(
            only(
                    admitCart("  endpoints:\n    api: {type: REST, port: 70000}\n"),
                    Rule.Range,
                    "spec.endpoints.api.port")
                .message())
        .isEqualTo("70000 is out of range 1..65535");
  }

  @Test
  void row26_duplicateMountPath() {
    AdmissionResult r =
        admitCart(
            """
                  fileMounts:
                    - {mountPath: /app/config.json, value: "{}"}
                    - {mountPath: /app/config.json, valueFrom: {secretRef: {name: s, key: k}}}
            """);
    assertThat(only(r, Rule.Duplicate, "spec.containers.main.fileMounts[1].mountPath").message())
        .isEqualTo(
            "duplicate mountPath \"/app/config.json\" (also at"
                + " spec.containers.main.fileMounts[0].mountPath)");
  }

  @Test
  void mountPathsAreUniqueAcrossFileMountsAndFileMountsFrom() {
    AdmissionResult r =
        admitCart(
            """
                  fileMounts:
                    - {mountPath: /etc/app, value: x}
                  fileMountsFrom:
                    - {configurationGroupRef: {name: g}, mountPath: /etc/app}
            """);
    assertThat(
            only(r, Rule.Duplicate, "spec.containers.main.fileMountsFrom[0].mountPath").message())
        .isEqualTo(
            "duplicate mountPath \"/etc/app\" (also at"
                + " spec.containers.main.fileMounts[0].mountPath)");
  }

  @Test
  void envKeysAreUniqueWithinAContainer() {
    AdmissionResult r =
        admitCart(
            """
                  env:
                    - {key: A, value: "1"}
                    - {key: A, value: "2"}
            """);
    assertThat(only(r, Rule.Duplicate, "spec.containers.main.env[1].key").message())
        .isEqualTo(
            "duplicate environment variable \"A\" (also at spec.containers.main.env[0].key)");
  }

  @Test
  void row28_valueAndValueFrom() {
    AdmissionResult r =
        admitCart(
            """
                  env:
                    - {key: A, value: "1"}
                    - {key: TOKEN, value: x, valueFrom: {secretRef: {name: gh, key: pat}}}
            """);
    assertThat(only(r, Rule.MutuallyExclusive, "spec.containers.main.env[1]").message())
        .isEqualTo("only one of value, valueFrom may be set");
  }

  @Test
  void row29_neitherValueNorValueFrom() {
    AdmissionResult r =
        admitCart(
            """
                  env:
                    - {key: A, value: "1"}
                    - {key: TOKEN}
            """);
    Problem p = only(r, Rule.OneOfRequired, "spec.containers.main.env[1]");
    assertThat(p.message()).isEqualTo("exactly one of value, valueFrom must be set");
    assertThat(p.hint()).isEqualTo("use value: \"\" for an empty variable");
  }

  @Test
  void row30_groupAndSecretRef() {
    AdmissionResult r =
        admitCart(
            """
                  env:
                    - {key: A, value: "1"}
                    - key: TOKEN
                      valueFrom:
                        configurationGroupRef: {name: github, key: pat}
                        secretRef: {name: gh, key: pat}
            """);
    assertThat(only(r, Rule.MutuallyExclusive, "spec.containers.main.env[1].valueFrom").message())
        .isEqualTo("only one of configurationGroupRef, secretRef may be set");
  }

  @Test
  void emptyValueIsValid() {
    assertAccepted(admitCart("      env: [{key: EMPTY, value: \"\"}]\n"));
  }

  @Test
  void legacyFileMountsFromShapeIsRejected() {
    AdmissionResult r =
        admitCart(
            """
                  fileMountsFrom:
                    - configurationGroupRef: {name: g, mountPath: /etc/g}
            """);
    only(
        r,
        Rule.UnknownField,
        "spec.containers.main.fileMountsFrom[0].configurationGroupRef.mountPath");
    only(r, Rule.Required, "spec.containers.main.fileMountsFrom[0].mountPath");
  }

  @Test
  void fileMountValueIsNeverQuoted() {
    AdmissionResult r =
        admitCart(
            """
                  fileMounts:
                    - {mountPath: relative/path, value: "s3cr3t-content"}
            """);
    assertThat(TestAdmission.text(r)).doesNotContain("s3cr3t-content");
    only(r, Rule.InvalidFormat, "spec.containers.main.fileMounts[0].mountPath");
  }

  @Test
  void fileMountValueOfWrongTypeIsNotEchoedInAHint() {
    Problem p =
        only(
            admitCart("      fileMounts: [{mountPath: /etc/pin, value: 424242}]\n"),
            Rule.TypeMismatch,
            "spec.containers.main.fileMounts[0].value");
    assertThat(p.hint()).isNull();
  }
}
