package dev.troupe.api.kinds.classes;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.testing.TestAdmission;
import org.junit.jupiter.api.Test;

/** The class objects of the starter kit (model.md §5), exactly as listed there, are valid. */
class StarterKitClassesTest {
  static final String CLASSES =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceClass            # WebApplicationClass "default" has the identical spec
      metadata:
        name: default
        namespace: default
      spec:
        deploymentTemplate:
          replicas: 1
          template:
            spec:
              containers:
              - name: main
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
                  limits: {cpu: 400m, memory: 256Mi}
        serviceTemplate:
          type: ClusterIP
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: WebApplicationClass
      metadata:
        name: default
        namespace: default
      spec:
        deploymentTemplate:
          replicas: 1
          template:
            spec:
              containers:
              - name: main
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
                  limits: {cpu: 400m, memory: 256Mi}
        serviceTemplate:
          type: ClusterIP
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTaskClass
      metadata:
        name: default
        namespace: default
      spec:
        cronJobTemplate:
          schedule: "0 0 * * *"
          timeZone: Etc/UTC
          concurrencyPolicy: Forbid
          successfulJobsHistoryLimit: 3
          failedJobsHistoryLimit: 1
          jobTemplate:
            spec:
              backoffLimit: 3
              activeDeadlineSeconds: 3600
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: main
                    resources:
                      requests: {cpu: 100m, memory: 64Mi}
                      limits: {cpu: 400m, memory: 256Mi}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata: {name: default, namespace: default}
      spec:
        restPolicy:
          defaults: {}
          public: {}
          organization: {}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata: {name: default-with-jwt-auth, namespace: default}
      spec:
        restPolicy:
          defaults:
            authentication:
              type: jwt
              jwt:
                jwks: "http://openchoreo-identity-provider.openchoreo-identity-system:8090/oauth2/jwks"
                issuer: "https://openchoreo.example.com"
          public: {}
          organization: {}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata: {name: default-with-rate-limit, namespace: default}
      spec:
        restPolicy:
          defaults:
            rateLimit: {requests: 10, window: "1m"}     # 10 requests per Minute
          public: {}
          organization: {}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata: {name: default-with-cors, namespace: default}
      spec:
        restPolicy:
          defaults:
            cors:
              allowOrigins: ["https://example.com", "https://app.example.com"]
              allowMethods: ["GET", "POST", "PUT", "DELETE"]
              allowHeaders: ["Content-Type", "Authorization"]
              exposeHeaders: ["X-Request-ID"]
              maxAge: 86400
          public: {}
          organization: {}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata: {name: default-with-circuit-breaker, namespace: default}
      spec:
        restPolicy:
          defaults:
            circuitBreaker:
              enabled: true
              maxConnections: 50
              maxParallelRequests: 50
              maxParallelRetries: 1
              maxPendingRequests: 20
          public: {}
          organization: {}
      """;

  @Test
  void starterKitClassesAreAcceptedWithoutWarnings() {
    AdmissionResult r = assertAccepted(TestAdmission.create().admit(CLASSES));
    assertThat(r.problems()).isEmpty();
    assertThat(r.objects())
        .extracting(o -> o.resource().kind() + "/" + o.resource().name())
        .containsExactly(
            "ServiceClass/default",
            "WebApplicationClass/default",
            "ScheduledTaskClass/default",
            "APIClass/default",
            "APIClass/default-with-jwt-auth",
            "APIClass/default-with-rate-limit",
            "APIClass/default-with-cors",
            "APIClass/default-with-circuit-breaker");
    ScheduledTaskClass task = (ScheduledTaskClass) r.objects().get(2).resource();
    assertThat(task.schedule()).contains("0 0 * * *");
    assertThat(task.timeZone()).contains("Etc/UTC");
    APIClass breaker = (APIClass) r.objects().get(7).resource();
    assertThat(breaker.policyFor(APIClass.PUBLIC).orElseThrow().circuitBreaker().maxConnections())
        .isEqualTo(50);
  }

  @Test
  void defaultedApiClassIsStoredInCanonicalOrder() {
    AdmissionResult r = assertAccepted(TestAdmission.create().admit(CLASSES.split("---\n")[7]));
    assertThat(Codec.toYaml(r.objects().get(0).tree()))
        .isEqualTo(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: APIClass
            metadata:
              name: default-with-circuit-breaker
              namespace: default
              labels:
                openchoreo.dev/organization: default
            spec:
              restPolicy:
                defaults:
                  circuitBreaker:
                    enabled: true
                    maxConnections: 50
                    maxPendingRequests: 20
                    maxParallelRequests: 50
                    maxParallelRetries: 1
                public: {}
                organization: {}
            """);
  }

  @Test
  void defaultedServiceClassKeepsItsTemplates() {
    AdmissionResult r = assertAccepted(TestAdmission.create().admit(CLASSES.split("---\n")[0]));
    assertThat(Codec.toYaml(r.objects().get(0).tree()))
        .isEqualTo(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: ServiceClass
            metadata:
              name: default
              namespace: default
              labels:
                openchoreo.dev/organization: default
            spec:
              deploymentTemplate:
                replicas: 1
                template:
                  spec:
                    containers:
                      - name: main
                        resources:
                          requests:
                            cpu: 100m
                            memory: 64Mi
                          limits:
                            cpu: 400m
                            memory: 256Mi
              serviceTemplate:
                type: ClusterIP
            """);
  }
}
