package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.classes.APIClass;
import dev.troupe.api.kinds.classes.RestPolicy;

/**
 * Which side of the effective APIClass policy of a level a field came from (rendering.md §5.5): the
 * level's override when it sets the field, else the defaults.
 */
final class PolicySide {
  private PolicySide() {}

  /**
   * {@code APIClass "<c>" restPolicy.<organization|public|defaults>.<field>}; null when neither
   * side sets it.
   *
   * @param field a dotted path in RESTPolicy, e.g. {@code authentication.jwt.issuer}
   */
  static String of(APIClass apiClass, Exposures e, String field) {
    APIClass.RestPolicies p = apiClass.spec() == null ? null : apiClass.spec().restPolicy();
    if (p == null) {
      return null;
    }
    RestPolicy override = e.isPublic() ? p.publicPolicy() : p.organization();
    String side = e.isPublic() ? "public" : "organization";
    if (has(override, field)) {
      return ref(apiClass, side, field);
    }
    return has(p.defaults(), field) ? ref(apiClass, "defaults", field) : null;
  }

  private static String ref(APIClass c, String side, String field) {
    return "APIClass \"" + c.name() + "\" restPolicy." + side + "." + field;
  }

  private static boolean has(RestPolicy policy, String field) {
    if (policy == null) {
      return false;
    }
    JsonNode n = Codec.toTree(policy);
    for (String part : field.split("\\.")) {
      n = n.path(part);
    }
    return !n.isMissingNode() && !n.isNull();
  }
}
