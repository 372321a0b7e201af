/**
 * The client side of Troupe's REST API ({@code /api/v1}): where the server is and which token to
 * send ({@link dev.troupe.cli.client.CliConfig}), typed calls ({@link
 * dev.troupe.cli.client.ApiClient}), problem details as exceptions, and watches as server-sent
 * events.
 *
 * <p>Hand-written instead of a library: the HTTP client is the JDK's {@code java.net.http}, and the
 * server-sent-events parser ({@link dev.troupe.cli.client.SseParser}) is ~100 lines of the WHATWG
 * event-stream grammar, so the CLI needs no HTTP or SSE dependency. The client depends only on the
 * wire contract (docs/api.md), never on server classes.
 */
package dev.troupe.cli.client;
