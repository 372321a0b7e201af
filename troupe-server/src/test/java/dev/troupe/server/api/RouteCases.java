package dev.troupe.server.api;

import java.util.List;

/**
 * A provider of authorization cases for routes of the API ({@link RouteAuthorizationTest} lists the
 * providers in {@code RouteAuthorizationTest.PROVIDERS}). Every route the server registers must be
 * covered by exactly one case of some provider.
 *
 * <p>The cases run against an {@link AuthzFixture}: a store with the samples and no controllers, so
 * a provider seeds through {@link AuthzFixture#store} whatever state its routes need (for example
 * status fields a controller would have written).
 */
interface RouteCases {
  /** The cases, each for one route key ({@code METHOD /path/{param}}). */
  List<RouteCase> cases();
}
