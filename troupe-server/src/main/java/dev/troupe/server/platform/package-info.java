/**
 * The embedded platform: the engine, token authentication and the REST API in one process, and the
 * demo organization of {@code troupe up}.
 */
package dev.troupe.server.platform;
