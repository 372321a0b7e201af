package dev.troupe.render.explain;

/**
 * A fixture that reaches the less common inputs: a main container not keyed {@code main}, a second
 * container, literal and group file mounts, {@code fileMountsFrom}, {@code envFrom}, a Secret
 * reference, an environment group, Workload and Class egress, the {@code csi} secrets provider, the
 * {@code kubernetes} network-policy provider, a web application and an API with its own APIClass.
 */
final class RichFixture {
  private RichFixture() {}

  static final String YAML =
      """
      apiVersion: openchoreo.dev/v1alpha1
      kind: DataPlane
      metadata: {name: default}
      spec:
        registry: {prefix: registry.example:5000, secretRef: pull-secret}
        gateway: {publicVirtualHost: apps.example.com, organizationVirtualHost: internal.example.com}
        releaseMode: gitops
        secrets:
          provider: csi
          csi: {provider: vault, parameters: {vaultAddress: "http://vault:8200", roleName: reader}}
        networkPolicy: {provider: kubernetes}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: orders}
      spec: {owner: {projectName: default}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: orders}
      spec:
        owner: {componentName: orders, projectName: default}
        containers:
          app:
            image: example/orders:1
            env:
            - {key: MODE, value: prod}
            - {key: DB_HOST, valueFrom: {configurationGroupRef: {name: db, key: host}}}
            - {key: API_TOKEN, valueFrom: {secretRef: {name: tokens, key: api}}}
            envFrom: [{configurationGroupRef: {name: db}}, {secretRef: {name: extra-env}}]
            fileMounts:
            - {mountPath: /etc/app/config.json, value: "{}"}
            - {mountPath: /etc/app/db-password, valueFrom: {configurationGroupRef: {name: db, key: password}}}
            fileMountsFrom: [{configurationGroupRef: {name: db}, mountPath: /etc/db}]
          worker:
            image: example/worker:1
        endpoints:
          http: {type: REST, port: 8080}
        egress: [{cidr: 10.20.0.0/16, port: 5432}]
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata: {name: orders}
      spec:
        owner: {componentName: orders, projectName: default}
        workloadName: orders
        className: egress-class
        apis:
          orders-api:
            type: REST
            className: headers
            rest: {backend: {port: 8080, basePath: /orders}, exposeLevels: [Public]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ServiceClass
      metadata: {name: egress-class}
      spec:
        deploymentTemplate:
          template:
            spec:
              containers:
              - name: main
                securityContext: {runAsNonRoot: true}
        egress: [{host: api.github.com, port: 443}]
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: APIClass
      metadata: {name: headers}
      spec:
        restPolicy:
          defaults:
            authentication: {type: apikey, apikey: {header: X-API-Key, secretRef: api-keys}}
            security: {allowedIPs: [10.0.0.1], blockedIPs: [192.168.0.0/16]}
            mediation:
              requestTransformations: [{type: json, action: addHeader, headerName: X-Env, headerValue: dev}]
          public:
            mediation:
              responseTransformations: [{type: json, action: removeHeaders, headers: [Server]}]
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ConfigurationGroup
      metadata: {name: db}
      spec:
        environmentGroups: [{name: non-prod, environments: [development]}]
        configurations:
        - {key: host, values: [{environmentGroupRef: non-prod, value: db.internal}]}
        - {key: password, values: [{environment: development, vaultKey: "secret/data/dev/db#password"}]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: web}
      spec: {owner: {projectName: default}, type: WebApplication}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: web}
      spec:
        owner: {componentName: web, projectName: default}
        containers: {main: {image: example/web:1}}
        endpoints: {site: {type: HTTP, port: 3000}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: WebApplication
      metadata: {name: web}
      spec: {owner: {componentName: web, projectName: default}, workloadName: web}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: API
      metadata: {name: orders-admin}
      spec:
        owner: {projectName: default, componentName: orders}
        environmentName: development
        className: headers
        type: REST
        rest: {backend: {port: 8080, basePath: /admin}, exposeLevels: [Organization]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Project
      metadata: {name: billing}
      spec: {deploymentPipelineRef: default}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: ledger}
      spec: {owner: {projectName: billing}, type: Service}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: ledger}
      spec:
        owner: {componentName: ledger, projectName: billing}
        containers: {main: {image: example/ledger:1}}
        endpoints: {rest: {type: REST, port: 8080}}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Service
      metadata: {name: ledger}
      spec:
        owner: {componentName: ledger, projectName: billing}
        workloadName: ledger
        apis:
          ledger-api:
            type: REST
            className: default
            rest: {backend: {port: 8080, basePath: /}, exposeLevels: [Organization]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Component
      metadata: {name: report}
      spec: {owner: {projectName: default}, type: ScheduledTask}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: Workload
      metadata: {name: report}
      spec:
        owner: {componentName: report, projectName: default}
        containers: {main: {image: example/report:1}}
        connections:
          ledger:
            type: api
            params: {projectName: billing, componentName: ledger, endpoint: rest}
            inject: {env: [{name: LEDGER_URL, value: "{{ .url }}"}]}
          orders:
            type: api
            params: {componentName: orders, endpoint: http}
            inject: {env: [{name: ORDERS_URL, value: "{{ .url }}"}]}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTask
      metadata: {name: report}
      spec: {owner: {componentName: report, projectName: default}, workloadName: report, className: nightly}
      ---
      apiVersion: openchoreo.dev/v1alpha1
      kind: ScheduledTaskClass
      metadata: {name: nightly}
      spec:
        cronJobTemplate:
          schedule: "0 2 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    env: [{name: TZ, value: UTC}]
      """;
}
