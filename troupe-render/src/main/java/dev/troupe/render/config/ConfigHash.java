package dev.troupe.render.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.digest.CanonicalJson;
import dev.troupe.render.Snapshot;
import dev.troupe.render.Trees;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The pod-template annotation {@code openchoreo.dev/config-hash} (rendering.md §7.5): {@code
 * sha256:} + the hex SHA-256 of the RFC 8785 form of the resolved references and plain values.
 */
public final class ConfigHash {
  /** The annotation key. */
  public static final String ANNOTATION = "openchoreo.dev/config-hash";

  private ConfigHash() {}

  /**
   * Memo key: each group's name and resolved values (the list {@link GroupResolver} shares per
   * group and environment, compared by reference; the name too, as every empty list is one
   * instance), and the literal files.
   */
  private record Key(List<Part> groups, List<ConfigWalk.LiteralFile> files) {}

  private record Part(String name, Snapshot.Same values) {}

  /**
   * {@link #of(Collection, List)} once per snapshot for equal inputs: the components of a project
   * usually reference the same groups, whose per-environment values {@link GroupResolver} shares.
   */
  static Optional<String> of(
      Collection<ResolvedGroup> groups, List<ConfigWalk.LiteralFile> files, Snapshot snapshot) {
    List<Part> parts = new ArrayList<>(groups.size());
    for (ResolvedGroup g : groups) {
      parts.add(new Part(g.name(), new Snapshot.Same(g.keys())));
    }
    return snapshot.memo(new Key(parts, List.copyOf(files)), () -> of(groups, files));
  }

  /** The hash, when the binding references a group or has a literal file mount. */
  static Optional<String> of(Collection<ResolvedGroup> groups, List<ConfigWalk.LiteralFile> files) {
    if (groups.isEmpty() && files.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "sha256:" + Trees.sha256Hex(CanonicalJson.serialize(document(groups, files))));
  }

  /**
   * {@code {fileMounts: [{mountPath, value}], groups: [{name, values, vaultKeys}]}}, empties left
   * out.
   */
  static ObjectNode document(Collection<ResolvedGroup> groups, List<ConfigWalk.LiteralFile> files) {
    ObjectNode doc = Trees.object();
    ArrayNode mounts = Trees.array();
    for (ConfigWalk.LiteralFile f : files) {
      ObjectNode m = mounts.addObject();
      m.put("mountPath", f.mountPath());
      m.put("value", f.value());
    }
    ArrayNode list = Trees.array();
    groups.forEach(g -> list.add(group(g)));
    Trees.putIfPresent(doc, "fileMounts", mounts);
    Trees.putIfPresent(doc, "groups", list);
    return doc;
  }

  private static ObjectNode group(ResolvedGroup g) {
    ObjectNode out = Trees.object();
    out.put("name", g.name());
    ArrayNode values = Trees.array();
    ArrayNode vaultKeys = Trees.array();
    for (ResolvedGroup.Key k : g.keys()) {
      ObjectNode entry = k.secret() ? vaultKeys.addObject() : values.addObject();
      entry.put("key", k.key());
      if (k.secret()) {
        entry.put("vaultKey", k.value().vaultKey());
      } else {
        entry.put("value", k.plain());
      }
    }
    Trees.putIfPresent(out, "values", values);
    Trees.putIfPresent(out, "vaultKeys", vaultKeys);
    return out;
  }
}
