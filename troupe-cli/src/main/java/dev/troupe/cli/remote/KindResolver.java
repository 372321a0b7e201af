package dev.troupe.cli.remote;

import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.KindInfo;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a kind as the user typed it (plural, kind name or short name, any case) against the
 * server's {@code /api/v1/kinds}; {@code bindings} means all four binding kinds.
 */
final class KindResolver {
  /** The binding kinds, in the order {@code get bindings} lists them. */
  static final List<String> BINDING_KINDS =
      List.of("ServiceBinding", "WebApplicationBinding", "ScheduledTaskBinding", "APIBinding");

  private final List<KindInfo> kinds;

  KindResolver(List<KindInfo> kinds) {
    this.kinds = List.copyOf(kinds);
  }

  static KindResolver load(ApiClient client) {
    return new KindResolver(client.kinds());
  }

  /** True for the word that names every binding kind at once. */
  static boolean isBindingsWord(String word) {
    return word.equalsIgnoreCase("bindings") || word.equalsIgnoreCase("binding");
  }

  static boolean isBinding(KindInfo kind) {
    return BINDING_KINDS.contains(kind.kind());
  }

  /** One kind; {@link UsageError} naming the kinds the server has when none matches. */
  KindInfo resolve(String word) {
    return find(word)
        .orElseThrow(
            () ->
                new UsageError(
                    "the server has no kind \""
                        + word
                        + "\" (known: "
                        + String.join(", ", kinds.stream().map(KindInfo::plural).toList())
                        + ")"));
  }

  /** The kind of an object's {@code kind} field, if the server serves it. */
  Optional<KindInfo> find(String word) {
    return kinds.stream().filter(k -> k.matches(word)).findFirst();
  }

  /** The kinds a word names: one kind, or the binding kinds for {@code bindings}. */
  List<KindInfo> resolveMany(String word) {
    if (isBindingsWord(word) && find(word).isEmpty()) {
      List<KindInfo> bindings =
          BINDING_KINDS.stream().map(this::find).flatMap(Optional::stream).toList();
      if (bindings.isEmpty()) {
        throw new UsageError("the server serves no binding kinds");
      }
      return bindings;
    }
    return List.of(resolve(word));
  }
}
