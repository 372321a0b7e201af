package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Admission;
import dev.troupe.api.admission.AdmissionContext;
import dev.troupe.api.admission.AdmissionOptions;
import dev.troupe.api.admission.AdmissionResult;
import dev.troupe.api.admission.AdmittedObject;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.admission.Problem;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.codec.Document;
import dev.troupe.api.codec.DocumentReader;
import dev.troupe.api.kinds.KindDef;
import dev.troupe.api.kinds.Kinds;
import dev.troupe.api.starterkit.StarterKit;
import dev.troupe.engine.audit.MemoryAuditLog;
import dev.troupe.engine.store.Propagation;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.view.StoreView;
import dev.troupe.server.auth.ObjectScopes;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Role;
import dev.troupe.server.auth.RoleBinding;
import dev.troupe.server.auth.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The platform of the authorization tests: a real API server over a real SQLite store holding
 * Organization {@code default} with its starter kit and every sample of the repository ({@code
 * samples/platform, classes, apps, delivery}: one object of every kind, among them Organization
 * {@code acme} and project {@code shop} with its components, bindings in development and staging,
 * artifacts, a Build, a Release, a Promotion and a GitCommitRequest), a real token file and an
 * in-memory audit log. No controllers run, so the store changes only through the requests of a test
 * (and what a test seeds through {@link #store}).
 *
 * <p>Identities ({@link #token(String)}), all in a real {@link TokenStore}:
 *
 * <ul>
 *   <li>{@code admin}: admin on every organization;
 *   <li>{@code root-pe}: platform-engineer on every organization; {@code pe}: in {@code default};
 *   <li>{@code dev}: developer in {@code default}; {@code shop-dev}: developer of project {@code
 *       shop}; {@code otto}: developer of project {@code elsewhere} (which does not exist); {@code
 *       dev-env}: developer in {@code default} narrowed to environment {@code development}; {@code
 *       ci}: the same as {@code dev}, an automation identity;
 *   <li>{@code approver}: approver in {@code default}; {@code viewer}: viewer in {@code default};
 *   <li>{@code stranger}: platform-engineer in organization {@code other} only; {@code nobody}: no
 *       roles at all.
 * </ul>
 */
final class AuthzFixture implements AutoCloseable {
  static final String ORG = "default";
  static final String PROJECT = "shop";
  static final List<String> SAMPLE_FOLDERS = List.of("platform", "classes", "apps", "delivery");

  final SqliteStore store;
  final TokenStore tokens;
  final MemoryAuditLog audit = new MemoryAuditLog();
  final ApiServer server;
  final URI base;
  private final Map<String, String> tokenByName = new LinkedHashMap<>();
  private final Map<String, String> sampleByKind = new LinkedHashMap<>();
  private final AtomicInteger unique = new AtomicInteger();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AuthzFixture(Path dir) {
    store = SqliteStore.open(dir.resolve("store.db"));
    installSamples();
    rememberSamples();
    tokens = TokenStore.open(dir);
    tokenByName.put(TokenStore.ADMIN, tokens.ensureAdmin().orElseThrow());
    user("root-pe", Principal.Kind.USER, new RoleBinding(Role.PLATFORM_ENGINEER, "*", null, null));
    user("pe", Principal.Kind.USER, new RoleBinding(Role.PLATFORM_ENGINEER, ORG, null, null));
    user("dev", Principal.Kind.USER, new RoleBinding(Role.DEVELOPER, ORG, null, null));
    user("shop-dev", Principal.Kind.USER, new RoleBinding(Role.DEVELOPER, ORG, PROJECT, null));
    user("otto", Principal.Kind.USER, new RoleBinding(Role.DEVELOPER, ORG, "elsewhere", null));
    user("dev-env", Principal.Kind.USER, new RoleBinding(Role.DEVELOPER, ORG, null, "development"));
    user("ci", Principal.Kind.AUTOMATION, new RoleBinding(Role.DEVELOPER, ORG, null, null));
    user("approver", Principal.Kind.USER, new RoleBinding(Role.APPROVER, ORG, null, null));
    user("viewer", Principal.Kind.USER, new RoleBinding(Role.VIEWER, ORG, null, null));
    user(
        "stranger",
        Principal.Kind.USER,
        new RoleBinding(Role.PLATFORM_ENGINEER, "other", null, null));
    user("nobody", Principal.Kind.USER);
    server = new ApiServer(store, tokens, audit, ApiSettings.defaults());
    base = server.start();
  }

  static AuthzFixture start(Path dir) {
    return new AuthzFixture(dir);
  }

  private void user(String name, Principal.Kind kind, RoleBinding... bindings) {
    tokenByName.put(name, tokens.createUser(name, kind, List.of(bindings)).token());
  }

  /** The bearer token of a fixture identity. */
  String token(String identity) {
    String t = tokenByName.get(identity);
    if (t == null) {
      throw new IllegalArgumentException("no fixture identity " + identity);
    }
    return t;
  }

  /** A name not used before in this fixture, e.g. {@code authz-7}. */
  String uniqueName(String prefix) {
    return prefix + "-" + unique.incrementAndGet();
  }

  // ------------------------------------------------------------------ store seeding

  /** A stored object, or an error naming it. */
  ObjectNode stored(String kind, String namespace, String name) {
    return store.get(kind, namespace, name);
  }

  /**
   * The sample object of {@code kind} in organization {@code default} as stored now: for project
   * kinds one of project {@code shop}, for Project {@code shop} itself, for Organization {@code
   * default}. The same object every time, whatever tests added meanwhile.
   */
  ObjectNode sample(String kind) {
    String name = sampleByKind.get(kind);
    if (name == null) {
      throw new IllegalStateException("the fixture holds no sample " + kind);
    }
    return store.get(kind, kind.equals("Organization") ? "" : ORG, name);
  }

  /**
   * Remembers one object per kind in {@code default}; a kind the samples have only elsewhere
   * (BuildPlane is in {@code acme}) is copied into {@code default} first.
   */
  private void rememberSamples() {
    for (KindDef def : Kinds.all()) {
      String kind = def.kind();
      if (def.clusterScoped()) {
        sampleByKind.put(kind, ORG);
        continue;
      }
      if (kind.equals("Project")) {
        sampleByKind.put(kind, PROJECT);
        continue;
      }
      List<ObjectNode> inOrg =
          store.list(kind, ORG).items().stream()
              .filter(
                  o ->
                      !ObjectScopes.PROJECT_KINDS.contains(kind)
                          || PROJECT.equals(ObjectScopes.of(kind, ORG, o).project()))
              .toList();
      if (inOrg.isEmpty()) {
        ObjectNode elsewhere =
            store.list(kind, null).items().stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the samples hold no " + kind));
        ObjectNode copy = createBody(elsewhere);
        ObjectNode meta = (ObjectNode) copy.get("metadata");
        meta.put("namespace", ORG);
        if (meta.get("labels") instanceof ObjectNode labels
            && labels.has("openchoreo.dev/organization")) {
          labels.put("openchoreo.dev/organization", ORG);
        }
        inOrg = List.of(store.create(copy));
      }
      sampleByKind.put(kind, inOrg.get(0).path("metadata").path("name").asText());
    }
  }

  /** {@code stored} without the fields the store assigns and without status: a create body. */
  static ObjectNode createBody(ObjectNode stored) {
    ObjectNode out = stored.deepCopy();
    out.remove("status");
    ObjectNode meta = (ObjectNode) out.get("metadata");
    for (String f :
        List.of("uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp")) {
      meta.remove(f);
    }
    return out;
  }

  /** Removes a stored object directly (no admission, dependents kept), so it can be created. */
  ObjectNode removeDirectly(String kind, String namespace, String name) {
    ObjectNode before = store.get(kind, namespace, name);
    store.delete(kind, namespace, name, Propagation.ORPHAN, null);
    return before;
  }

  /**
   * Stores a copy of {@code original} under a new name directly (no admission): an object nothing
   * refers to, which can be deleted.
   */
  ObjectNode copyDirectly(ObjectNode original, String newName) {
    ObjectNode copy = createBody(original);
    ((ObjectNode) copy.get("metadata")).put("name", newName);
    return store.create(copy);
  }

  private void installSamples() {
    List<Document> docs = new ArrayList<>();
    docs.addAll(
        DocumentReader.readText(
            "organization.yaml",
            "apiVersion: openchoreo.dev/v1alpha1\nkind: Organization\nmetadata: {name: "
                + ORG
                + "}\nspec: {}\n"));
    docs.addAll(StarterKit.documents(ORG));
    Path samples = samplesDirectory();
    for (String folder : SAMPLE_FOLDERS) {
      try {
        docs.addAll(DocumentReader.read(samples.resolve(folder), "samples/" + folder));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    AdmissionResult r =
        Admission.admit(
            docs,
            new AdmissionOptions(
                AdmissionContext.Mode.BATCH,
                ORG,
                Identity.platformController(),
                new StoreView(store)));
    if (!r.accepted()) {
      throw new IllegalStateException(
          "the samples do not admit: "
              + r.errors().stream().map(Problem::toText).collect(Collectors.joining("; ")));
    }
    for (AdmittedObject o : r.objects()) {
      store.create(o.tree());
    }
  }

  private static Path samplesDirectory() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("samples").resolve("delivery"))) {
        return p.resolve("samples");
      }
    }
    throw new IllegalStateException("no samples/ directory above " + Path.of("").toAbsolutePath());
  }

  // ------------------------------------------------------------------ HTTP

  /** A request of a test: method, path (with query), body and its content type. */
  record Request(String method, String path, String body, String contentType) {
    static Request get(String path) {
      return new Request("GET", path, null, null);
    }

    static Request delete(String path) {
      return new Request("DELETE", path, null, null);
    }

    static Request json(String method, String path, JsonNode body) {
      return new Request(method, path, AuthzFixture.json(body), "application/json");
    }

    static Request mergePatch(String path, JsonNode body) {
      return new Request("PATCH", path, AuthzFixture.json(body), "application/merge-patch+json");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** A response with its body as text. */
  record Response(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return Codec.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String code() {
      return json().path("code").asText();
    }
  }

  /** Sends {@code r} as {@code identity} (null: without a token). */
  Response send(String identity, Request r) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(r.path())).timeout(Duration.ofSeconds(60));
    if (identity != null) {
      b.header("Authorization", "Bearer " + token(identity));
    }
    if (r.contentType() != null) {
      b.header("Content-Type", r.contentType());
    }
    b.method(
        r.method(),
        r.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(r.body()));
    try {
      HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(resp.statusCode(), resp.headers(), resp.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(JsonNode body) {
    try {
      return Codec.JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON object from text written with single quotes. */
  static ObjectNode obj(String json) {
    try {
      return (ObjectNode) Codec.JSON.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
