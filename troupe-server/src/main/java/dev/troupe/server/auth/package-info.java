/**
 * Identities and permissions of the API (docs/access-control.md): an {@link
 * dev.troupe.server.auth.Authenticator} maps a bearer token to a {@link
 * dev.troupe.server.auth.Principal} holding {@link dev.troupe.server.auth.RoleBinding}s; the {@link
 * dev.troupe.server.auth.Authorizer} decides whether a principal holds a {@link
 * dev.troupe.server.auth.Permission} in a {@link dev.troupe.server.auth.Scope}, which {@link
 * dev.troupe.server.auth.ObjectScopes} resolves from stored objects. {@link
 * dev.troupe.server.auth.TokenStore} is the embedded {@link dev.troupe.server.auth.UserDirectory}:
 * users and automation identities with only the SHA-256 of their tokens, in a JSON file.
 *
 * <p>Hand-written instead of a library: a token file needs hashing, constant-time comparison and an
 * atomic owner-only write, all a few lines on the JDK, and the permission model is a table of five
 * roles matched against a scope; an identity framework would bring far more than this and would
 * still need the file format and the scope resolution from our objects.
 */
package dev.troupe.server.auth;
