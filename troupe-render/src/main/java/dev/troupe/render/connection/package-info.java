/**
 * Connections (rendering.md §6): resolving each declared connection of a binding to the target
 * endpoint's address, and the environment variables its templates inject.
 */
package dev.troupe.render.connection;
