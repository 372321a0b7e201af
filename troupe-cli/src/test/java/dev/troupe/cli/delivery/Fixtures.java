package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.remote.FakeApi;

/** Server answers shaped like the delivery REST contract. */
final class Fixtures {
  static final String ORG = "/api/v1/orgs/default";
  static final String COMPONENT = ORG + "/projects/shop/components/orders";
  static final String NAME = "orders-staging-to-production-7k2qd";

  private Fixtures() {}

  static ObjectNode component() {
    return FakeApi.yaml(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: Component
        metadata: {name: orders, namespace: default}
        spec: {owner: {projectName: shop}, type: Service}
        """);
  }

  /** A Promotion staging → production in {@code phase} with {@code approvals} approvals. */
  static ObjectNode promotion(String phase, boolean gated, int approvals) {
    ObjectNode p =
        FakeApi.yaml(
            """
            apiVersion: openchoreo.dev/v1alpha1
            kind: Promotion
            metadata:
              name: %s
              namespace: default
              creationTimestamp: "2025-07-30T10:00:00Z"
              labels:
                openchoreo.dev/component: orders
                openchoreo.dev/environment: production
            spec:
              owner: {projectName: shop, componentName: orders}
              sourceEnvironment: staging
              targetEnvironment: production
              sourceRevision: 3
              requestedBy: {user: alice, identityKind: User}
            status:
              phase: %s
              expiresAt: "2025-08-02T10:00:00Z"
              gate: {requiresApproval: %s, manualOnly: false}
              requiredApprovals: %d
              decisions: []
              targetBinding: {kind: ServiceBinding, name: orders-production}
              artifact: {name: orders-3f9a1c2b7d4e5f60, images: {main: "ghcr.io/acme/orders:1.4"}}
              conditions:
              - {type: Ready, status: "False", reason: AwaitingApproval, message: ""}
            """
                .formatted(NAME, phase, gated, gated ? 1 : 0));
    for (int i = 0; i < approvals; i++) {
      ObjectNode d =
          ((com.fasterxml.jackson.databind.node.ArrayNode) p.at("/status/decisions")).addObject();
      d.put("user", "bob");
      d.put("identityKind", "User");
      d.put("decision", "Approve");
    }
    return p;
  }

  static ObjectNode withReady(ObjectNode promotion, String reason, String message) {
    ObjectNode c = (ObjectNode) promotion.at("/status/conditions/0");
    c.put("reason", reason);
    c.put("message", message);
    return promotion;
  }

  static ObjectNode bindingView(String name, String env, long revision, String status) {
    return FakeApi.yaml(
        """
        name: %s
        kind: ServiceBinding
        environment: %s
        releaseState: Active
        displayStatus: %s
        ready: {status: "True", reason: ResourcesActive, message: ""}
        currentRevision: %d
        artifact: orders-3f9a1c2b7d4e5f60
        images: {main: "ghcr.io/acme/orders:1.4"}
        endpoints: []
        blockers: []
        unmanaged: false
        object:
          kind: ServiceBinding
          metadata: {name: %s, namespace: default}
        """
            .formatted(name, env, status, revision, name));
  }
}
