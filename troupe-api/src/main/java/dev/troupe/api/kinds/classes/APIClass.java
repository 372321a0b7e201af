package dev.troupe.api.kinds.classes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.Map;
import java.util.Optional;

/**
 * A platform engineer's API-management policy bundle for REST APIs (model.md §3.17): defaults for
 * every exposed level with overrides for {@code Public} and {@code Organization}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record APIClass(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, ClassStatus status)
    implements Resource {

  /** Expose level {@code Public} (external gateway). */
  public static final String PUBLIC = "Public";

  /** Expose level {@code Organization} (internal gateway). */
  public static final String ORGANIZATION = "Organization";

  /** Expose level {@code Project} (no gateway; only the defaults apply). */
  public static final String PROJECT = "Project";

  /** The REST policies and the reserved, always empty {@code grpcPolicy}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(RestPolicies restPolicy, ObjectNode grpcPolicy) {}

  /** The defaults and the per-level overrides ({@code public} is a Java keyword). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RestPolicies(
      RestPolicy defaults,
      @JsonProperty("public") RestPolicy publicPolicy,
      RestPolicy organization) {}

  /**
   * The policy for an expose level (model.md §3.17 "Policy for a level"): the defaults merged with
   * the level's override, field by field, the override winning; lists are replaced by the
   * override's; a field absent in the override keeps the default's value. Empty when both are
   * absent.
   *
   * @param level {@code Public}, {@code Organization} or {@code Project} (also in lower case)
   * @throws IllegalArgumentException for another level
   */
  public Optional<RestPolicy> policyFor(String level) {
    RestPolicies p = spec == null ? null : spec.restPolicy();
    RestPolicy defaults = p == null ? null : p.defaults();
    RestPolicy override =
        switch (level) {
          case PUBLIC, "public" -> p == null ? null : p.publicPolicy();
          case ORGANIZATION, "organization" -> p == null ? null : p.organization();
          case PROJECT, "project" -> null;
          default -> throw new IllegalArgumentException("unknown expose level " + level);
        };
    return merge(defaults, override);
  }

  /** {@code merge(defaults, override)} of "Policy for a level"; either side may be null. */
  public static Optional<RestPolicy> merge(RestPolicy defaults, RestPolicy override) {
    if (defaults == null || override == null) {
      return Optional.ofNullable(defaults == null ? override : defaults);
    }
    ObjectNode merged = (ObjectNode) Codec.toTree(defaults);
    deepMerge(merged, (ObjectNode) Codec.toTree(override));
    return Optional.of(Codec.bind(merged, RestPolicy.class));
  }

  private static void deepMerge(ObjectNode target, ObjectNode override) {
    for (Map.Entry<String, JsonNode> e : override.properties()) {
      JsonNode current = target.get(e.getKey());
      if (current instanceof ObjectNode c && e.getValue() instanceof ObjectNode o) {
        deepMerge(c, o);
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }
}
