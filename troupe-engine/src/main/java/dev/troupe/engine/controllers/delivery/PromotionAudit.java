package dev.troupe.engine.controllers.delivery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.Promotion;
import dev.troupe.api.model.Condition;
import dev.troupe.engine.audit.AuditRecord;
import dev.troupe.engine.audit.AuditSink;
import dev.troupe.engine.gitops.PromotionLedger;
import dev.troupe.engine.runtime.EventRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records of delivery.md §3.6, one per state change of a Promotion: an Event on the Promotion
 * (reasons {@code PromotionRequested}, {@code PromotionApproved}, {@code PromotionRejected}, {@code
 * PromotionWithdrawn}, {@code PromotionExpired}, {@code PromotionApplied}, {@code
 * PromotionFailed}), and, when an audit sink is given, a record in the append-only audit log
 * ({@code promotion.requested|approved|rejected|withdrawn|expired|applied|failed}) and the
 * promotion ledger in Git (docs/gitops.md "Promotion story in Git").
 *
 * <p><b>Exactly once, from the stored state.</b> The audit records are not taken from the pass that
 * made a transition but derived from the Promotion as stored ({@link #trail}): its phase, its
 * {@code requestedAt}, {@code approvedAt}, decisions, {@code expiresAt} and {@code Ready} condition
 * say which transitions happened, who made them and when. {@link #record} appends the records of a
 * stored Promotion that are not in the log yet; it runs after every status write of a transition
 * and at the start of every pass. Each record carries a dedupe key ({@code
 * promotion:<uid>:<action>}; each action happens at most once in a Promotion's life), which the log
 * keeps unique ({@link AuditSink#appendOnce}). So:
 *
 * <ul>
 *   <li>a record is appended only for a transition whose status write succeeded;
 *   <li>if the process dies between that write and the append, the record is appended at the first
 *       pass after the restart (the controller reconciles every Promotion when it starts), with the
 *       time the status recorded (a time the status does not record, that of a platform withdrawal
 *       or a failure, is the time of the late append);
 *   <li>a retried pass, a resync or a second controller finds the key and appends nothing.
 * </ul>
 *
 * What can still be lost: the records of a Promotion deleted before any pass after the crash could
 * see it. Events stay best effort, as before: deleted with the Promotion, de-duplicated by reason
 * and message.
 *
 * <p>The ledger is given the whole trail whenever the log received a new record (and once per
 * Promotion after a restart); it writes only what the file does not hold yet. A ledger failure is a
 * Warning event {@code PromotionLedgerFailed} and is retried at the Promotion's next pass.
 */
final class PromotionAudit {
  private static final Logger log = LoggerFactory.getLogger(PromotionAudit.class);

  static final String REQUESTED = "PromotionRequested";
  static final String APPROVED = "PromotionApproved";
  static final String REJECTED = "PromotionRejected";
  static final String WITHDRAWN = "PromotionWithdrawn";
  static final String EXPIRED = "PromotionExpired";
  static final String APPLIED = "PromotionApplied";
  static final String FAILED = "PromotionFailed";
  static final String LEDGER_FAILED = "PromotionLedgerFailed";

  /** Promotions whose trail this process has recorded, by uid: how many records. */
  private static final int REMEMBERED = 10_000;

  private final EventRecorder events;
  private final Clock clock;
  private final AuditSink sink;
  private final PromotionLedger ledger;
  private final Map<String, Integer> recorded =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > REMEMBERED;
        }
      };

  /** Events only (no audit log, no ledger). */
  PromotionAudit(EventRecorder events, Clock clock) {
    this(events, clock, null, PromotionLedger.none());
  }

  /** Events, and audit records into {@code sink} (null: none) and {@code ledger}. */
  PromotionAudit(EventRecorder events, Clock clock, AuditSink sink, PromotionLedger ledger) {
    this.events = events;
    this.clock = clock;
    this.sink = sink;
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  // ---- events of the transitions (the pass that made them) ------------------------------------

  void requested(ObjectNode tree, Promotion p) {
    Promotion.RequestedBy by = p.spec().requestedBy();
    events.normal(
        tree,
        REQUESTED,
        "requested by "
            + actor(by == null ? null : by.user(), by == null ? null : by.identityKind())
            + ": "
            + subject(p)
            + (p.spec().reason() == null ? "" : "; reason: " + p.spec().reason()));
    record(tree);
  }

  void approved(ObjectNode tree, Promotion p, Promotion.Decision decision) {
    String who =
        decision == null
            ? "automatically (no approval required)"
            : "by " + actor(decision.user(), decision.identityKind()) + comment(decision);
    events.normal(tree, APPROVED, "approved " + who + ": " + subject(p));
    record(tree);
  }

  void rejected(ObjectNode tree, Promotion p, Promotion.Decision decision, boolean withdrawn) {
    events.normal(
        tree,
        withdrawn ? WITHDRAWN : REJECTED,
        (withdrawn ? "withdrawn by " : "rejected by ")
            + actor(decision.user(), decision.identityKind())
            + comment(decision)
            + ": "
            + subject(p));
    record(tree);
  }

  /** A platform withdrawal (the path, Environment or Component is gone): no decision. */
  void withdrawnByPlatform(ObjectNode tree, Promotion p, String reason, String message) {
    events.warning(tree, REJECTED, "rejected by the platform (" + reason + "): " + message);
    record(tree);
  }

  void expired(ObjectNode tree, Promotion p, String expiresAt) {
    events.normal(tree, EXPIRED, "expired at " + expiresAt + " while Pending: " + subject(p));
    record(tree);
  }

  void applied(ObjectNode tree, Promotion p, String binding, Long revision, String note) {
    events.normal(
        tree,
        APPLIED,
        "applied to "
            + binding
            + (revision == null ? "" : " at revision " + revision)
            + (note == null ? "" : " (" + note + ")")
            + ": "
            + subject(p));
    record(tree);
  }

  void failed(ObjectNode tree, Promotion p, String reason, String message) {
    events.warning(tree, FAILED, "failed (" + reason + "): " + message);
    record(tree);
  }

  // ---- the audit log and the ledger -----------------------------------------------------------

  /** One record of a trail and its dedupe key. */
  record Entry(String key, AuditRecord record) {}

  /**
   * Appends the audit records that the stored Promotion {@code tree} implies and the log does not
   * hold yet, then brings the ledger up to date. Does nothing without an audit sink.
   *
   * @throws RuntimeException when the audit log cannot be written (the pass is retried)
   */
  void record(ObjectNode tree) {
    if (sink == null) {
      return;
    }
    List<Entry> trail = trail(tree);
    if (trail.isEmpty()) {
      return;
    }
    String uid = uid(tree);
    int done;
    synchronized (recorded) {
      done = recorded.getOrDefault(uid, 0);
    }
    if (done >= trail.size()) {
      return;
    }
    for (Entry e : trail.subList(done, trail.size())) {
      sink.appendOnce(e.key(), e.record());
    }
    try {
      ledger.record(trail.stream().map(Entry::record).toList());
    } catch (RuntimeException e) {
      // The audit log has the records; the ledger is retried at the next pass.
      log.atWarn()
          .setCause(e)
          .addKeyValue("promotion", Trees.namespace(tree) + "/" + Trees.name(tree))
          .log("Could not write the promotion ledger");
      events.warning(
          tree, LEDGER_FAILED, "could not commit the promotion ledger: " + e.getMessage());
      return;
    }
    synchronized (recorded) {
      recorded.put(uid, trail.size());
    }
  }

  /**
   * The audit records the stored Promotion implies, oldest first: {@code promotion.requested} once
   * it has a phase, {@code promotion.approved} once it has {@code approvedAt}, and the record of
   * its terminal phase. Empty for a Promotion the controller has not reconciled yet.
   */
  List<Entry> trail(ObjectNode tree) {
    Promotion p = Codec.bind(tree, Promotion.class);
    if (p.spec() == null || p.spec().owner() == null || p.phase() == null) {
      return List.of();
    }
    Trail t = new Trail(tree, p, clock.instant());
    Promotion.Status s = p.status();
    Promotion.RequestedBy by = p.spec().requestedBy();
    String requester = by == null ? null : by.user();
    AuditRecord.Actor requestedBy =
        requester == null
            ? new AuditRecord.Actor("unknown", "User")
            : new AuditRecord.Actor(
                requester, Objects.requireNonNullElse(by.identityKind(), "User"));
    Instant requestedAt =
        first(Trees.instant(s.requestedAt()), Trees.instant(p.metadata().creationTimestamp()));
    t.add("requested", requestedAt, requestedBy, "Pending", p.spec().reason(), null);

    Instant expires = Trees.instant(s.expiresAt());
    if (s.approvedAt() != null) {
      Promotion.Gate gate = s.gate();
      Optional<Promotion.Decision> approval =
          gate == null || !gate.gated()
              ? Optional.empty()
              : PromotionGate.satisfying(
                  s.decisionsOrEmpty(),
                  requester,
                  gate,
                  PromotionGate.required(gate, s.requiredApprovals()),
                  expires);
      t.add(
          "approved",
          Trees.instant(s.approvedAt()),
          approval.map(PromotionAudit::decider).orElse(AuditRecord.Actor.platform()),
          "Approved",
          approval.isPresent() ? approval.get().comment() : "no approval required",
          null);
    }

    Promotion.Phase phase = p.phase();
    List<Condition> conditions = s.conditions() == null ? List.of() : s.conditions();
    Optional<Condition> ready =
        conditions.stream().filter(c -> "Ready".equals(c.type())).findFirst();
    String reason = ready.map(Condition::reason).orElse(phase.name());
    String message = ready.map(Condition::message).orElse(null);
    String explained = reason + (message == null || message.isEmpty() ? "" : ": " + message);
    AuditRecord.Actor platform = AuditRecord.Actor.platform();
    switch (phase) {
      case Applied -> {
        Instant became =
            ready
                .filter(Condition::isTrue)
                .map(c -> Trees.instant(c.lastTransitionTime()))
                .orElse(null);
        Instant at = first(became, Trees.instant(s.appliedAt()));
        t.add("applied", at, platform, "Applied", message, s.targetRevision());
      }
      case Failed -> t.add("failed", null, platform, "Failed", explained, null);
      case Expired -> t.add("expired", expires, platform, "Expired", message, null);
      case Rejected -> {
        boolean decided = "Rejected".equals(reason) || "Withdrawn".equals(reason);
        Optional<Promotion.Decision> decision =
            decided ? PromotionGate.rejection(s.decisionsOrEmpty(), expires) : Optional.empty();
        if (decision.isPresent()) {
          Promotion.Decision d = decision.get();
          String action = "Withdrawn".equals(reason) ? "withdrawn" : "rejected";
          t.add(action, Trees.instant(d.time()), decider(d), "Rejected", d.comment(), null);
        } else {
          // Withdrawn by the platform: the path, the target Environment or the Component is gone.
          t.add("withdrawn", null, platform, "Rejected", explained, null);
        }
      }
      default -> {}
    }
    return t.entries;
  }

  /** The records of one Promotion being derived; times not known fall back to {@code now}. */
  private static final class Trail {
    private final ObjectNode tree;
    private final Promotion p;
    private final Instant now;
    private final List<Entry> entries = new ArrayList<>();

    Trail(ObjectNode tree, Promotion p, Instant now) {
      this.tree = tree;
      this.p = p;
      this.now = now;
    }

    void add(
        String what,
        Instant time,
        AuditRecord.Actor actor,
        String outcome,
        String comment,
        Long targetRevision) {
      entries.add(
          new Entry(
              "promotion:" + uid(tree) + ":" + what,
              auditRecord(
                  tree,
                  p,
                  "promotion." + what,
                  time == null ? now : time,
                  actor,
                  outcome,
                  comment,
                  targetRevision)));
    }
  }

  private static AuditRecord auditRecord(
      ObjectNode tree,
      Promotion p,
      String action,
      Instant time,
      AuditRecord.Actor actor,
      String outcome,
      String comment,
      Long targetRevision) {
    Promotion.Spec spec = p.spec();
    String name = Trees.name(tree);
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("sourceEnvironment", spec.sourceEnvironment());
    details.put("targetEnvironment", spec.targetEnvironment());
    details.put("promotion", name);
    Promotion.ArtifactSummary a = p.status() == null ? null : p.status().artifact();
    String artifact = a != null && a.name() != null ? a.name() : spec.deployableArtifactRef();
    if (artifact != null) {
      ObjectNode o = details.putObject("artifact").put("name", artifact);
      if (a != null && a.digest() != null) {
        o.put("digest", a.digest());
      }
    }
    if (spec.sourceRevision() != null) {
      details.put("sourceRevision", spec.sourceRevision());
    }
    if (targetRevision != null) {
      details.put("targetRevision", targetRevision);
    }
    return new AuditRecord(
        0,
        time,
        actor,
        action,
        Trees.namespace(tree),
        spec.owner().projectName(),
        spec.owner().componentName(),
        spec.targetEnvironment(),
        "Promotion/" + name,
        outcome,
        comment == null || comment.isBlank() ? null : comment,
        details);
  }

  private static AuditRecord.Actor decider(Promotion.Decision d) {
    return new AuditRecord.Actor(
        d.user() == null ? "unknown" : d.user(),
        d.identityKind() == null ? "User" : d.identityKind());
  }

  private static String uid(ObjectNode tree) {
    String uid = tree.path("metadata").path("uid").asText("");
    return uid.isEmpty() ? Trees.namespace(tree) + "/" + Trees.name(tree) : uid;
  }

  private static Instant first(Instant a, Instant b) {
    return a != null ? a : b;
  }

  // ---- event text ------------------------------------------------------------------------------

  private static String subject(Promotion p) {
    Promotion.Spec s = p.spec();
    StringBuilder b =
        new StringBuilder("component ")
            .append(s.owner().componentName())
            .append(" of project ")
            .append(s.owner().projectName())
            .append(", ")
            .append(s.sourceEnvironment())
            .append(" → ")
            .append(s.targetEnvironment());
    Promotion.ArtifactSummary a = p.status() == null ? null : p.status().artifact();
    String artifact = a != null && a.name() != null ? a.name() : s.deployableArtifactRef();
    if (artifact != null) {
      b.append(", artifact ").append(artifact);
      if (a != null && a.digest() != null) {
        b.append(" (").append(a.digest()).append(')');
      }
    }
    if (s.sourceRevision() != null) {
      b.append(", source revision ").append(s.sourceRevision());
    }
    return b.toString();
  }

  private static String actor(String user, String kind) {
    return (user == null ? "unknown" : user) + (kind == null ? "" : " (" + kind + ")");
  }

  private static String comment(Promotion.Decision d) {
    return d.comment() == null || d.comment().isBlank()
        ? ""
        : " with comment \"" + d.comment() + "\"";
  }
}
