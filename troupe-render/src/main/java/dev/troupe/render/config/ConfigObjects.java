package dev.troupe.render.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.platform.ConfigurationGroup;
import dev.troupe.render.Cell;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Trees;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rendered configuration objects (rendering.md §7.2) in Release order (§4.6 item 2): group
 * ConfigMaps in order of first reference, then file-mount ConfigMaps in mount order, then the
 * ExternalSecrets or SecretProviderClasses in group order.
 */
final class ConfigObjects {
  static final String EXTERNAL_SECRETS_API = "external-secrets.io/v1";
  static final String CSI_API = "secrets-store.csi.x-k8s.io/v1";

  private ConfigObjects() {}

  static List<RenderedObject> render(
      String binding,
      Cell cell,
      Collection<ResolvedGroup> groups,
      List<PodWiring.FileConfigMap> files,
      SecretSettings secrets) {
    List<RenderedObject> out = new ArrayList<>();
    for (ResolvedGroup g : groups) {
      if (!g.plainKeys().isEmpty()) {
        out.add(new RenderedObject(ConfigNames.configId(binding, g.name()), configMap(cell, g)));
      }
    }
    for (PodWiring.FileConfigMap f : files) {
      out.add(new RenderedObject(f.name(), fileConfigMap(cell, f)));
    }
    for (ResolvedGroup g : groups) {
      if (!g.secretKeys().isEmpty()) {
        ObjectNode o =
            secrets.csi() ? providerClass(cell, g, secrets) : externalSecret(cell, g, secrets);
        out.add(new RenderedObject(ConfigNames.secretId(binding, g.name()), o));
      }
    }
    return out;
  }

  /** {@code v1 ConfigMap N} with every plain key of the group (values always emitted). */
  static ObjectNode configMap(Cell cell, ResolvedGroup g) {
    ObjectNode o = Trees.envelope("v1", "ConfigMap", cell.metadata(g.objectName()));
    ObjectNode data = o.putObject("data");
    g.plainKeys().forEach(k -> data.put(k.key(), k.plain()));
    return o;
  }

  /** The ConfigMap of a literal file mount: {@code data: {content: <value>}}. */
  static ObjectNode fileConfigMap(Cell cell, PodWiring.FileConfigMap f) {
    ObjectNode o = Trees.envelope("v1", "ConfigMap", cell.metadata(f.name()));
    o.putObject("data").put("content", f.content());
    return o;
  }

  /** {@code ExternalSecret N}: one {@code data} item per secret key, in configurations order. */
  static ObjectNode externalSecret(Cell cell, ResolvedGroup g, SecretSettings s) {
    ObjectNode o =
        Trees.envelope(EXTERNAL_SECRETS_API, "ExternalSecret", cell.metadata(g.objectName()));
    ObjectNode spec = o.putObject("spec");
    spec.put("refreshInterval", s.refreshInterval());
    ObjectNode store = spec.putObject("secretStoreRef");
    store.put("kind", s.storeKind());
    store.put("name", s.storeName());
    ObjectNode target = spec.putObject("target");
    target.put("name", g.objectName());
    target.put("creationPolicy", "Owner");
    ArrayNode data = spec.putArray("data");
    for (ResolvedGroup.Key k : g.secretKeys()) {
      ConfigurationGroup.Vault vault = k.vault();
      ObjectNode item = data.addObject();
      item.put("secretKey", k.key());
      ObjectNode remote = item.putObject("remoteRef");
      remote.put("key", vault.path());
      remote.put("property", vault.property());
    }
    return o;
  }

  /** {@code SecretProviderClass N}: the DataPlane's parameters plus {@code objects}. */
  static ObjectNode providerClass(Cell cell, ResolvedGroup g, SecretSettings s) {
    ObjectNode o = Trees.envelope(CSI_API, "SecretProviderClass", cell.metadata(g.objectName()));
    ObjectNode spec = o.putObject("spec");
    spec.put("provider", s.csiProvider());
    ObjectNode parameters = spec.putObject("parameters");
    s.csiParameters().forEach(parameters::put);
    parameters.put("objects", objects(g));
    ObjectNode secretObject = spec.putArray("secretObjects").addObject();
    secretObject.put("secretName", g.objectName());
    secretObject.put("type", "Opaque");
    secretObject.set("labels", cell.labels());
    ArrayNode data = secretObject.putArray("data");
    for (ResolvedGroup.Key k : g.secretKeys()) {
      ObjectNode item = data.addObject();
      item.put("objectName", k.key());
      item.put("key", k.key());
    }
    return o;
  }

  /** Three lines per secret key, each ending in a newline, exactly as rendering.md §7.2 shows. */
  static String objects(ResolvedGroup g) {
    StringBuilder b = new StringBuilder();
    for (ResolvedGroup.Key k : g.secretKeys()) {
      ConfigurationGroup.Vault vault = k.vault();
      b.append("- objectName: ").append(k.key()).append('\n');
      b.append("  secretPath: ").append(vault.path()).append('\n');
      b.append("  secretKey: ").append(vault.property()).append('\n');
    }
    return b.toString();
  }
}
