/**
 * Rendering: pure functions from a binding and the objects of its namespace to the ordered
 * Kubernetes objects of its Release (rendering.md). No I/O, no clock, no randomness; an ArchUnit
 * test keeps this module away from clients, stores and the clock.
 */
package dev.troupe.render;
