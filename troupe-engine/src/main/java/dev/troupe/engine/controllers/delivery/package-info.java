/**
 * The delivery controllers of delivery.md §1.2 and §3: the Promotion controller, which evaluates a
 * Promotion's approval gate from the project's DeploymentPipeline, decides its phase from the
 * decisions the server records in its status, writes the target environment's binding (§3.5) and
 * follows that binding until the binding controller records the promoted revision. {@link
 * dev.troupe.engine.controllers.delivery.DeliveryControllers} registers it.
 *
 * <p>Written here rather than reused: the application controllers' tree helpers ({@code Meta},
 * {@code CauseAnnotation}) are package-private to {@code controllers.app}, so the few metadata
 * helpers this package needs are in {@link dev.troupe.engine.controllers.delivery.Trees}. The
 * content hash of the change cause is not re-implemented: it is {@link
 * dev.troupe.api.kinds.delivery.RevisionContent#contentHash}, the function the binding controller
 * compares against. Each state change of a Promotion is an Event and, when the controllers are
 * registered with an audit log, an audit record derived from the stored Promotion, so it is
 * appended exactly once even across crashes and retries, and a commit of the promotion ledger in
 * gitops mode ({@link dev.troupe.engine.controllers.delivery.PromotionAudit}).
 */
package dev.troupe.engine.controllers.delivery;
