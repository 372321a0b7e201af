package dev.troupe.api.testing;

/**
 * Class documents of the OpenChoreo conformance samples (shared/conformance, from-image), pasted
 * verbatim so that tests run without the shared folder; used by the class and application tests.
 */
public final class ConformanceDocs {
  private ConformanceDocs() {}

  public static final String GO_SERVICE_STANDARD =
      """
      # Defines PE level configuration for the service component.
      # Individual component types will have their own classes. E.g., ScheduledTaskClass, WebApplicationClass, etc.
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceClass
      metadata:
        name: go-service-standard
      spec:
        deploymentTemplate:
          replicas: 1
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxSurge: 1
              maxUnavailable: 0
          template:
            metadata:
              labels:
                reloader.stakater.com/auto: "true"
            spec:
              containers:
                - name: main
                  env:
                    - name: LOG_TYPE
                      value: "json"
                  resources:
                    requests:
                      cpu: 200m
                      memory: 256Mi
                    limits:
                      cpu: 500m
                      memory: 512Mi
                - name: sidecar
                  image: busybox:latest
                  command: [ "/bin/sh", "-c" ]
                  args:
                    - |
                      echo "Exposing metrics on port 12001";
                      # Simulate long-running metrics server
                      while true; do nc -lk -p 12001 -e echo "metrics 1"; done
                  ports:
                    - name: metrics
                      containerPort: 12001
                  resources:
                    requests:
                      cpu: 200m
                      memory: 256Mi
                    limits:
                      cpu: 500m
                      memory: 512Mi
                  readinessProbe:
                    tcpSocket:
                      port: metrics
                    initialDelaySeconds: 5
                    periodSeconds: 10
        serviceTemplate:
          ports:
            - name: metrics-http
              port: 12001
              targetPort: 12001
      """;

  public static final String GREETER_API_CLASS =
      """
      # Defines the APIClass for the REST API exposed by the service.
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata:
        name: greeter-service-rest-api-standard
      spec:
        restPolicy:
          defaults:
            rateLimit:
              requests: 5
              window: "1m"
            authentication:
              type: jwt
              jwt:
                jwks: "https://dev-tfsf6412a2bn011a.us.auth0.com/.well-known/jwks.json"
                issuer: "https://dev-tfsf6412a2bn011a.us.auth0.com/"
                audience: ["openchoreo:greeter:service"]
              oauth2:
                scopes: ["greet"]
                tokenUrl: "https://dev-tfsf6412a2bn011a.us.auth0.com/oauth/token"
            cors:
              allowOrigins: ["https://example.com", "https://app.example.com"]
              allowMethods: ["GET", "POST", "PUT", "DELETE"]
              allowHeaders: ["Content-Type", "Authorization"]
              exposeHeaders: ["X-Request-ID"]
              maxAge: 86400
            circuitBreaker:
              enabled: true
              maxConnections: 2
          public:
            rateLimit:
              requests: 5
              window: "1h"
            security:
              requireTLS: true
              minTLSVersion: "1.3"
          organization:
            rateLimit:
              requests: 5000
              window: "1h"
      """;

  public static final String GITHUB_TASK_STANDARD =
      """
      # Defines PE level configuration for the scheduled task component.
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTaskClass
      metadata:
        name: github-task-standard
      spec:
        cronJobTemplate:
          # Run every minute for testing (from original sample)
          schedule: "*/1 * * * *"
          successfulJobsHistoryLimit: 3
          failedJobsHistoryLimit: 1
          concurrencyPolicy: Forbid
          jobTemplate:
            spec:
              backoffLimit: 3
              activeDeadlineSeconds: 300  # 5 minutes timeout
              template:
                metadata:
                  labels:
                    app.kubernetes.io/component: issue-reporter-schedule-task
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: main
                      env:
                        - name: LOG_LEVEL
                          value: "info"
                        - name: TASK_TYPE
                          value: "github-issue-reporter"
                      resources:
                        requests:
                          cpu: 100m
                          memory: 128Mi
                        limits:
                          cpu: 200m
                          memory: 256Mi
      """;
}
