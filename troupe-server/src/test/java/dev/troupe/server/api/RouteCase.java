package dev.troupe.server.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * How one route is tested for authorization: {@code prepare} seeds what the route needs and returns
 * the request; it is sent first as {@code without} (an identity lacking the permission), then as
 * {@code with} (one holding it), which must succeed (2xx).
 *
 * @param route the route key as the server registers it, e.g. {@code GET /api/v1/orgs/{org}/events}
 * @param without the fixture identity lacking the permission; null for {@link Refusal#NONE}
 * @param with the fixture identity holding it
 * @param refusal what {@code without} gets
 * @param prepare seeds the fixture and returns the request (called once per case)
 */
record RouteCase(
    String route,
    String without,
    String with,
    Refusal refusal,
    Function<AuthzFixture, AuthzFixture.Request> prepare) {

  /** What the identity lacking the permission gets. */
  enum Refusal {
    /** 403 FORBIDDEN, and nothing changes. */
    FORBIDDEN,
    /**
     * 2xx with only the items of organizations it may read (lists across organizations): here, none
     * of the fixture's (an identity with roles elsewhere only is used).
     */
    FILTERED,
    /** No permission is needed beyond authentication (or none at all, /healthz). */
    NONE
  }

  RouteCase {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(with, "with");
    Objects.requireNonNull(refusal, "refusal");
    Objects.requireNonNull(prepare, "prepare");
    if (refusal != Refusal.NONE) {
      Objects.requireNonNull(without, "without");
    }
  }

  static RouteCase forbidden(
      String route, String without, String with, Function<AuthzFixture, AuthzFixture.Request> p) {
    return new RouteCase(route, without, with, Refusal.FORBIDDEN, p);
  }

  @Override
  public String toString() {
    return route + " (" + refusal + ": " + without + " vs " + with + ")";
  }
}
