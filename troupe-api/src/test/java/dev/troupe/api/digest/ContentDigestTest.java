package dev.troupe.api.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentDigestTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String V1 =
      """
      containers:
        main:
          image: ghcr.io/openchoreo/samples/greeter-service:latest
          command: [./go-greeter]
          args: [--port, "9090"]
          env:
            - key: LOG_LEVEL
              value: info
      endpoints:
        rest-api:
          type: REST
          port: 9090
      connections: {}
      """;

  private static final String V1_CANONICAL =
      "{\"containers\":[{\"args\":[\"--port\",\"9090\"],\"command\":[\"./go-greeter\"],"
          + "\"env\":[{\"key\":\"LOG_LEVEL\",\"value\":\"info\"}],"
          + "\"image\":\"ghcr.io/openchoreo/samples/greeter-service:latest\",\"name\":\"main\"}],"
          + "\"endpoints\":[{\"name\":\"rest-api\",\"port\":9090,\"type\":\"REST\"}]}";

  private static final String V3 =
      """
      containers:
        main:
          image: us-central1-docker.pkg.dev/google-samples/microservices-demo/cartservice:v0.10.3
          env:
            - key: PORT
              value: "7070"
      endpoints:
        grpc-endpoint:
          type: gRPC
          port: 7070
      connections:
        redis-cache:
          type: api
          params:
            projectName: gcp-microservice-demo
            componentName: redis
            endpoint: tcp-endpoint
          inject:
            env:
              - name: REDIS_ADDR
                value: "{{ .host }}:{{ .port }}"
      """;

  private static final String V4A =
      """
      containers:
        app:
          image: registry.example.com/billing:1.0.0
        log-shipper:
          image: fluent/fluent-bit:3.0
      """;

  private static final String V4B =
      """
      containers:
        log-shipper:
          image: fluent/fluent-bit:3.0
        app:
          image: registry.example.com/billing:1.0.0
      """;

  /** The test vectors of model.md §3.24.2. */
  static Stream<Arguments> specVectors() {
    return Stream.of(
        Arguments.of(
            "V1",
            "greeter-service",
            V1,
            V1_CANONICAL,
            "0d5c345720533593ed14e9fa4997551691bcc81b4fdaf9208db182e76f03456d",
            "greeter-service-0d5c345720533593"),
        Arguments.of(
            "V2",
            "greeter-service",
            V1.replace("greeter-service:latest", "greeter-service:v1.2.0"),
            V1_CANONICAL.replace("greeter-service:latest", "greeter-service:v1.2.0"),
            "f95f4a1e2e0b1037ff9c97856afe8d47c7156d7f32a686b5f2f2c0a20193cf8d",
            "greeter-service-f95f4a1e2e0b1037"),
        Arguments.of(
            "V3",
            "cart",
            V3,
            "{\"connections\":[{\"inject\":{\"env\":[{\"name\":\"REDIS_ADDR\","
                + "\"value\":\"{{ .host }}:{{ .port }}\"}]},\"name\":\"redis-cache\","
                + "\"params\":[{\"name\":\"projectName\",\"value\":\"gcp-microservice-demo\"},"
                + "{\"name\":\"componentName\",\"value\":\"redis\"},"
                + "{\"name\":\"endpoint\",\"value\":\"tcp-endpoint\"}],\"type\":\"api\"}],"
                + "\"containers\":[{\"env\":[{\"key\":\"PORT\",\"value\":\"7070\"}],"
                + "\"image\":\"us-central1-docker.pkg.dev/google-samples/microservices-demo/"
                + "cartservice:v0.10.3\",\"name\":\"main\"}],"
                + "\"endpoints\":[{\"name\":\"grpc-endpoint\",\"port\":7070,\"type\":\"gRPC\"}]}",
            "23a6d811ff0d74245622219a317bc70cf64b016e98d10a3cccc886ac325889c0",
            "cart-23a6d811ff0d7424"),
        Arguments.of(
            "V4a",
            "billing",
            V4A,
            "{\"containers\":[{\"image\":\"registry.example.com/billing:1.0.0\",\"name\":\"app\"},"
                + "{\"image\":\"fluent/fluent-bit:3.0\",\"name\":\"log-shipper\"}]}",
            "eb1f03093b0d48413f1d37aa541003d513b0a52b1324bbc7bbf3ce4e9a7f911e",
            "billing-eb1f03093b0d4841"),
        Arguments.of(
            "V4b",
            "billing",
            V4B,
            "{\"containers\":[{\"image\":\"fluent/fluent-bit:3.0\",\"name\":\"log-shipper\"},"
                + "{\"image\":\"registry.example.com/billing:1.0.0\",\"name\":\"app\"}]}",
            "17e75020a715da86355134d203d72071d0657a7361edd861021a4e1254857ca0",
            "billing-17e75020a715da86"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specVectors")
  void reproducesSpecVectors(
      String vector, String component, String yaml, String canonical, String sha256, String name)
      throws Exception {
    ObjectNode workload = (ObjectNode) YAML.readTree(yaml);
    String before = workload.toString();

    assertThat(ContentDigest.canonicalForm(workload)).isEqualTo(canonical);
    String digest = ContentDigest.digest(workload);
    assertThat(digest).isEqualTo("sha256:" + sha256);
    assertThat(ContentDigest.artifactName(component, digest)).isEqualTo(name);
    assertThat(workload.toString()).as("input unchanged").isEqualTo(before);
  }

  @Test
  void jsonAndYamlInputsGiveTheSameDigest() throws Exception {
    ObjectNode fromYaml = (ObjectNode) YAML.readTree(V3);
    ObjectNode fromJson = (ObjectNode) JSON.readTree(JSON.writeValueAsString(fromYaml));
    assertThat(ContentDigest.digest(fromJson)).isEqualTo(ContentDigest.digest(fromYaml));
  }

  @Test
  void ownerIsNotPartOfTheContent() throws Exception {
    ObjectNode withOwner =
        (ObjectNode) YAML.readTree("owner: {projectName: p, componentName: billing}\n" + V4A);
    assertThat(ContentDigest.digest(withOwner))
        .isEqualTo("sha256:eb1f03093b0d48413f1d37aa541003d513b0a52b1324bbc7bbf3ce4e9a7f911e");
  }

  @Test
  void normalizationRemovesEmptiesBottomUp() throws Exception {
    ObjectNode workload =
        (ObjectNode)
            YAML.readTree(
                """
                containers:
                  app:
                    image: registry.example.com/billing:1.0.0
                    command: []
                    args: ~
                    env:
                      - key: A
                        value: ~
                      - {}
                  sidecar:
                    env: []
                    fileMounts: [ ]
                endpoints:
                  rest: {schema: {type: ~, content: ~}}
                egress: []
                connections: {}
                """);
    assertThat(ContentDigest.canonicalForm(workload))
        .isEqualTo(
            "{\"containers\":[{\"env\":[{\"key\":\"A\"},{}],"
                + "\"image\":\"registry.example.com/billing:1.0.0\",\"name\":\"app\"}]}");
  }

  @Test
  void egressListIsKeptAsIs() throws Exception {
    ObjectNode workload =
        (ObjectNode)
            YAML.readTree(
                V4A + "egress:\n  - {host: api.example.com, port: 443}\n  - {cidr: 10.0.0.0/8}\n");
    assertThat(ContentDigest.canonicalForm(workload))
        .endsWith(
            "\"egress\":[{\"host\":\"api.example.com\",\"port\":443},{\"cidr\":\"10.0.0.0/8\"}]}");
  }

  @Test
  void rejectsMapsThatAreNotMapsAndConflictingNames() throws Exception {
    assertThatThrownBy(
            () -> ContentDigest.canonicalForm((ObjectNode) YAML.readTree("containers: [a]")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ContentDigest.canonicalForm(
                    (ObjectNode) YAML.readTree("containers: {app: {name: x, image: y}}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ContentDigest.canonicalForm(
                    (ObjectNode) YAML.readTree("connections: {c: {type: api, params: [x]}}")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void artifactNameCutsTheComponentTo236Characters() {
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    String name = ContentDigest.artifactName("c".repeat(300), digest);
    assertThat(name).isEqualTo("c".repeat(236) + "-0123456789abcdef").hasSize(253);
    assertThat(ContentDigest.artifactName("cart", digest)).isEqualTo("cart-0123456789abcdef");
    assertThatThrownBy(() -> ContentDigest.artifactName("cart", "0123456789abcdef".repeat(4)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ContentDigest.artifactName("cart", "sha256:abc"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentHashNormalizesButKeepsMaps() throws Exception {
    JsonNode content =
        YAML.readTree(
            """
            workloadSpec:
              containers:
                main: {image: "nginx:1.27", args: []}
            overrides: {}
            className: default
            """);
    String expectedCanonical =
        "{\"className\":\"default\","
            + "\"workloadSpec\":{\"containers\":{\"main\":{\"image\":\"nginx:1.27\"}}}}";
    assertThat(ContentDigest.contentHash(content))
        .isEqualTo(sha256Of(expectedCanonical))
        .matches("sha256:[0-9a-f]{64}");
    assertThat(content.at("/overrides").isObject()).as("input unchanged").isTrue();
    // Member order does not matter, and null / empty members do not count.
    JsonNode reordered =
        JSON.readTree(
            "{\"overrides\":null,\"className\":\"default\","
                + "\"workloadSpec\":{\"containers\":{\"main\":{\"image\":\"nginx:1.27\"}}}}");
    assertThat(ContentDigest.contentHash(reordered)).isEqualTo(ContentDigest.contentHash(content));
  }

  private static String sha256Of(String text) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(hash);
  }
}
