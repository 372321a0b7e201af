package dev.troupe.engine.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.render.health.Assessment;
import dev.troupe.render.health.HealthStatus;
import dev.troupe.render.health.Observations;
import java.util.ArrayList;
import java.util.List;

/**
 * What one apply pass did to each desired object, in spec order: applied (with the live object the
 * server returned), refused for ownership, failed, or not reached because an earlier group failed
 * or the DataPlane went away.
 */
final class ApplyPass {
  enum State {
    NOT_REACHED,
    APPLIED,
    CONFLICT,
    FAILED
  }

  private final List<Delivered> objects;
  private final State[] state;
  private final String[] detail;
  private final ObjectNode[] live;

  ApplyPass(List<Delivered> objects) {
    this.objects = objects;
    this.state = new State[objects.size()];
    this.detail = new String[objects.size()];
    this.live = new ObjectNode[objects.size()];
    java.util.Arrays.fill(state, State.NOT_REACHED);
  }

  List<Delivered> objects() {
    return objects;
  }

  void observed(Delivered d, ObjectNode liveObject) {
    live[d.index()] = liveObject;
  }

  void applied(Delivered d, ObjectNode liveObject) {
    state[d.index()] = State.APPLIED;
    live[d.index()] = liveObject;
  }

  void conflict(Delivered d, String message) {
    state[d.index()] = State.CONFLICT;
    detail[d.index()] = message;
  }

  void failed(Delivered d, String message) {
    state[d.index()] = State.FAILED;
    detail[d.index()] = Redaction.redact(message);
  }

  void notReached(Delivered d, String message) {
    detail[d.index()] = message;
  }

  State state(Delivered d) {
    return state[d.index()];
  }

  ObjectNode live(Delivered d) {
    return live[d.index()];
  }

  boolean allApplied() {
    return objects.stream().allMatch(d -> state(d) == State.APPLIED);
  }

  List<String> problems(State wanted) {
    List<String> out = new ArrayList<>();
    for (Delivered d : objects) {
      if (state(d) == wanted) {
        out.add(detail[d.index()]);
      }
    }
    return out;
  }

  /** The {@code status.resources} entries, with health from the live objects seen. */
  List<ResourceResult> results(Observations observations) {
    List<ResourceResult> out = new ArrayList<>();
    for (Delivered d : objects) {
      Assessment health = health(d, observations);
      State s = state(d);
      String applyError = s == State.CONFLICT || s == State.FAILED ? detail[d.index()] : null;
      String message =
          s == State.NOT_REACHED && detail[d.index()] != null
              ? detail[d.index()]
              : health.message();
      InventoryEntry e = d.entry();
      out.add(
          new ResourceResult(
              e.id(),
              e.group(),
              e.version(),
              e.kind(),
              e.namespace(),
              e.name(),
              s == State.APPLIED,
              applyError,
              health.status(),
              message));
    }
    return out;
  }

  private Assessment health(Delivered d, Observations observations) {
    ObjectNode seen = live(d);
    if (seen == null) {
      return state(d) == State.APPLIED
          ? HealthReader.assess(null, observations)
          : new Assessment(HealthStatus.Unknown, "not observed in this pass");
    }
    return HealthReader.assess(seen, observations);
  }
}
