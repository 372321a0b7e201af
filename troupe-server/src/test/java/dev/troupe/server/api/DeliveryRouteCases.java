package dev.troupe.server.api;

import static dev.troupe.server.api.AuthzFixture.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.digest.ContentDigest;
import dev.troupe.server.api.AuthzFixture.Request;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The authorization cases of the delivery routes (DeliveryRoutes), on a component of their own in
 * project {@code shop}, {@code delivery-authz}: a copy of the sample {@code orders} (Component,
 * Service claim, its binding in {@code development} and its DeployableArtifact), so that what these
 * cases seed and change never touches the samples the generic cases use.
 *
 * <p>Who is refused and who succeeds: reads — {@code stranger} (roles in another organization) vs
 * {@code viewer}; requesting promotions — {@code otto} (developer of another project) vs {@code
 * dev}; rollback — {@code viewer} vs {@code dev}; suspend, resume, undeploy — {@code otto}, {@code
 * viewer}, {@code approver} vs {@code dev-env} (developer of {@code development} only), {@code
 * shop-dev}, {@code dev}; approve and reject — {@code dev}, {@code viewer} vs {@code approver};
 * withdraw — {@code approver} vs the requester {@code shop-dev}.
 *
 * <p>No controller runs in the fixture, so each case seeds what the controllers would have written
 * (the binding's revision history and Ready condition, a Pending Promotion with its gate). Verbs
 * that wait for a controller ({@code promote}, {@code rollback}, decisions) are sent with {@code
 * dryRun=true}: every check runs, nothing is written, nothing waits. So is {@code POST promotions},
 * whose Promotion would otherwise be in progress and refuse the next request.
 */
final class DeliveryRouteCases implements RouteCases {
  private static final String C = "/api/v1/orgs/{org}/projects/{project}/components/{component}";
  private static final String B = C + "/bindings/{env}";
  private static final String ORG_PROMOTIONS = "/api/v1/orgs/{org}/promotions/{name}";
  private static final String ORG = AuthzFixture.ORG;
  private static final String COMPONENT = "delivery-authz";
  private static final String SAMPLE = "orders";
  private static final String BINDING_OF_SAMPLE = "orders";
  private static final String PATH =
      "/api/v1/orgs/" + ORG + "/projects/" + AuthzFixture.PROJECT + "/components/" + COMPONENT;
  private static final String BINDING_PATH = PATH + "/bindings/development";
  private static final String PROMOTE_BODY = "{'sourceEnv':'development','targetEnv':'staging'}";

  @Override
  public List<RouteCase> cases() {
    List<RouteCase> out = new ArrayList<>();
    out.add(read(C + "/bindings", PATH + "/bindings"));
    out.add(read(B, BINDING_PATH));
    out.add(read(B + "/revisions", BINDING_PATH + "/revisions"));
    out.add(read(B + "/rendered", BINDING_PATH + "/rendered"));
    out.add(read(C + "/status", PATH + "/status"));
    out.add(read(C + "/promotions", PATH + "/promotions"));
    out.add(read(C + "/promotions/{name}", f -> Request.get(PATH + "/promotions/" + pending(f))));
    out.add(
        RouteCase.forbidden(
            "POST " + B + "/rollback",
            "viewer",
            "dev",
            f ->
                Request.json(
                    "POST",
                    seeded(f, BINDING_PATH + "/rollback?dryRun=true"),
                    obj("{'reason':'authz'}"))));
    out.add(state("suspend", "otto", "dev-env"));
    out.add(state("resume", "viewer", "shop-dev"));
    out.add(state("undeploy", "approver", "dev"));
    out.add(
        RouteCase.forbidden(
            "POST " + C + "/promote",
            "otto",
            "dev",
            f ->
                Request.json("POST", seeded(f, PATH + "/promote?dryRun=true"), obj(PROMOTE_BODY))));
    out.add(
        RouteCase.forbidden(
            "POST " + C + "/promotions",
            "otto",
            "dev",
            f ->
                Request.json(
                    "POST", seeded(f, PATH + "/promotions?dryRun=true"), obj(PROMOTE_BODY))));
    decisions(out, C + "/promotions/{name}", name -> PATH + "/promotions/" + name);
    decisions(out, ORG_PROMOTIONS, name -> "/api/v1/orgs/" + ORG + "/promotions/" + name);
    return out;
  }

  private static void decisions(
      List<RouteCase> out, String template, Function<String, String> path) {
    out.add(decision(template + "/approve", "dev", "approver", path, "approve"));
    out.add(decision(template + "/reject", "viewer", "approver", path, "reject"));
    out.add(decision(template + "/withdraw", "approver", "shop-dev", path, "withdraw"));
  }

  private static RouteCase decision(
      String template, String without, String with, Function<String, String> path, String verb) {
    return RouteCase.forbidden(
        "POST " + template,
        without,
        with,
        f ->
            Request.json(
                "POST",
                path.apply(pending(f)) + "/" + verb + "?dryRun=true",
                obj("{'comment':'authz'}")));
  }

  private static RouteCase state(String verb, String without, String with) {
    return RouteCase.forbidden(
        "POST " + B + "/" + verb,
        without,
        with,
        f -> Request.json("POST", seeded(f, BINDING_PATH + "/" + verb), obj("{'reason':'authz'}")));
  }

  private static RouteCase read(String template, String path) {
    return read(template, f -> Request.get(seeded(f, path)));
  }

  private static RouteCase read(String template, Function<AuthzFixture, Request> prepare) {
    return RouteCase.forbidden("GET " + template, "stranger", "viewer", prepare);
  }

  /**
   * Seeds what the binding controller would have recorded on the component's binding in
   * development: two revisions of its artifact, the current one Ready at the binding's generation.
   */
  private static String seeded(AuthzFixture f, String path) {
    component(f);
    ObjectNode binding = f.stored("ServiceBinding", ORG, COMPONENT).deepCopy();
    String artifact = binding.path("spec").path("deployableArtifactRef").asText();
    long generation = binding.path("metadata").path("generation").asLong();
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode status = binding.putObject("status");
    status.put("currentRevision", 2);
    ArrayNode history = status.putArray("history");
    for (int revision = 1; revision <= 2; revision++) {
      ObjectNode e = history.addObject();
      e.put("revision", revision);
      e.put("deployableArtifact", artifact);
      e.put("className", binding.path("spec").path("className").asText());
      e.put("contentHash", "sha256:" + "0".repeat(63) + revision);
      e.put("reason", "Edit");
      e.put("by", "authz");
      e.put("createdAt", now);
    }
    ObjectNode ready = status.putArray("conditions").addObject();
    ready.put("type", "Ready");
    ready.put("status", "True");
    ready.put("reason", "ResourcesActive");
    ready.put("message", "All 0 resources are deployed and healthy");
    ready.put("lastTransitionTime", now);
    ready.put("observedGeneration", generation);
    status.put("observedGeneration", generation);
    f.store.updateStatus(binding);
    return path;
  }

  /**
   * Stores the component once, copied from the sample {@code orders} with the names and owner
   * changed; the artifact and the binding's {@code deployableArtifactRef} get the content address
   * of the copied workload under the new component's name, as admission would compute it.
   */
  private static void component(AuthzFixture f) {
    if (f.store.find("Component", ORG, COMPONENT).isPresent()) {
      return;
    }
    f.store.create(renamed(f.stored("Component", ORG, SAMPLE)));
    ObjectNode claim = renamed(f.stored("Service", ORG, SAMPLE));
    ((ObjectNode) claim.get("spec")).put("workloadName", COMPONENT);
    f.store.create(claim);
    ObjectNode binding = renamed(f.stored("ServiceBinding", ORG, BINDING_OF_SAMPLE));
    ObjectNode workload = (ObjectNode) binding.path("spec").path("workloadSpec");
    String digest = ContentDigest.digest(workload);
    String artifactName = ContentDigest.artifactName(COMPONENT, digest);
    ((ObjectNode) binding.get("spec")).put("deployableArtifactRef", artifactName);
    f.store.create(binding);
    String sampleArtifact =
        f.stored("ServiceBinding", ORG, BINDING_OF_SAMPLE)
            .path("spec")
            .path("deployableArtifactRef")
            .asText();
    ObjectNode artifact = renamed(f.stored("DeployableArtifact", ORG, sampleArtifact));
    ((ObjectNode) artifact.get("metadata")).put("name", artifactName);
    ObjectNode spec = (ObjectNode) artifact.get("spec");
    spec.put("digest", digest);
    spec.set("workload", workload.deepCopy());
    f.store.create(artifact);
  }

  /** A create body of {@code sample} named (and owned, and labelled) for the component. */
  private static ObjectNode renamed(ObjectNode sample) {
    ObjectNode copy = AuthzFixture.createBody(sample);
    ObjectNode meta = (ObjectNode) copy.get("metadata");
    meta.put("name", COMPONENT);
    meta.remove("ownerReferences");
    if (meta.get("labels") instanceof ObjectNode labels && labels.has("openchoreo.dev/component")) {
      labels.put("openchoreo.dev/component", COMPONENT);
    }
    if (copy.path("spec").get("owner") instanceof ObjectNode owner && owner.has("componentName")) {
      owner.put("componentName", COMPONENT);
    }
    return copy;
  }

  /**
   * Stores a Promotion of the component to production requested by {@code shop-dev}, Pending behind
   * an approval gate, as admission and the Promotion controller would have left it; returns its
   * name.
   */
  private static String pending(AuthzFixture f) {
    component(f);
    String name = f.uniqueName(COMPONENT + "-staging-to-production");
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("apiVersion", "openchoreo.dev/v1alpha1");
    p.put("kind", "Promotion");
    ObjectNode meta = p.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", ORG);
    ObjectNode spec = p.putObject("spec");
    ObjectNode owner = spec.putObject("owner");
    owner.put("projectName", AuthzFixture.PROJECT);
    owner.put("componentName", COMPONENT);
    spec.put("sourceEnvironment", "staging");
    spec.put("targetEnvironment", "production");
    spec.put("expiresAfter", "72h");
    spec.put("allowUnreadySource", false);
    ObjectNode by = spec.putObject("requestedBy");
    by.put("user", "shop-dev");
    by.put("identityKind", "User");
    ObjectNode stored = f.store.create(p);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode status = stored.putObject("status");
    status.put("phase", "Pending");
    status.put("requestedAt", now.toString());
    status.put("expiresAt", now.plus(1, ChronoUnit.HOURS).toString());
    ObjectNode gate = status.putObject("gate");
    gate.put("requiresApproval", true);
    gate.put("manualOnly", false);
    status.put("requiredApprovals", 1);
    f.store.updateStatus(stored);
    return name;
  }
}
