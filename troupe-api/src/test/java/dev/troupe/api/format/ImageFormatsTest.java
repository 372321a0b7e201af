package dev.troupe.api.format;

import static dev.troupe.api.format.FormatAssertions.assertAccepts;
import static dev.troupe.api.format.FormatAssertions.assertRejects;
import static dev.troupe.api.format.Formats.OCI_IMAGE;
import static dev.troupe.api.format.Formats.REGISTRY_PREFIX;
import static dev.troupe.api.format.Formats.SHA256_DIGEST;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageFormatsTest {

  private static final String HEX =
      "f95f4a1e2e0b1037ff9c97856afe8d47c7156d7f32a686b5f2f2c0a20193cf8d";
  private static final String COMPONENT =
      "path components must use lower-case letters and digits, separated by \".\", \"_\", \"__\""
          + " or \"-\"";
  private static final String TAG =
      "the tag must be 1 to 128 letters, digits, \"_\", \".\" and \"-\", not starting with \".\""
          + " or \"-\"";
  private static final String DIGEST = "the digest must be sha256:<64 lower-case hex digits>";

  static Stream<Arguments> valid() {
    return Stream.of(
        arguments(OCI_IMAGE, "ghcr.io/openchoreo/samples/greeter-service:latest"),
        arguments(OCI_IMAGE, "busybox:latest"),
        arguments(OCI_IMAGE, "busybox"),
        arguments(OCI_IMAGE, "choreoanonymouspullable.azurecr.io/react-spa:v0.9"),
        arguments(
            OCI_IMAGE,
            "us-central1-docker.pkg.dev/google-samples/microservices-demo/cartservice:v0.10.3"),
        arguments(OCI_IMAGE, "localhost:5000/a/b@sha256:" + HEX),
        arguments(OCI_IMAGE, "localhost/a"),
        arguments(OCI_IMAGE, "registry.openchoreo-data-plane:5000/x:1"),
        arguments(OCI_IMAGE, "nginx:1.27@sha256:" + HEX),
        arguments(OCI_IMAGE, "docker.io/library/postgres:16-alpine"),
        arguments(OCI_IMAGE, "Registry.Example.COM/team/app:Tag_1"),
        arguments(OCI_IMAGE, "[2001:db8::1]:5000/app:1"),
        arguments(OCI_IMAGE, "10.0.0.1:5000/app"),
        arguments(OCI_IMAGE, "a/b__c/d---e/f.g/h_i:_tag"),
        arguments(OCI_IMAGE, "app:" + "t".repeat(128)),
        arguments(REGISTRY_PREFIX, "docker.io/acme"),
        arguments(REGISTRY_PREFIX, "registry.openchoreo-data-plane:5000"),
        arguments(REGISTRY_PREFIX, "ghcr.io/openchoreo/samples"),
        arguments(REGISTRY_PREFIX, "localhost:5000"),
        arguments(REGISTRY_PREFIX, "acme"),
        arguments(SHA256_DIGEST, "sha256:" + HEX));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        arguments(OCI_IMAGE, "", "must not be empty"),
        arguments(OCI_IMAGE, "ghcr.io/OpenChoreo/app:v1", "the repository path must be lower-case"),
        arguments(OCI_IMAGE, "Busybox", "the repository path must be lower-case"),
        arguments(OCI_IMAGE, "a b", "must not contain whitespace or control characters"),
        arguments(OCI_IMAGE, "app:v1\n", "must not contain whitespace or control characters"),
        arguments(OCI_IMAGE, ":tag", "the repository name is missing"),
        arguments(OCI_IMAGE, "ghcr.io/openchoreo/", "path components must not be empty"),
        arguments(OCI_IMAGE, "ghcr.io//app", "path components must not be empty"),
        arguments(OCI_IMAGE, "/app", "path components must not be empty"),
        arguments(OCI_IMAGE, "a/-b", COMPONENT),
        arguments(OCI_IMAGE, "a/b.", COMPONENT),
        arguments(OCI_IMAGE, "a/b..c", COMPONENT),
        arguments(OCI_IMAGE, "a/b___c", COMPONENT),
        arguments(OCI_IMAGE, "a/b.-c", COMPONENT),
        arguments(OCI_IMAGE, "app:", TAG),
        arguments(OCI_IMAGE, "app:-x", TAG),
        arguments(OCI_IMAGE, "app:.x", TAG),
        arguments(OCI_IMAGE, "app:v1+b", TAG),
        arguments(OCI_IMAGE, "app:" + "t".repeat(129), TAG),
        arguments(OCI_IMAGE, "app@sha256:abc", DIGEST),
        arguments(OCI_IMAGE, "app@sha256:" + HEX.toUpperCase(java.util.Locale.ROOT), DIGEST),
        arguments(OCI_IMAGE, "app@sha512:" + HEX + HEX, DIGEST),
        arguments(OCI_IMAGE, "app@sha256:" + HEX + "@sha256:" + HEX, DIGEST),
        arguments(OCI_IMAGE, "-bad-.io/app", "the registry host is not valid"),
        arguments(OCI_IMAGE, "reg.io:0/app", "the registry host is not valid"),
        arguments(OCI_IMAGE, "reg.io:99999/app", "the registry host is not valid"),
        arguments(OCI_IMAGE, "https://ghcr.io/app", "the registry host is not valid"),
        arguments(OCI_IMAGE, "a/" + "b".repeat(4095), "must be at most 4096 characters"),
        arguments(REGISTRY_PREFIX, "", "must not be empty"),
        arguments(
            REGISTRY_PREFIX, "https://ghcr.io/acme", "must not include a scheme such as https://"),
        arguments(REGISTRY_PREFIX, "docker.io/acme/", "must not end with \"/\""),
        arguments(
            REGISTRY_PREFIX,
            "docker.io /acme",
            "must not contain whitespace or control characters"),
        arguments(REGISTRY_PREFIX, "reg_istry.io", "the registry host is not valid"),
        arguments(REGISTRY_PREFIX, "reg.io:port", "the registry host is not valid"),
        arguments(REGISTRY_PREFIX, "docker.io/Acme", "the repository path must be lower-case"),
        arguments(REGISTRY_PREFIX, "docker.io//acme", "path components must not be empty"),
        arguments(REGISTRY_PREFIX, "docker.io/acme:v1", COMPONENT),
        arguments(SHA256_DIGEST, "", "expected sha256:<64 lower-case hex digits>"),
        arguments(SHA256_DIGEST, HEX, "expected sha256:<64 lower-case hex digits>"),
        arguments(
            SHA256_DIGEST, "sha256:" + HEX + "0", "expected sha256:<64 lower-case hex digits>"),
        arguments(SHA256_DIGEST, "SHA256:" + HEX, "expected sha256:<64 lower-case hex digits>"),
        arguments(
            SHA256_DIGEST,
            "sha256:" + HEX.replace('f', 'g'),
            "expected sha256:<64 lower-case hex digits>"));
  }

  @ParameterizedTest(name = "{0} accepts \"{1}\"")
  @MethodSource
  void valid(Format format, String value) {
    assertAccepts(format, value);
  }

  @ParameterizedTest(name = "{0} rejects \"{1}\": {2}")
  @MethodSource
  void invalid(Format format, String value, String reason) {
    assertRejects(format, value, reason);
  }
}
