package dev.troupe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shape of a generated organization, decided before any object is built: projects of about
 * twenty components, the kind and environments of each component, its APIs and its connections.
 * Every connection target is a Service deployed in every environment of its consumer; a target in
 * another project has a REST API exposed at Organization level. Equal seeds give equal plans.
 */
final class OrgPlan {
  static final List<String> ENVIRONMENTS = List.of("development", "staging", "production");
  static final List<String> API_CLASSES =
      List.of(
          "default",
          "default-with-jwt-auth",
          "default-with-rate-limit",
          "default-with-cors",
          "default-with-circuit-breaker");

  private static final List<String> DOMAINS =
      List.of(
          "billing",
          "catalog",
          "checkout",
          "identity",
          "logistics",
          "payments",
          "search",
          "support",
          "analytics",
          "marketing",
          "inventory",
          "pricing",
          "reviews",
          "loyalty");
  private static final List<String> ROLES =
      List.of(
          "api",
          "orders",
          "ledger",
          "gateway",
          "accounts",
          "events",
          "notifier",
          "profile",
          "quotes",
          "rules",
          "sessions",
          "tokens",
          "audit",
          "export",
          "import",
          "reports",
          "ui",
          "admin",
          "portal",
          "cleanup",
          "sync",
          "index",
          "cache",
          "feeds");

  /** The component kinds, by the claim kind's name. */
  enum Kind {
    SERVICE,
    WEB_APPLICATION,
    SCHEDULED_TASK
  }

  /** A connection of a consumer to {@code target}'s {@code endpoint}. */
  record Link(String name, Component target, String endpoint, boolean crossProject) {}

  /** One component: where it runs and what it exposes; {@code links} is filled in a second pass. */
  record Component(
      String project,
      String name,
      String role,
      Kind kind,
      List<String> environments,
      int variant,
      boolean grpc,
      String apiClass,
      List<String> exposeLevels,
      List<Link> links) {
    boolean organizationApi() {
      return exposeLevels.contains("Organization");
    }

    boolean deployedInAll(List<String> envs) {
      return environments.containsAll(envs);
    }
  }

  final List<String> projects = new ArrayList<>();
  final List<Component> components = new ArrayList<>();
  private final Random random;

  private OrgPlan(long seed) {
    this.random = new Random(seed);
  }

  /** A plan whose components have exactly {@code bindings} environment deployments in all. */
  static OrgPlan of(int bindings, long seed) {
    if (bindings < 1) {
      throw new IllegalArgumentException("bindings must be at least 1, got " + bindings);
    }
    OrgPlan plan = new OrgPlan(seed);
    plan.placeComponents(bindings);
    plan.connect();
    return plan;
  }

  int bindings() {
    return components.stream().mapToInt(c -> c.environments().size()).sum();
  }

  private void placeComponents(int bindings) {
    int remaining = bindings;
    while (remaining > 0) {
      String project = DOMAINS.get(projects.size() % DOMAINS.size()) + "-" + (projects.size() + 1);
      projects.add(project);
      int size = 16 + random.nextInt(9); // about twenty components
      for (int i = 0; i < size && remaining > 0; i++) {
        int envs = Math.min(remaining, environmentCount());
        components.add(component(project, i, ENVIRONMENTS.subList(0, envs)));
        remaining -= envs;
      }
    }
  }

  /** Most components run everywhere; some are not promoted past development or staging yet. */
  private int environmentCount() {
    int r = random.nextInt(100);
    return r < 80 ? 3 : r < 92 ? 2 : 1;
  }

  private Component component(String project, int index, List<String> envs) {
    String role = ROLES.get(index % ROLES.size()) + (index < ROLES.size() ? "" : index);
    Kind kind = index == 0 ? Kind.SERVICE : kind();
    List<String> levels = List.of();
    String apiClass = null;
    if (kind == Kind.SERVICE && (index == 0 || random.nextInt(100) < 70)) {
      apiClass = API_CLASSES.get(random.nextInt(API_CLASSES.size()));
      int r = random.nextInt(100);
      levels =
          r < 50
              ? List.of("Organization", "Public")
              : r < 80 ? List.of("Organization") : List.of("Public");
      if (index == 0) {
        levels = List.of("Organization", "Public"); // every project offers one cross-project target
      }
    }
    return new Component(
        project,
        project + "-" + role,
        role,
        kind,
        List.copyOf(envs),
        random.nextInt(1000),
        kind == Kind.SERVICE && random.nextInt(100) < 30,
        apiClass,
        levels,
        new ArrayList<>());
  }

  private Kind kind() {
    int r = random.nextInt(100);
    return r < 60 ? Kind.SERVICE : r < 80 ? Kind.WEB_APPLICATION : Kind.SCHEDULED_TASK;
  }

  /** Up to three connections inside the project and, for some, one to another project. */
  private void connect() {
    List<Component> exposed =
        components.stream().filter(c -> c.kind() == Kind.SERVICE && c.organizationApi()).toList();
    int from = 0;
    for (String project : projects) {
      int to = from;
      while (to < components.size() && components.get(to).project().equals(project)) {
        to++;
      }
      List<Component> members = components.subList(from, to);
      for (Component consumer : members) {
        linkInProject(consumer, members);
        if (projects.size() > 1 && random.nextInt(100) < 35) {
          linkAcross(consumer, exposed);
        }
      }
      from = to;
    }
  }

  private void linkInProject(Component consumer, List<Component> members) {
    List<Component> targets =
        members.stream()
            .filter(t -> t != consumer && t.kind() == Kind.SERVICE)
            .filter(t -> t.deployedInAll(consumer.environments()))
            .toList();
    int count = targets.isEmpty() ? 0 : random.nextInt(4);
    for (int i = 0; i < count; i++) {
      Component t = targets.get(random.nextInt(targets.size()));
      if (consumer.links().stream().noneMatch(l -> l.target() == t)) {
        String endpoint = t.grpc() && random.nextBoolean() ? "grpc" : "http";
        consumer.links().add(new Link(t.role(), t, endpoint, false));
      }
    }
  }

  private void linkAcross(Component consumer, List<Component> exposed) {
    for (int attempt = 0; attempt < 8; attempt++) {
      Component t = exposed.get(random.nextInt(exposed.size()));
      if (!t.project().equals(consumer.project()) && t.deployedInAll(consumer.environments())) {
        consumer.links().add(new Link(t.name(), t, "http", true));
        return;
      }
    }
  }
}
