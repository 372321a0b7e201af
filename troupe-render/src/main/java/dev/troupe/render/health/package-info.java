/**
 * Health of delivered objects from their live state (delivery.md §2.4) and the binding's {@code
 * Ready} condition derived from blockers, Release state and health (rendering.md §9.2).
 */
package dev.troupe.render.health;
