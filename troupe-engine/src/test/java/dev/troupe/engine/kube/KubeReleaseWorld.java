package dev.troupe.engine.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.delivery.Release;
import dev.troupe.api.model.Condition;
import dev.troupe.api.names.K8sNames;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.engine.controllers.ControllerContext;
import dev.troupe.engine.controllers.release.ReleaseAppliers;
import dev.troupe.engine.controllers.release.ReleaseControllers;
import dev.troupe.engine.runtime.ControllerManager;
import dev.troupe.engine.runtime.ObjectCache;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.view.StoreView;
import dev.troupe.render.RenderedObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A control plane running the real Release controller with a {@link KubernetesModeApplier} in the
 * kubernetes slot, built the way the Release controller's own tests build theirs: a real SQLite
 * store, the object cache, a controller manager. Platform objects (Organization, starter kit,
 * DataPlane, Environment) pass admission as the API server would write them; Releases and the
 * credentials Secret are written directly, as the binding controller and the server's secret
 * handling write them.
 */
final class KubeReleaseWorld implements AutoCloseable {
  static final String ORG = "default";
  static final String PROJECT = "shop";
  static final String ENVIRONMENT = "edge";
  static final String DATA_PLANE = "cluster";
  static final String SECRET = "cluster-credentials";
  static final String SECRET_KEY = "clientKey";

  final Store store;
  final ObjectCache cache;
  final ControllerManager manager;
  final ControllerContext ctx;
  final KubernetesModeApplier kubernetes;
  final ReleaseAppliers appliers;

  KubeReleaseWorld(Path dir, CredentialResolver credentials) {
    this.store = SqliteStore.open(dir.resolve("store.db"));
    this.cache = new ObjectCache(store, "Namespace");
    this.manager = new ControllerManager(cache);
    this.ctx = ControllerContext.of(store, cache, Clock.systemUTC(), dir);
    this.kubernetes =
        new KubernetesModeApplier(
            new DataPlaneClients(),
            credentials == null ? CredentialResolver.fromStore(store) : credentials,
            KubernetesModeApplier.storedReleases(store),
            Clock.systemUTC());
    this.appliers = ReleaseAppliers.standard(ctx, kubernetes);
    ReleaseControllers.register(manager, ctx, appliers);
  }

  void start() {
    manager.start();
  }

  /** Organization {@code default} with its starter kit. */
  void platform() {
    admitAndCreate(
        "apiVersion: openchoreo.dev/v1alpha1\nkind: Organization\nmetadata: {name: default}\n");
    AdmissionResult kit = StarterKit.admit(ORG);
    assertThat(kit.errors()).isEmpty();
    kit.objects().forEach(o -> store.create(o.tree()));
  }

  /**
   * The kubernetes-mode DataPlane {@value #DATA_PLANE} whose credentials point at {@code
   * apiServerUrl} (key by reference to Secret {@value #SECRET}), and Environment {@value
   * #ENVIRONMENT} on it.
   */
  void clusterDataPlane(String apiServerUrl, String caCertBase64, String clientCertBase64) {
    admitAndCreate(
        """
        apiVersion: openchoreo.dev/v1alpha1
        kind: DataPlane
        metadata: {name: %1$s}
        spec:
          registry: {prefix: registry.example.com/apps}
          gateway: {publicVirtualHost: apps.example.com, organizationVirtualHost: internal.example.com}
          releaseMode: kubernetes
          networkPolicy: {provider: kubernetes}
          kubernetesCluster:
            name: test-cluster
            credentials:
              apiServerURL: %3$s
              caCert: %4$s
              clientCert: %5$s
              clientKeySecretRef: {name: %6$s, key: %7$s}
        ---
        apiVersion: openchoreo.dev/v1alpha1
        kind: Environment
        metadata: {name: %2$s}
        spec: {dataPlaneRef: %1$s}
        """
            .formatted(
                DATA_PLANE,
                ENVIRONMENT,
                apiServerUrl,
                caCertBase64,
                clientCertBase64,
                SECRET,
                SECRET_KEY));
  }

  /**
   * Stores the credentials Secret as a core {@code v1} Secret: {@code data} is base64 of the value,
   * and the value is the base64 PEM key the model carries.
   */
  ObjectNode storeClientKeySecret(String clientKeyBase64) {
    ObjectNode secret = Codec.JSON.createObjectNode();
    secret.put("apiVersion", "v1");
    secret.put("kind", "Secret");
    secret.putObject("metadata").put("name", SECRET).put("namespace", ORG);
    secret.put("type", "Opaque");
    secret
        .putObject("data")
        .put(
            SECRET_KEY,
            Base64.getEncoder()
                .encodeToString(clientKeyBase64.getBytes(StandardCharsets.US_ASCII)));
    return store.create(secret);
  }

  List<ObjectNode> admitAndCreate(String yaml) {
    List<Document> docs = DocumentReader.readYaml("test.yaml", yaml);
    AdmissionResult admitted =
        Admission.admit(
            docs,
            new AdmissionOptions(
                AdmissionContext.Mode.BATCH,
                ORG,
                Identity.platformController(),
                new StoreView(store)));
    StringBuilder problems = new StringBuilder();
    admitted.errors().forEach(p -> problems.append(p.toText()).append('\n'));
    assertThat(admitted.errors()).as(problems.toString()).isEmpty();
    List<ObjectNode> out = new ArrayList<>();
    for (AdmittedObject o : admitted.objects()) {
      out.add(store.create(o.tree()));
    }
    return out;
  }

  static String cell() {
    return K8sNames.cellNamespace(ORG, PROJECT, ENVIRONMENT);
  }

  /** A rendered object of the cell from YAML where {@code NS} stands for the cell namespace. */
  static RenderedObject object(String id, String yaml) {
    return new RenderedObject(id, Fixtures.parse(yaml.replace("NS", cell())));
  }

  /** The Release the binding controller would write for {@code objects}. */
  static ObjectNode releaseTree(
      String name, String progressingInterval, List<RenderedObject> objects) {
    ObjectNode r = Codec.JSON.createObjectNode();
    r.put("apiVersion", "openchoreo.dev/v1alpha1");
    r.put("kind", "Release");
    ObjectNode meta = r.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", ORG);
    ObjectNode spec = r.putObject("spec");
    spec.putObject("owner").put("projectName", PROJECT).put("componentName", "orders");
    spec.put("environmentName", ENVIRONMENT);
    setResources(r, objects);
    spec.put("interval", "5m");
    spec.put("progressingInterval", progressingInterval);
    Codec.bind(r, Release.class); // the shape admission would accept
    return r;
  }

  static void setResources(ObjectNode release, List<RenderedObject> objects) {
    ArrayNode resources = ((ObjectNode) release.get("spec")).putArray("resources");
    for (RenderedObject o : objects) {
      ObjectNode m = resources.addObject();
      m.put("id", o.id());
      m.set("object", o.object().deepCopy());
    }
  }

  Optional<ObjectNode> stored(String name) {
    return store.find("Release", ORG, name);
  }

  Release typed(String name) {
    return Codec.bind(store.get("Release", ORG, name), Release.class);
  }

  /** The condition {@code type} of the stored Release, if it has one. */
  Optional<Condition> condition(String name, String type) {
    return stored(name)
        .map(t -> Codec.bind(t, Release.class))
        .filter(r -> r.status() != null && r.status().conditions() != null)
        .flatMap(
            r -> r.status().conditions().stream().filter(c -> c.type().equals(type)).findFirst());
  }

  @Override
  public void close() {
    manager.close();
    appliers.close();
    cache.close();
    store.close();
  }
}
