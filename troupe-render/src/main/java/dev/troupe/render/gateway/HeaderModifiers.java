package dev.troupe.render.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.classes.RestPolicy;
import dev.troupe.api.kinds.classes.RestPolicy.TransformationRule;
import dev.troupe.render.Blocker;
import dev.troupe.render.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Route header filters from {@code P.mediation} (rendering.md §5.3 [Troupe]): {@code addHeader} and
 * {@code removeHeaders} actions become Request/ResponseHeaderModifier filters.
 */
final class HeaderModifiers {
  /** Gateway API {@code maxItems} of {@code add} and {@code remove}. */
  static final int MAX_ITEMS = 16;

  private HeaderModifiers() {}

  /**
   * The request filter, then the response filter, each only when it has actions; a list with more
   * than 16 distinct headers adds an {@code InvalidConfiguration} blocker to {@code blockers}.
   */
  static List<ObjectNode> filters(String api, RestPolicy policy, List<Blocker> blockers) {
    List<ObjectNode> out = new ArrayList<>();
    if (policy == null || policy.mediation() == null) {
      return out;
    }
    RestPolicy.Mediation m = policy.mediation();
    filter(api, "RequestHeaderModifier", m.requestTransformations(), blockers).ifPresent(out::add);
    filter(api, "ResponseHeaderModifier", m.responseTransformations(), blockers)
        .ifPresent(out::add);
    return out;
  }

  private static Optional<ObjectNode> filter(
      String api, String type, List<TransformationRule> rules, List<Blocker> blockers) {
    String field = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    ArrayNode add = Trees.array();
    ArrayNode remove = Trees.array();
    collect(rules == null ? List.of() : rules, add, remove);
    checkSize(api, field + ".add", add, blockers);
    checkSize(api, field + ".remove", remove, blockers);
    ObjectNode modifier = Trees.object();
    Trees.putIfPresent(modifier, "add", add);
    Trees.putIfPresent(modifier, "remove", remove);
    if (modifier.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode f = Trees.object();
    f.put("type", type);
    f.set(field, modifier);
    return Optional.of(f);
  }

  /**
   * Appends the {@code addHeader} and {@code removeHeaders} actions in rule order; a header name
   * met again (case-insensitively) in the same list keeps only its first entry.
   */
  private static void collect(List<TransformationRule> rules, ArrayNode add, ArrayNode remove) {
    Set<String> added = new HashSet<>();
    Set<String> removed = new HashSet<>();
    for (TransformationRule rule : rules) {
      if (TransformationRule.ADD_HEADER.equals(rule.action()) && rule.headerName() != null) {
        if (added.add(rule.headerName().toLowerCase(Locale.ROOT))) {
          ObjectNode header = add.addObject();
          header.put("name", rule.headerName());
          Trees.putIfPresent(header, "value", rule.headerValue());
        }
      } else if (TransformationRule.REMOVE_HEADERS.equals(rule.action())
          && rule.headers() != null) {
        rule.headers().stream()
            .filter(h -> removed.add(h.toLowerCase(Locale.ROOT)))
            .forEach(remove::add);
      }
    }
  }

  private static void checkSize(String api, String list, ArrayNode items, List<Blocker> blockers) {
    if (items.size() > MAX_ITEMS) {
      blockers.add(
          Blocker.invalid("API \"" + api + "\": more than " + MAX_ITEMS + " headers in " + list));
    }
  }
}
