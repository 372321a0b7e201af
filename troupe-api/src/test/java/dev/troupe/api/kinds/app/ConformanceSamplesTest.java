package dev.troupe.api.kinds.app;

import static dev.troupe.api.testing.TestAdmission.assertAccepted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.testing.ConformanceDocs;
import org.junit.jupiter.api.Test;

/**
 * OpenChoreo's from-image samples (conformance/openchoreo-samples/from-image) are accepted against
 * the starter kit, together with the classes and the ConfigurationGroup they reference.
 */
class ConformanceSamplesTest {

  static final String GREETER =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata:
        name: greeter-service
      spec:
        owner:
          projectName: default
        type: Service
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata:
        name: greeter-service
      spec:
        owner:
          componentName: greeter-service
          projectName: default
        containers:
          main:
            image: ghcr.io/openchoreo/samples/greeter-service:latest
            command:
              - ./go-greeter
            args:
              - --port
              - "9090"
            env:
              - key: LOG_LEVEL
                value: info
              - key: GITHUB_REPOSITORY
                valueFrom:
                  configurationGroupRef:
                    key: repository
                    name: github
              - key: GITHUB_TOKEN
                valueFrom:
                  configurationGroupRef:
                    key: pat
                    name: github
        endpoints:
          rest-api:
            type: REST
            port: 9090
            schema:
              type: REST
              content: |
                openapi: 3.0.0
                info:
                  title: Sample API
                  version: 1.0.0
                paths:
                  /reading-list:
                    get:
                      summary: Get all books in the reading list
        connections: { } # How does this look like?
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata:
        name: greeter-service
      spec:
        owner:
          componentName: greeter-service
          projectName: default
        workloadName: greeter-service
        className: go-service-standard
        overrides: { }
        apis:
          greeter-api: # Should we go with map type or array type?
            type: REST
            className: greeter-service-rest-api-standard
            rest:
              backend:
                port: 9090
                basePath: /greeter
              exposeLevels: [ "Organization", "Public" ]
      ---
      # Not part of OpenChoreo's samples: the ConfigurationGroup that greeter-service's Workload references.
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata:
        name: github
        namespace: default
      spec:
        configurations:
          - key: repository
            values:
              - environment: development
                value: "https://github.com/openchoreo/openchoreo"
          - key: pat
            values:
              - environment: development
                vaultKey: secret/data/dev/github/pat
      """
          + "---\n"
          + ConformanceDocs.GREETER_API_CLASS
          + "---\n"
          + ConformanceDocs.GO_SERVICE_STANDARD;

  static final String REACT_STARTER =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata:
        name: react-starter
      spec:
        owner:
          projectName: default
        type: WebApplication
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata:
        name: react-starter
      spec:
        owner:
          componentName: react-starter
          projectName: default
        containers:
          main:
            image: choreoanonymouspullable.azurecr.io/react-spa:v0.9
            args: []
            env:
              - key: NODE_ENV
                value: production
              - key: PORT
                value: "8080"
        endpoints:
          webapp:
            type: HTTP
            port: 8080
        connections: { } # How does this look like?
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: WebApplication
      metadata:
        name: react-starter
      spec:
        owner:
          componentName: react-starter
          projectName: default
        workloadName: react-starter
        overrides: { }
      """;

  static final String ISSUE_REPORTER =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata:
        name: github-issue-reporter
      spec:
        owner:
          projectName: default
        type: ScheduledTask
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata:
        name: github-issue-reporter
      spec:
        owner:
          componentName: github-issue-reporter
          projectName: default
        containers:
          main:
            image: ghcr.io/openchoreo/samples/github-issue-reporter:latest
            args: []
            env:
              - key: GITHUB_REPOSITORY
                value: "https://github.com/openchoreo/openchoreo"
              - key: GITHUB_TOKEN
                value: "your-github-token-here"
              - key: MYSQL_HOST
                value: "mysql.internal"
              - key: MYSQL_PORT
                value: "3306"
              - key: MYSQL_USER
                value: "github-reporter-user"
              - key: MYSQL_PASSWORD
                value: "secure-password-here"
              - key: MYSQL_DATABASE
                value: "github-issue-reporter"
              - key: EMAIL_HOST
                value: "smtp.internal"
              - key: EMAIL_PORT
                value: "587"
              - key: EMAIL_SENDER
                value: "no-reply@example.com"
              - key: EMAIL_PASSWORD
                value: "email-password-here"
              - key: EMAIL_TO
                value: "admin@example.com"
        endpoints: { } # Scheduled tasks typically don't expose endpoints
        connections: { } # How does this look like?
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTask
      metadata:
        name: github-issue-reporter
      spec:
        owner:
          componentName: github-issue-reporter
          projectName: default
        workloadName: github-issue-reporter
        className: github-task-standard
        overrides: { }
      """
          + "---\n"
          + ConformanceDocs.GITHUB_TASK_STANDARD;

  @Test
  void greeterServiceIsAccepted() {
    AdmissionResult r = assertAccepted(AppFixtures.kit().admit(GREETER));
    assertThat(r.objects()).hasSize(6);
    Service service =
        r.objects().stream()
            .map(o -> o.resource())
            .filter(Service.class::isInstance)
            .map(Service.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(service.spec().apis().get("greeter-api").rest().backend().port()).isEqualTo(9090);
    // overrides: {} is empty: no IgnoredField warning
    assertThat(r.problems()).extracting(Problem::rule).doesNotContain(Rule.IgnoredField);
  }

  @Test
  void reactStarterIsAccepted() {
    AdmissionResult r = assertAccepted(AppFixtures.kit().admit(REACT_STARTER));
    WebApplication app = (WebApplication) r.objects().get(2).resource();
    assertThat(app.className()).isEqualTo("default");
  }

  @Test
  void issueReporterIsAccepted() {
    AdmissionResult r = assertAccepted(AppFixtures.kit().admit(ISSUE_REPORTER));
    // endpoints: {} is empty: no IgnoredField warning for the task's endpoints
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void allSamplesTogetherAreAccepted() {
    assertAccepted(
        AppFixtures.kit().admit(GREETER + "---\n" + REACT_STARTER + "---\n" + ISSUE_REPORTER));
  }
}
