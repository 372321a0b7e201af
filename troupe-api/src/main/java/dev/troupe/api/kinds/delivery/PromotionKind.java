package dev.troupe.api.kinds.delivery;

import static dev.troupe.api.schema.Field.opt;
import static dev.troupe.api.schema.Field.req;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Rule;
import dev.troupe.api.codec.FieldPath;
import dev.troupe.api.format.Formats;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.schema.BooleanSchema;
import dev.troupe.api.schema.IntegerSchema;
import dev.troupe.api.schema.ObjectSchema;
import dev.troupe.api.schema.Reporter;
import dev.troupe.api.schema.StringSchema;
import java.time.Duration;
import java.util.List;

/**
 * Schema of {@link Promotion} and the rules for its server-set fields (model.md §3.26.1,
 * delivery.md §3.1–§3.2). The checks of a new request are in {@link PromotionRules}.
 */
public final class PromotionKind {
  static final String IMMUTABLE_HINT = "create a new Promotion";

  static final ObjectSchema REQUESTED_BY =
      ObjectSchema.of(opt("user", StringSchema.any()), opt("identityKind", StringSchema.any()));

  static final ObjectSchema SPEC =
      ObjectSchema.of(
              req("owner", DeliverySchemas.OWNER),
              req("sourceEnvironment", DeliverySchemas.label()),
              req("targetEnvironment", DeliverySchemas.label()),
              opt("sourceRevision", IntegerSchema.int64().range(1, Long.MAX_VALUE)),
              opt("deployableArtifactRef", DeliverySchemas.subdomain()),
              opt("reason", StringSchema.any().maxLength(1024)),
              opt("expiresAfter", StringSchema.format(Formats.DURATION))
                  .defaultTo(Promotion.DEFAULT_EXPIRES_AFTER),
              opt("allowUnreadySource", BooleanSchema.bool()).defaultTo(false),
              opt("requestedBy", REQUESTED_BY))
          .check(PromotionKind::checkExpiry);

  public static final KindDef DEF =
      KindDef.namespaced("Promotion", "promotions", 14, SPEC, Promotion.class)
          .nameFormat(Formats.DNS_SUBDOMAIN)
          .shortNames("promo", "promos")
          .immutable(
              "spec.owner|" + IMMUTABLE_HINT,
              "spec.sourceEnvironment|" + IMMUTABLE_HINT,
              "spec.targetEnvironment|" + IMMUTABLE_HINT,
              "spec.reason|" + IMMUTABLE_HINT,
              "spec.expiresAfter|" + IMMUTABLE_HINT,
              "spec.allowUnreadySource|" + IMMUTABLE_HINT)
          .rules(Promotion.class, PromotionKind::check)
          .columns(
              KindDef.column("Component", "string", ".spec.owner.componentName"),
              KindDef.column("Source", "string", ".spec.sourceEnvironment"),
              KindDef.column("Target", "string", ".spec.targetEnvironment"),
              KindDef.column("Phase", "string", ".status.phase"))
          .describe("An approval-gated request to promote a component to the next environment.");

  private PromotionKind() {}

  static void check(Promotion p, AdmissionContext ctx) {
    if (ctx.operation() == AdmissionContext.Operation.UPDATE && ctx.stored().isPresent()) {
      keepServerFields(ctx);
      return;
    }
    PromotionRules.checkRequest(p, ctx);
    Identity who = ctx.identity();
    ObjectNode by = JsonNodeFactory.instance.objectNode();
    by.put("user", who.user());
    by.put("identityKind", who.kind().name());
    SpecTrees.put(ctx, SPEC, "requestedBy", by);
  }

  /** Writes a server-filled field when the client left it out. */
  static void fill(AdmissionContext ctx, String field, Object value) {
    JsonNode node =
        value instanceof Long l ? LongNode.valueOf(l) : TextNode.valueOf(String.valueOf(value));
    SpecTrees.put(ctx, SPEC, field, node);
  }

  /**
   * The spec is immutable: on update the server-filled fields keep their stored values (an absent
   * one is restored, a different one is {@code Immutable}) and {@code requestedBy} is never
   * changed.
   */
  private static void keepServerFields(AdmissionContext ctx) {
    JsonNode before = SpecTrees.storedSpec(ctx);
    ObjectNode after = SpecTrees.spec(ctx);
    for (String field : List.of("sourceRevision", "deployableArtifactRef")) {
      JsonNode old = before.get(field);
      JsonNode now = after.get(field);
      if (now == null && old != null) {
        SpecTrees.put(ctx, SPEC, field, old.deepCopy());
      } else if (now != null && SpecTrees.differ(old, now)) {
        ctx.reporter()
            .error(
                Rule.Immutable,
                FieldPath.child("spec", field),
                "field is immutable",
                IMMUTABLE_HINT);
      }
    }
    JsonNode requestedBy = before.get("requestedBy");
    if (requestedBy != null) {
      SpecTrees.put(ctx, SPEC, "requestedBy", requestedBy.deepCopy());
    } else {
      after.remove("requestedBy");
    }
  }

  /** {@code expiresAfter}: more than 0s and at most 720h. */
  private static void checkExpiry(ObjectNode spec, String path, Reporter reporter) {
    JsonNode v = spec.get("expiresAfter");
    if (v == null || !v.isTextual() || Formats.DURATION.check(v.asText()).isPresent()) {
      return;
    }
    Duration d = Formats.parseDuration(v.asText());
    if (d.isZero() || d.isNegative() || d.compareTo(Promotion.MAX_EXPIRES_AFTER) > 0) {
      reporter.error(
          Rule.Range,
          FieldPath.child(path, "expiresAfter"),
          v.asText() + " is out of range 0s..720h",
          "expiresAfter must be more than 0s and at most 720h");
    }
  }
}
