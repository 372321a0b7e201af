package dev.troupe.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.admission.Identity;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.kinds.delivery.PromotionDecisions;
import dev.troupe.engine.store.Store;
import dev.troupe.engine.store.StoreException;
import dev.troupe.server.auth.Authorizer;
import dev.troupe.server.auth.Permission;
import dev.troupe.server.auth.Principal;
import dev.troupe.server.auth.Scope;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Approving, rejecting and withdrawing promotions (delivery.md §3.4). The permission is checked in
 * the scope of the <b>stored</b> Promotion (its project and target environment); the rules of
 * {@link PromotionDecisions} then decide (four eyes, manual gates, Pending and not expired, a
 * repeated approval is no change). An accepted decision is appended to {@code status.decisions} by
 * the server with the resourceVersion precondition, re-checked and retried on conflict; the
 * Promotion controller reads it and moves the phase, which the answer waits for (a few seconds at
 * most).
 */
final class DeliveryDecisions {
  static final Set<String> BODY = Set.of("comment");
  private static final int ATTEMPTS = 5;

  /** The three verbs. */
  enum Verb {
    APPROVE,
    REJECT,
    WITHDRAW
  }

  private final Store store;
  private final DeliveryPromotions promotions;
  private final Clock clock;
  private final Duration phaseWait;

  DeliveryDecisions(Store store, DeliveryPromotions promotions, Clock clock, Duration phaseWait) {
    this.store = store;
    this.promotions = promotions;
    this.clock = clock;
    this.phaseWait = phaseWait;
  }

  /**
   * Decides on a Promotion. {@code project} and {@code component} are null on the
   * organization-scoped route; on the component-scoped one the Promotion must be the component's.
   */
  void decide(Context ctx, Verb verb, String project, String component) {
    Principal p = Authentication.principal(ctx);
    String org = ctx.pathParam("org");
    String name = ctx.pathParam("name");
    DeliveryLookup.require(p, Permission.READ, Scope.org(org));
    String comment = DeliveryBodies.read(ctx, BODY).text("comment");
    Identity who = AdmissionGate.identity(p, org);
    boolean dryRun = Query.dryRun(ctx);
    for (int attempt = 1; ; attempt++) {
      ObjectNode stored = promotions.find(org, name, project, component);
      Promotion promotion = Codec.bind(stored, Promotion.class);
      boolean requester = isRequester(promotion, p);
      Scope scope =
          new Scope(
              org, promotion.spec().owner().projectName(), promotion.spec().targetEnvironment());
      DeliveryLookup.audited(
          ctx, scope, promotion.spec().owner().componentName(), DeliveryLookup.PROMOTION, name);
      boolean approver = Authorizer.allowed(p, Permission.APPROVE, scope);
      if (verb == Verb.WITHDRAW && !requester) {
        throw DeliveryLookup.forbidden(
            p.name()
                + " may not withdraw Promotion \""
                + name
                + "\": only its requester ("
                + requesterName(promotion)
                + ") may; approvers reject it instead");
      }
      if (verb != Verb.WITHDRAW && !requester && !approver) {
        throw DeliveryLookup.forbidden(Authorizer.denial(p, Permission.APPROVE, scope));
      }
      PromotionDecisions.Decision decision =
          verb == Verb.APPROVE
              ? PromotionDecisions.Decision.Approve
              : PromotionDecisions.Decision.Reject;
      Instant now = clock.instant();
      PromotionDecisions.Outcome outcome =
          PromotionDecisions.check(promotion, who, decision, now, approver);
      switch (outcome) {
        case PromotionDecisions.Refused refused ->
            throw DeliveryProblems.decision(refused, notPending(promotion, now));
        case PromotionDecisions.Ignored ignored -> {
          Responses.json(ctx, 200, stored);
          return;
        }
        case PromotionDecisions.Accepted accepted -> {}
      }
      ObjectNode next = stored.deepCopy();
      ObjectNode status = next.get("status") instanceof ObjectNode s ? s : next.putObject("status");
      ArrayNode decisions =
          status.get("decisions") instanceof ArrayNode a ? a : status.putArray("decisions");
      ObjectNode d = decisions.addObject();
      d.put("user", who.user());
      d.put("identityKind", who.kind().name());
      d.put("decision", decision.name());
      d.put("time", now.truncatedTo(ChronoUnit.SECONDS).toString());
      if (comment != null) {
        d.put("comment", comment);
      }
      if (dryRun) {
        Responses.json(ctx, 200, next);
        return;
      }
      try {
        // Status is the platform's: the server writes it directly, never through admission.
        ObjectNode written = store.updateStatus(next);
        ObjectNode moved =
            DeliveryWaits.until(
                    store,
                    DeliveryLookup.PROMOTION,
                    org,
                    name,
                    DeliveryDecisions::decided,
                    phaseWait)
                .orElse(written);
        Responses.json(ctx, 200, moved);
        return;
      } catch (StoreException.Conflict e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * The controller has acted on the decision: a terminal phase (or no longer Pending, at worst).
   */
  private static boolean decided(ObjectNode promotion) {
    String phase = DeliveryPromotions.phase(promotion);
    return phase != null
        && !phase.equals(Promotion.Phase.Pending.name())
        && !phase.equals(Promotion.Phase.Approved.name());
  }

  private static boolean isRequester(Promotion promotion, Principal p) {
    Promotion.RequestedBy by = promotion.spec().requestedBy();
    return by != null && p.name().equals(by.user());
  }

  private static String requesterName(Promotion promotion) {
    Promotion.RequestedBy by = promotion.spec().requestedBy();
    return by == null || by.user() == null ? "unknown" : by.user();
  }

  private static String notPending(Promotion promotion, Instant now) {
    Promotion.Phase phase = promotion.phase();
    String expiresAt = promotion.status() == null ? null : promotion.status().expiresAt();
    if (phase == Promotion.Phase.Pending && expiresAt != null) {
      return "Promotion \""
          + promotion.name()
          + "\" expired at "
          + expiresAt
          + "; decisions are no longer accepted";
    }
    return "Promotion \""
        + promotion.name()
        + "\" is "
        + (phase == null ? "not yet evaluated by the platform" : phase.name())
        + ", not Pending; only Pending promotions can be decided";
  }
}
