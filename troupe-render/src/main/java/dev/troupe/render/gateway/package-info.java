/**
 * Gateway rendering (rendering.md §5): HTTPRoutes, SecurityPolicies and BackendTrafficPolicies for
 * managed REST APIs and web applications, and the endpoint accesses of a binding's status.
 */
package dev.troupe.render.gateway;
