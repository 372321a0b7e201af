package dev.troupe.render.health;

import static dev.troupe.render.health.HealthStatus.Degraded;
import static dev.troupe.render.health.HealthStatus.Healthy;
import static dev.troupe.render.health.HealthStatus.Progressing;
import static dev.troupe.render.health.LiveObjects.live;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Service, ExternalSecret, PVC, HPA, CiliumNetworkPolicy and "any other kind" rows. */
class OtherKindsHealthTest {

  @Test
  void serviceRows() {
    assertThat(Health.of(live("{apiVersion: v1, kind: Service, spec: {type: ClusterIP}}")))
        .isEqualTo(new Assessment(Healthy, ""));
    assertThat(Health.of(live("{apiVersion: v1, kind: Service, spec: {}}")).status())
        .isEqualTo(Healthy);
    assertThat(
            Health.of(
                live(
                    "{apiVersion: v1, kind: Service, spec: {type: LoadBalancer},"
                        + " status: {loadBalancer: {}}}")))
        .isEqualTo(new Assessment(Progressing, "waiting for a load balancer address"));
    assertThat(
            Health.of(
                    live(
                        "{apiVersion: v1, kind: Service, spec: {type: LoadBalancer},"
                            + " status: {loadBalancer: {ingress: [{ip: 10.0.0.1}]}}}"))
                .status())
        .isEqualTo(Healthy);
  }

  @ParameterizedTest
  @CsvSource({
    "v1, ConfigMap",
    "v1, Secret",
    "secrets-store.csi.x-k8s.io/v1, SecretProviderClass",
    "networking.k8s.io/v1, NetworkPolicy",
    "cilium.io/v2, CiliumNetworkPolicy",
    "v1, Namespace",
    "example.com/v1, Widget",
    "example.com/v1, Deployment"
  })
  void existingObjectsWithoutARuleAreHealthy(String apiVersion, String kind) {
    ObjectNode o =
        live("{apiVersion: " + apiVersion + ", kind: " + kind + ", spec: {replicas: 0}}");

    assertThat(Health.of(o)).isEqualTo(new Assessment(Healthy, ""));
  }

  @Test
  void ciliumNetworkPolicyValidFalseIsDegraded() {
    String cnp =
        "{apiVersion: cilium.io/v2, kind: CiliumNetworkPolicy, status: {conditions: [%s]}}";

    assertThat(
            Health.of(
                live(
                    cnp.formatted(
                        "{type: Valid, status: 'False', message: 'Invalid CiliumNetworkPolicy"
                            + " spec'}"))))
        .isEqualTo(new Assessment(Degraded, "Valid=False: Invalid CiliumNetworkPolicy spec"));
    assertThat(Health.of(live(cnp.formatted("{type: Valid, status: 'True'}"))).status())
        .isEqualTo(Healthy);
  }

  @Test
  void externalSecretRows() {
    String es =
        "{apiVersion: external-secrets.io/v1beta1, kind: ExternalSecret, status: {conditions:"
            + " [%s]}}";

    assertThat(Health.of(live(es.formatted("{type: Ready, status: 'True', reason: SecretSynced}"))))
        .isEqualTo(new Assessment(Healthy, ""));
    assertThat(
            Health.of(
                live(
                    es.formatted(
                        "{type: Ready, status: 'False', reason: SecretSyncedError,"
                            + " message: 'value s3cr3t rejected'}"))))
        .isEqualTo(new Assessment(Degraded, "SecretSyncedError"));
    assertThat(Health.of(live(es.formatted(""))).status()).isEqualTo(Progressing);
  }

  @Test
  void persistentVolumeClaimRows() {
    String pvc = "{apiVersion: v1, kind: PersistentVolumeClaim, status: {phase: %s}}";

    assertThat(Health.of(live(pvc.formatted("Bound"))).status()).isEqualTo(Healthy);
    assertThat(Health.of(live(pvc.formatted("Pending"))).status()).isEqualTo(Progressing);
    assertThat(Health.of(live(pvc.formatted("Lost")))).isEqualTo(new Assessment(Degraded, "Lost"));
  }

  @Test
  void horizontalPodAutoscalerRows() {
    String hpa =
        "{apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler, status: {conditions: [%s]}}";

    assertThat(
            Health.of(
                live(
                    hpa.formatted(
                        "{type: ScalingActive, status: 'False', reason:"
                            + " FailedGetResourceMetric}"))))
        .isEqualTo(new Assessment(Degraded, "ScalingActive=False: FailedGetResourceMetric"));
    assertThat(Health.of(live(hpa.formatted("{type: ScalingActive, status: 'True'}"))).status())
        .isEqualTo(Healthy);
  }

  @Test
  void kindWithoutApiVersionIsJudgedByKind() {
    assertThat(Health.of(live("{kind: Service, spec: {type: LoadBalancer}}")).status())
        .isEqualTo(Progressing);
  }

  @Test
  void gitopsObjectOfAnOlderReleaseGenerationIsWaitingForSync() {
    String cm =
        "{apiVersion: v1, kind: ConfigMap, metadata: {name: c,"
            + " annotations: {openchoreo.dev/release-generation: '%s'}}}";
    Observations gen3 = Observations.NONE.withReleaseGeneration(3L);

    assertThat(Health.of(live(cm.formatted("2")), gen3))
        .isEqualTo(new Assessment(Progressing, "waiting for GitOps sync"));
    assertThat(Health.of(live(cm.formatted("3")), gen3)).isEqualTo(new Assessment(Healthy, ""));
    assertThat(Health.of(live(cm.formatted("2"))).status()).isEqualTo(Healthy);
  }
}
