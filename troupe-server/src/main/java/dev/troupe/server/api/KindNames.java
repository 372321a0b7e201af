package dev.troupe.server.api;

import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import java.util.Optional;

/** Kind lookup by the word in a URL: plural, singular, kind name, short name or alias. */
final class KindNames {
  private KindNames() {}

  static Optional<KindDef> resolve(String word) {
    return word == null || word.isEmpty() ? Optional.empty() : Kinds.resolve(word);
  }

  /** The kind, or 404 UNKNOWN_KIND. */
  static KindDef require(String word) {
    return resolve(word).orElseThrow(() -> ApiException.unknownKind(word));
  }

  /** The kind, which must be namespaced (it is addressed under an organization). */
  static KindDef namespaced(String word) {
    KindDef def = require(word);
    if (def.clusterScoped()) {
      throw ApiException.notFound(
          def.kind()
              + " is cluster-scoped: address it as /api/v1/"
              + def.plural()
              + " instead of under /api/v1/orgs/{org}");
    }
    return def;
  }

  /** The kind, which must be cluster-scoped (it is addressed without an organization). */
  static KindDef clusterScoped(String word) {
    KindDef def = require(word);
    if (!def.clusterScoped()) {
      throw ApiException.notFound(
          def.kind()
              + " is namespaced: address it as /api/v1/orgs/{org}/"
              + def.plural()
              + "/{name}");
    }
    return def;
  }
}
