/**
 * Authentication of API requests: an {@link dev.troupe.server.auth.Authenticator} maps a bearer
 * token to a {@link dev.troupe.server.auth.Principal}; {@link dev.troupe.server.auth.TokenStore} is
 * the embedded implementation, keeping only SHA-256 hashes of random tokens in a JSON file.
 *
 * <p>Hand-written instead of a library: a token file needs hashing, constant-time comparison and an
 * atomic owner-only write, all a few lines on the JDK; an identity framework would bring far more
 * than this and would still need the file format.
 */
package dev.troupe.server.auth;
