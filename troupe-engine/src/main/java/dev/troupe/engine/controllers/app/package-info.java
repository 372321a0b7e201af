/**
 * The application-side controllers of delivery.md §1.2: the claim controllers (Service,
 * WebApplication, ScheduledTask → DeployableArtifact and first-environment binding; API →
 * APIBinding), the four binding controllers (artifact, revision history, render into the Release,
 * status with {@code Ready}, blockers and endpoints) and the Component controller (ownership and
 * the per-environment summary). {@link dev.troupe.engine.controllers.app.AppControllers} registers
 * them.
 *
 * <p>Written here rather than reused: troupe-render's offline first-binding derivation ({@code
 * FirstBindings}) is package-private and computes only the create case; the claim controller needs
 * the update rules of §1.4 step 5 (write only on a new artifact or claim generation) and adoption,
 * so it builds the binding fields itself with the same rules.
 */
package dev.troupe.engine.controllers.app;
