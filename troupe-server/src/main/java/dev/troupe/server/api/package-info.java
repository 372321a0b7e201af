/**
 * The REST API of the control plane: {@link dev.troupe.server.api.ApiServer} serves the routes of
 * docs/api.md on Javalin (virtual threads). Every spec write is admitted ({@link
 * dev.troupe.api.admission.Admission}) before it reaches the {@link dev.troupe.engine.store.Store};
 * errors are RFC 9457 problems; watches are server-sent events. One route table drives both the
 * server and its OpenAPI document.
 *
 * <p>Hand-written instead of a library: the OpenAPI document (an OpenAPI plugin would describe
 * annotated handlers, while ours come from the kind registry and already have their schemas in
 * {@link dev.troupe.api.crd.CrdGenerator}), and the event-stream writer (see {@code WatchStreams}).
 */
package dev.troupe.server.api;
