package dev.troupe.render.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Live objects for health tests, written as YAML. */
final class LiveObjects {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private LiveObjects() {}

  static ObjectNode live(String yaml) {
    try {
      return (ObjectNode) MAPPER.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A Deployment selecting {@code app: greeter} in namespace {@code dp}, with status fields. */
  static ObjectNode deployment(String spec, String status) {
    return live(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: greeter, namespace: dp, generation: 2}
        spec: {selector: {matchLabels: {app: greeter}}, %s}
        status: {observedGeneration: 2, %s}
        """
            .formatted(spec, status));
  }

  /** A pod in namespace {@code dp} whose container {@code main} waits with {@code reason}. */
  static ObjectNode waitingPod(String name, String labels, String reason, int restarts) {
    return live(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: dp, labels: %s}
        status:
          phase: Running
          containerStatuses:
          - {name: main, ready: false, restartCount: %d, state: {waiting: {reason: %s}}}
        """
            .formatted(name, labels, restarts, reason));
  }
}
