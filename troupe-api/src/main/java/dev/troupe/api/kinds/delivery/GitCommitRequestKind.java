package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.ListSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StringSchema;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Schema of {@link GitCommitRequest} (model.md §3.25, delivery.md §7). Every rule is structural;
 * messages never quote file content, patches or URL credentials.
 *
 * <p>{@code file://} repositories are accepted here (offline validation, embedded platform); a
 * server deployment that is not embedded refuses them when executing the request.
 */
public final class GitCommitRequestKind {
  static final int MESSAGE_MAX_BYTES = 65536;
  static final Set<String> PATCH_OPS = Set.of("add", "remove", "replace", "move", "copy", "test");

  static final ObjectSchema AUTHOR =
      ObjectSchema.of(
          opt("name", StringSchema.format(Formats.NO_CONTROL_CHARS)),
          opt("email", StringSchema.format(Formats.EMAIL)));

  static final ObjectSchema FILE =
      ObjectSchema.of(
              req("path", StringSchema.format(Formats.REPO_FILE_PATH)),
              opt("content", StringSchema.any().secretValue()),
              opt("patch", StringSchema.any().secretValue()),
              opt("delete", BooleanSchema.bool()))
          .exactlyOneOf("content", "patch", "delete")
          .check(GitCommitRequestKind::checkFile);

  static final ObjectSchema SPEC =
      ObjectSchema.of(
              req("repoURL", StringSchema.format(Formats.GIT_URL_WITH_FILE)),
              opt("branch", StringSchema.format(Formats.GIT_BRANCH)),
              req("message", StringSchema.any().nonEmpty()),
              opt("author", AUTHOR),
              opt("authSecretRef", DeliverySchemas.subdomain()),
              req("files", ListSchema.of(FILE).minItems(1).uniqueBy("path", "path")))
          .check(GitCommitRequestKind::checkMessage);

  public static final KindDef DEF =
      KindDef.namespaced("GitCommitRequest", "gitcommitrequests", 14, SPEC, GitCommitRequest.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .shortNames("gcr", "gcrs")
          .immutable("spec|create a new GitCommitRequest to commit other changes")
          .columns(
              KindDef.column("Phase", "string", ".status.phase"),
              KindDef.column("SHA", "string", ".status.observedSHA"))
          .describe("One commit to a Git repository.");

  private GitCommitRequestKind() {}

  private static void checkMessage(ObjectNode spec, String path, Reporter reporter) {
    JsonNode message = spec.get("message");
    if (message != null && message.isTextual()) {
      int bytes = message.asText().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MESSAGE_MAX_BYTES) {
        reporter.error(
            Rule.TooLong,
            FieldPath.child(path, "message"),
            "length " + bytes + " exceeds the maximum of " + MESSAGE_MAX_BYTES);
      }
    }
  }

  private static void checkFile(ObjectNode file, String path, Reporter reporter) {
    JsonNode delete = file.get("delete");
    if (delete != null && delete.isBoolean() && !delete.asBoolean()) {
      reporter.warn(
          Rule.IgnoredField,
          FieldPath.child(path, "delete"),
          "delete: false has no effect; only delete: true removes the file");
    }
    JsonNode patch = file.get("patch");
    if (patch != null && patch.isTextual()) {
      patchProblem(patch.asText())
          .ifPresent(
              reason ->
                  reporter.error(
                      Rule.InvalidFormat,
                      FieldPath.child(path, "patch"),
                      "patch is not a valid JSON patch: " + reason));
    }
  }

  /**
   * Why {@code text} is not a JSON array of RFC 6902 operations; the reason never quotes the patch.
   */
  static Optional<String> patchProblem(String text) {
    JsonNode ops;
    try {
      ops = Codec.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Optional.of("it is not valid JSON");
    }
    if (ops == null || !ops.isArray()) {
      return Optional.of("it must be a JSON array of operations");
    }
    for (int i = 0; i < ops.size(); i++) {
      JsonNode op = ops.get(i);
      String at = "operation " + i + ": ";
      if (!op.isObject()) {
        return Optional.of(at + "must be an object");
      }
      String name = op.path("op").isTextual() ? op.get("op").asText() : null;
      if (name == null || !PATCH_OPS.contains(name)) {
        return Optional.of(at + "op must be one of add, remove, replace, move, copy, test");
      }
      if (!isPointer(op.get("path"))) {
        return Optional.of(at + "path must be a JSON Pointer");
      }
      if ((name.equals("move") || name.equals("copy")) && !isPointer(op.get("from"))) {
        return Optional.of(at + "from must be a JSON Pointer");
      }
      if ((name.equals("add") || name.equals("replace") || name.equals("test"))
          && !op.has("value")) {
        return Optional.of(at + "value is required for " + name);
      }
    }
    return Optional.empty();
  }

  /** An RFC 6901 pointer: "" or "/"-prefixed, "~" only as "~0" or "~1". */
  private static boolean isPointer(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return false;
    }
    String p = node.asText();
    if (!p.isEmpty() && !p.startsWith("/")) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) == '~'
          && (i + 1 >= p.length() || (p.charAt(i + 1) != '0' && p.charAt(i + 1) != '1'))) {
        return false;
      }
    }
    return true;
  }
}
