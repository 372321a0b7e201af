package dev.troupe.api.kinds.platform;

import static dev.troupe.api.kinds.platform.PlatformFixtures.KEY;
import static dev.troupe.api.kinds.platform.PlatformFixtures.specYaml;
import static dev.troupe.api.kinds.platform.PlatformFixtures.yaml;
import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static dev.troupe.api.testing.TestAdmission.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.admission.Severity;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

class DataPlaneKindTest {
  private static final String HEAD =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: DataPlane
      metadata: {name: eu-west}
      spec:
        registry: {prefix: docker.io/acme}
      """;

  private static final String CLUSTER =
      """
        kubernetesCluster:
          name: eu-west-1
          credentials:
            apiServerURL: https://k8s.eu-west.example.com:6443
            caCert: $CA
            clientCert: $CERT
            clientKeySecretRef: {name: eu-west-credentials, key: clientKey}
      """;

  private static final String GATEWAY =
      """
        gateway:
          publicVirtualHost: apps.example.com
          organizationVirtualHost: apps.example.internal
      """;

  private static AdmissionResult admit(String specTail) {
    return TestAdmission.create().admit(yaml(HEAD + specTail));
  }

  @Test
  void kubernetesModeIsDefaulted() {
    AdmissionResult r = assertAccepted(admit(CLUSTER + GATEWAY));
    assertThat(r.warnings()).isEmpty();
    assertThat(specYaml(r, "DataPlane", "eu-west"))
        .isEqualTo(
            yaml(
                """
                registry:
                  prefix: docker.io/acme
                kubernetesCluster:
                  name: eu-west-1
                  credentials:
                    apiServerURL: https://k8s.eu-west.example.com:6443
                    caCert: $CA
                    clientCert: $CERT
                    clientKeySecretRef:
                      name: eu-west-credentials
                      key: clientKey
                gateway:
                  publicVirtualHost: apps.example.com
                  organizationVirtualHost: apps.example.internal
                  listenerPort: 443
                  podPort: 10443
                  namespace: openchoreo-data-plane
                  externalGatewayName: gateway-external
                  internalGatewayName: gateway-internal
                releaseMode: kubernetes
                cellNamespaceDeletion: Delete
                secrets:
                  provider: externalSecrets
                  externalSecrets:
                    storeRef:
                      kind: ClusterSecretStore
                      name: default
                    refreshInterval: 1h
                networkPolicy:
                  provider: cilium
                  clusterDNS:
                    namespace: kube-system
                    podLabels:
                      k8s-app: kube-dns
                    port: 53
                """));
    DataPlane dp = (DataPlane) r.objects().get(0).resource();
    assertThat(dp.spec().gateway().podPort()).isEqualTo(10443);
    assertThat(dp.spec().gitopsMode()).isFalse();
    assertThat(dp.metadata().labels()).containsEntry("openchoreo.dev/name", "eu-west");
  }

  @Test
  void row68_kubernetesModeWithoutCluster() {
    Problem p = problem(admit(GATEWAY), Rule.Required, "spec.kubernetesCluster");
    assertThat(p.message()).isEqualTo("required field \"kubernetesCluster\" is missing");
    assertThat(p.hint())
        .isEqualTo(
            "required in kubernetes release mode; set releaseMode: gitops to commit to Git"
                + " instead");
  }

  @Test
  void gitopsModeNeedsNoClusterAndGetsRepositoryDefaults() {
    AdmissionResult r = assertAccepted(admit(GATEWAY + "  releaseMode: gitops\n"));
    assertThat(specYaml(r, "DataPlane", "eu-west"))
        .contains(
            """
            releaseMode: gitops
            gitops:
              repository:
                branch: main
                path: ""
            cellNamespaceDeletion: Delete
            """);
    DataPlane dp = (DataPlane) r.objects().get(0).resource();
    assertThat(dp.spec().gitops().repository().embedded()).isTrue();
  }

  @Test
  void gitopsSettingsAreValidated() {
    AdmissionResult r =
        admit(
            GATEWAY
                + """
                  releaseMode: gitops
                  gitops:
                    repository: {url: "https://bob:pw@git.example.com/ops.git", path: ../x}
                    author: {email: nobody}
                """);
    assertThat(problem(r, Rule.InvalidFormat, "spec.gitops.repository.url").message())
        .isEqualTo("url is not a valid Git URL: credentials in the URL are not allowed")
        .doesNotContain("pw");
    problem(r, Rule.InvalidFormat, "spec.gitops.repository.path");
    problem(r, Rule.InvalidFormat, "spec.gitops.author.email");
  }

  @Test
  void gitopsInKubernetesModeIsIgnored() {
    AdmissionResult r =
        assertAccepted(admit(CLUSTER + GATEWAY + "  gitops: {repository: {branch: main}}\n"));
    Problem p = problem(r, Rule.IgnoredField, "spec.gitops");
    assertThat(p.severity()).isEqualTo(Severity.WARNING);
    assertThat(p.message()).isEqualTo("gitops has no effect while releaseMode is kubernetes");
  }

  @Test
  void podPortDefaultsFollowEnvoyGateway() {
    assertThat(podPort("    listenerPort: 80\n")).isEqualTo(10080);
    assertThat(podPort("    listenerPort: 1023\n")).isEqualTo(11023);
    assertThat(podPort("    listenerPort: 1024\n")).isEqualTo(1024);
    assertThat(podPort("    listenerPort: 8443\n")).isEqualTo(8443);
    assertThat(podPort("    listenerPort: 443\n    podPort: 8443\n")).isEqualTo(8443);
    assertThat(DataPlaneSchema.defaultPodPort(443)).isEqualTo(10443);
  }

  private static int podPort(String ports) {
    AdmissionResult r = assertAccepted(admit(CLUSTER + GATEWAY + ports));
    String spec = specYaml(r, "DataPlane", "eu-west");
    // podPort is written right after listenerPort (field-table order)
    assertThat(spec).containsPattern("listenerPort: \\d+\n  podPort: \\d+\n  namespace:");
    return ((DataPlane) r.objects().get(0).resource()).spec().gateway().podPort();
  }

  @Test
  void portsAreRangeChecked() {
    AdmissionResult r = admit(CLUSTER + GATEWAY + "    listenerPort: 70000\n");
    assertThat(problem(r, Rule.Range, "spec.gateway.listenerPort").message())
        .isEqualTo("70000 is out of range 1..65535");
  }

  @Test
  void virtualHostsMustDiffer() {
    AdmissionResult r =
        admit(
            CLUSTER
                + """
                  gateway:
                    publicVirtualHost: apps.example.com
                    organizationVirtualHost: apps.example.com
                """);
    assertThat(problem(r, Rule.Conflict, "spec.gateway.publicVirtualHost").message())
        .isEqualTo(
            "publicVirtualHost must differ from organizationVirtualHost; both are"
                + " \"apps.example.com\"");
  }

  @Test
  void hostsAndRegistryAreValidated() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                yaml(
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: DataPlane
                    metadata: {name: eu-west}
                    spec:
                      registry: {prefix: "https://docker.io/acme/"}
                      releaseMode: gitops
                      gateway:
                        publicVirtualHost: "*.apps.example.com"
                        organizationVirtualHost: 10.0.0.1
                        namespace: Gateways
                    """));
    problem(r, Rule.InvalidFormat, "spec.registry.prefix");
    problem(r, Rule.InvalidFormat, "spec.gateway.publicVirtualHost");
    problem(r, Rule.InvalidFormat, "spec.gateway.organizationVirtualHost");
    problem(r, Rule.InvalidName, "spec.gateway.namespace");
  }

  @Test
  void enumerationsAreClosed() {
    AdmissionResult r =
        admit(
            CLUSTER
                + GATEWAY
                + """
                  releaseMode: GitOps
                  cellNamespaceDeletion: Keep
                  networkPolicy: {provider: calico}
                """);
    Problem mode = problem(r, Rule.EnumValue, "spec.releaseMode");
    assertThat(mode.message())
        .isEqualTo("unsupported value \"GitOps\"; allowed values: kubernetes, gitops");
    assertThat(mode.hint()).isEqualTo("did you mean \"gitops\"?");
    problem(r, Rule.EnumValue, "spec.cellNamespaceDeletion");
    problem(r, Rule.EnumValue, "spec.networkPolicy.provider");
  }

  @Test
  void row67_clientKeyNotDecodable() {
    String secret = "bm90IGEga2V5IGF0IGFsbA==";
    AdmissionResult r =
        admit(
            CLUSTER.replace(
                    "clientKeySecretRef: {name: eu-west-credentials, key: clientKey}",
                    "clientKey: " + secret)
                + GATEWAY);
    Problem p = problem(r, Rule.InvalidFormat, "spec.kubernetesCluster.credentials.clientKey");
    assertThat(p.message()).isEqualTo("clientKey is not valid base64-encoded PEM private key data");
    assertThat(TestAdmission.text(r)).doesNotContain(secret);
  }

  @Test
  void clientKeyGivenAsPemTextIsRejectedWithoutEcho() {
    AdmissionResult r =
        admit(
            CLUSTER.replace(
                    "clientKeySecretRef: {name: eu-west-credentials, key: clientKey}",
                    "clientKey: \"-----BEGIN PRIVATE KEY-----\"")
                + GATEWAY);
    Problem p = problem(r, Rule.InvalidFormat, "spec.kubernetesCluster.credentials.clientKey");
    assertThat(p.message())
        .isEqualTo(
            "clientKey is not valid base64-encoded PEM private key data: expected the PEM text"
                + " base64-encoded, not the PEM text itself");
  }

  @Test
  void inlineClientKeyIsAcceptedWithSecretMoved() {
    AdmissionResult r =
        assertAccepted(
            admit(
                CLUSTER.replace(
                        "clientKeySecretRef: {name: eu-west-credentials, key: clientKey}",
                        "clientKey: $KEY")
                    + GATEWAY));
    Problem p = problem(r, Rule.SecretMoved, "spec.kubernetesCluster.credentials.clientKey");
    assertThat(p.severity()).isEqualTo(Severity.WARNING);
    assertThat(p.message())
        .isEqualTo(
            "the inline clientKey is secret material: it is moved to Secret"
                + " \"dataplane-eu-west-credentials\" (key clientKey) and removed from the object");
    assertThat(TestAdmission.text(r)).doesNotContain(KEY);
  }

  @Test
  void inlineObserverPasswordIsAcceptedWithSecretMoved() {
    AdmissionResult r =
        assertAccepted(
            admit(
                CLUSTER
                    + GATEWAY
                    + """
                      observer:
                        url: https://observer.example.com
                        authentication:
                          basicAuth: {username: dashboard, password: hunter2}
                    """));
    Problem p = problem(r, Rule.SecretMoved, "spec.observer.authentication.basicAuth.password");
    assertThat(p.message()).contains("\"dataplane-eu-west-credentials\" (key observerPassword)");
    assertThat(TestAdmission.text(r)).doesNotContain("hunter2");
  }

  @Test
  void credentialAlternativesAreExclusive() {
    AdmissionResult both =
        admit(
            CLUSTER.replace("clientKeySecretRef:", "clientKey: $KEY\n      clientKeySecretRef:")
                + GATEWAY);
    assertThat(
            problem(both, Rule.MutuallyExclusive, "spec.kubernetesCluster.credentials").message())
        .isEqualTo("only one of clientKey, clientKeySecretRef may be set");
    assertThat(TestAdmission.text(both)).doesNotContain(KEY);

    AdmissionResult none =
        admit(
            CLUSTER.replace(
                    "      clientKeySecretRef: {name: eu-west-credentials, key: clientKey}\n", "")
                + GATEWAY);
    assertThat(problem(none, Rule.OneOfRequired, "spec.kubernetesCluster.credentials").message())
        .isEqualTo("exactly one of clientKey, clientKeySecretRef must be set");
  }

  @Test
  void clusterCredentialsAreValidated() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                yaml(
                    HEAD
                        + """
                          kubernetesCluster:
                            name: ""
                            credentials:
                              apiServerURL: http://k8s.example.com
                              caCert: $KEY
                              clientCert: not-base64!
                              clientKeySecretRef: {name: creds}
                        """
                        + GATEWAY));
    problem(r, Rule.Required, "spec.kubernetesCluster.name");
    problem(r, Rule.InvalidFormat, "spec.kubernetesCluster.credentials.apiServerURL");
    problem(r, Rule.InvalidFormat, "spec.kubernetesCluster.credentials.caCert");
    problem(r, Rule.InvalidFormat, "spec.kubernetesCluster.credentials.clientCert");
    problem(r, Rule.Required, "spec.kubernetesCluster.credentials.clientKeySecretRef.key");
  }

  @Test
  void observerIsValidated() {
    AdmissionResult r =
        admit(
            CLUSTER
                + GATEWAY
                + """
                  observer:
                    url: ftp://observer.example.com
                    authentication:
                      basicAuth: {username: ""}
                """);
    problem(r, Rule.InvalidFormat, "spec.observer.url");
    problem(r, Rule.Required, "spec.observer.authentication.basicAuth.username");
    problem(r, Rule.OneOfRequired, "spec.observer.authentication.basicAuth");
  }

  @Test
  void csiProviderGetsVaultDefaultAndNeedsItsParameters() {
    AdmissionResult none = admit(CLUSTER + GATEWAY + "  secrets: {provider: csi}\n");
    Problem p = problem(none, Rule.Required, "spec.secrets.csi.parameters");
    assertThat(p.message()).isEqualTo("required field \"parameters\" is missing");
    assertThat(p.hint()).isEqualTo("the vault CSI provider needs vaultAddress and roleName");

    AdmissionResult partial =
        admit(
            CLUSTER
                + GATEWAY
                + """
                  secrets:
                    provider: csi
                    csi:
                      parameters: {vaultAddress: "https://vault.example.com:8200"}
                """);
    assertThat(problem(partial, Rule.Required, "spec.secrets.csi.parameters.roleName").message())
        .isEqualTo("required field \"roleName\" is missing");

    AdmissionResult ok =
        assertAccepted(
            admit(
                CLUSTER
                    + GATEWAY
                    + """
                      secrets:
                        provider: csi
                        csi:
                          parameters: {vaultAddress: "https://vault:8200", roleName: cells}
                    """));
    assertThat(specYaml(ok, "DataPlane", "eu-west"))
        .contains(
            """
            secrets:
              provider: csi
              csi:
                provider: vault
                parameters:
                  vaultAddress: https://vault:8200
                  roleName: cells
            """);
    assertThat(ok.warnings()).isEmpty();
  }

  @Test
  void otherCsiProvidersNeedNoVaultParameters() {
    AdmissionResult r =
        assertAccepted(
            admit(CLUSTER + GATEWAY + "  secrets: {provider: csi, csi: {provider: azure}}\n"));
    assertThat(r.warnings()).isEmpty();
  }

  @Test
  void csiObjectsParameterIsForbidden() {
    AdmissionResult r =
        admit(
            CLUSTER
                + GATEWAY
                + """
                  secrets:
                    provider: csi
                    csi:
                      parameters: {vaultAddress: "https://vault:8200", roleName: r, objects: x}
                """);
    problem(r, Rule.Forbidden, "spec.secrets.csi.parameters.objects");
  }

  @Test
  void settingsOfTheInactiveSecretProviderAreIgnored() {
    AdmissionResult csiIgnored =
        assertAccepted(admit(CLUSTER + GATEWAY + "  secrets: {csi: {provider: vault}}\n"));
    assertThat(problem(csiIgnored, Rule.IgnoredField, "spec.secrets.csi").message())
        .isEqualTo("secrets.csi has no effect while secrets.provider is externalSecrets");
    // the active provider's defaults are still written
    assertThat(specYaml(csiIgnored, "DataPlane", "eu-west"))
        .contains("  externalSecrets:\n    storeRef:\n      kind: ClusterSecretStore");

    AdmissionResult esIgnored =
        admit(
            CLUSTER
                + GATEWAY
                + """
                  secrets:
                    provider: csi
                    externalSecrets: {refreshInterval: 5m}
                    csi: {parameters: {vaultAddress: "https://vault:8200", roleName: r}}
                """);
    assertAccepted(esIgnored);
    assertThat(problem(esIgnored, Rule.IgnoredField, "spec.secrets.externalSecrets").message())
        .isEqualTo("secrets.externalSecrets has no effect while secrets.provider is csi");
  }

  @Test
  void externalSecretsSettingsAreValidated() {
    AdmissionResult r =
        admit(
            CLUSTER
                + GATEWAY
                + """
                  secrets:
                    externalSecrets:
                      storeRef: {kind: VaultStore}
                      refreshInterval: 1 hour
                """);
    problem(r, Rule.EnumValue, "spec.secrets.externalSecrets.storeRef.kind");
    problem(r, Rule.InvalidFormat, "spec.secrets.externalSecrets.refreshInterval");
  }

  @Test
  void clusterDnsIsValidated() {
    AdmissionResult r =
        admit(
            CLUSTER
                + GATEWAY
                + """
                  networkPolicy:
                    provider: kubernetes
                    clusterDNS: {podLabels: {"k8s-app": "kube dns"}, port: 0}
                """);
    problem(r, Rule.InvalidFormat, "spec.networkPolicy.clusterDNS.podLabels.k8s-app");
    problem(r, Rule.Range, "spec.networkPolicy.clusterDNS.port");
  }

  @Test
  void row40_organizationLabelMismatch() {
    AdmissionResult r =
        TestAdmission.create()
            .admit(
                yaml(
                    """
                    apiVersion: openchoreo.dev/v1alpha1
                    kind: DataPlane
                    metadata:
                      name: eu-west
                      labels: {openchoreo.dev/organization: acme}
                    spec:
                      registry: {prefix: docker.io/acme}
                      releaseMode: gitops
                      gateway:
                        publicVirtualHost: a.example.com
                        organizationVirtualHost: b.example.com
                    """));
    Problem p = problem(r, Rule.LabelMismatch, "metadata.labels[\"openchoreo.dev/organization\"]");
    assertThat(p.message())
        .isEqualTo("label openchoreo.dev/organization must be \"default\", got \"acme\"");
  }

  @Test
  void namesAreDnsSubdomains() {
    assertAccepted(
        TestAdmission.create().admit(PlatformFixtures.gitopsDataPlane("eu-west.primary")));
    problem(
        TestAdmission.create().admit(PlatformFixtures.gitopsDataPlane("EU_West")),
        Rule.InvalidName,
        "metadata.name");
  }

  @Test
  void secretRefForNamesTheCredentialsSecret() {
    assertThat(DataPlaneKind.secretRefFor("DataPlane", "default"))
        .isEqualTo("dataplane-default-credentials");
    assertThat(DataPlaneKind.secretRefFor("BuildPlane", "ci"))
        .isEqualTo("buildplane-ci-credentials");
  }
}
