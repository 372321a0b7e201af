package dev.troupe.engine.controllers.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.api.kinds.delivery.APIBinding;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.BindingStatus;
import dev.troupe.api.model.Condition;
import dev.troupe.engine.runtime.Conditions;
import dev.troupe.render.Blocker;
import dev.troupe.render.RenderOutcome;
import dev.troupe.render.health.HealthStatus;
import dev.troupe.render.health.ReadyCondition;
import dev.troupe.render.health.ReadyDerivation;
import dev.troupe.render.health.ReadyInput;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The status a binding controller writes (delivery.md §1.5 step 9, §8.1, §8.3): endpoints,
 * connections, blockers, the Release name, the revision history and the conditions {@code Ready}
 * (troupe-render's {@link ReadyDerivation}), {@code ConnectionsResolved}, {@code
 * ConfigurationResolved}, {@code Released} and the render warnings.
 */
final class BindingStatusTree {
  static final Set<String> CONFIGURATION_REASONS =
      Set.of(
          Blocker.CONFIGURATION_GROUP_NOT_FOUND,
          Blocker.CONFIGURATION_VALUE_NOT_FOUND,
          Blocker.KEY_NOT_FOUND);

  private BindingStatusTree() {}

  /**
   * Everything the status is computed from.
   *
   * @param tree the binding tree as stored
   * @param outcome the render outcome
   * @param history the revision history after this pass
   * @param release the Release after this pass, or null when there is none
   * @param writeError a failed Release write, or null
   * @param deletion with {@code Undeploy}: where the Release deletion stands
   * @param released the {@code Released} condition
   * @param extraBlockers blocker entries found outside rendering ({@code ArtifactRecreated})
   */
  record Inputs(
      ObjectNode tree,
      Binding binding,
      RenderOutcome outcome,
      RevisionHistory.State history,
      ObjectNode release,
      ReadyInput.WriteError writeError,
      ReadyInput.Deletion deletion,
      ObjectNode released,
      List<BlockerEntries.Entry> extraBlockers,
      Instant now) {}

  static ObjectNode build(Inputs in) {
    long generation = Meta.generation(in.tree());
    ReadyCondition ready = ReadyDerivation.derive(readyInput(in));
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    putList(s, "endpoints", Codec.toTree(in.outcome().endpoints()));
    putList(s, "connections", Codec.toTree(in.outcome().connections()));
    List<BlockerEntries.Entry> entries = new ArrayList<>(in.extraBlockers());
    if (!Binding.UNDEPLOY.equals(in.binding().releaseState())) {
      entries.addAll(BlockerEntries.fromRender(renderBlockers(in), in.outcome()));
      entries.addAll(BlockerEntries.fromRelease(in.release(), in.writeError(), ready));
    }
    putList(s, "blockers", BlockerEntries.toTree(entries, in.tree().path("status"), in.now()));
    if (in.release() != null) {
      s.put("release", Meta.name(in.release()));
    }
    if (in.history().current() > 0) {
      s.put("currentRevision", in.history().current());
    }
    ObjectNode current = in.history().currentEntry();
    if (ReadyCondition.TRUE.equals(ready.status())
        && current != null
        && !current.has("deployedAt")) {
      current.put("deployedAt", in.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    putList(s, "history", in.history().history());
    s.put("observedGeneration", generation);
    ArrayNode conditions = s.putArray("conditions");
    conditions.add(
        Conditions.of("Ready", ready.status(), ready.reason(), ready.message(), generation));
    if (platformResolved(in) && !Binding.UNDEPLOY.equals(in.binding().releaseState())) {
      if (!(in.binding() instanceof APIBinding)) {
        conditions.add(connectionsResolved(in, generation));
        conditions.add(configurationResolved(in, generation));
      }
    }
    conditions.add(in.released());
    for (Condition w : in.outcome().warnings()) {
      conditions.add(Conditions.of(w.type(), w.status(), w.reason(), w.message(), generation));
    }
    return s;
  }

  static ReadyInput readyInput(Inputs in) {
    ReadyInput r =
        ReadyInput.of(in.binding().releaseState())
            .withBlockers(renderBlockers(in))
            .withWriteError(in.writeError())
            .withDeletion(in.deletion())
            .withApiBinding(in.binding() instanceof APIBinding);
    JsonNode release = in.release();
    if (release == null) {
      return r.withReleaseProcessed(false);
    }
    JsonNode status = release.path("status");
    boolean processed = status.path("observedGeneration").asLong(-1) == Meta.generation(release);
    r = r.withReleaseProcessed(processed);
    JsonNode applied = Conditions.find(status.path("conditions"), "Applied");
    if (applied != null) {
      r =
          r.withApplied(
              new ReadyInput.Applied(
                  applied.path("status").asText(),
                  applied.path("reason").asText(),
                  applied.path("message").asText()));
    }
    JsonNode releaseReady = Conditions.find(status.path("conditions"), "Ready");
    if (releaseReady != null
        && "Unknown".equals(releaseReady.path("status").asText())
        && ReadyCondition.HEALTH_NOT_OBSERVABLE.equals(releaseReady.path("reason").asText())) {
      JsonNode g = status.path("gitops");
      r =
          r.withUnobservedCommit(
              new ReadyInput.Commit(
                  g.path("commit").asText(),
                  g.path("repository").asText(),
                  g.path("branch").asText()));
    }
    List<HealthStatus> health = new ArrayList<>();
    for (JsonNode res : status.path("resources")) {
      health.add(HealthStatus.parse(res.path("healthStatus").asText(null)));
    }
    return r.withHealth(health);
  }

  private static List<Blocker> renderBlockers(Inputs in) {
    if (Binding.UNDEPLOY.equals(in.binding().releaseState())) {
      return List.of();
    }
    return in.outcome() instanceof RenderOutcome.Blocked b ? b.blockers() : List.of();
  }

  private static boolean platformResolved(Inputs in) {
    return renderBlockers(in).stream()
        .noneMatch(
            b ->
                Blocker.ENVIRONMENT_NOT_FOUND.equals(b.reason())
                    || Blocker.DATA_PLANE_NOT_FOUND.equals(b.reason()));
  }

  private static ObjectNode connectionsResolved(Inputs in, long generation) {
    List<BindingStatus.ConnectionStatus> connections = in.outcome().connections();
    if (connections.isEmpty()) {
      return Conditions.of("ConnectionsResolved", "True", "NoConnections", "", generation);
    }
    for (Blocker b : renderBlockers(in)) {
      if (Blocker.CONNECTIONS_PENDING.equals(b.reason())) {
        return Conditions.of(
            "ConnectionsResolved", "False", Blocker.CONNECTIONS_PENDING, b.message(), generation);
      }
    }
    return Conditions.of("ConnectionsResolved", "True", "AllResolved", "", generation);
  }

  private static ObjectNode configurationResolved(Inputs in, long generation) {
    List<Blocker> problems =
        renderBlockers(in).stream()
            .filter(b -> CONFIGURATION_REASONS.contains(b.reason()))
            .toList();
    if (!problems.isEmpty()) {
      String message = String.join("; ", problems.stream().map(Blocker::message).toList());
      return Conditions.of(
          "ConfigurationResolved", "False", problems.get(0).reason(), message, generation);
    }
    boolean configured = !AppIndexes.configurationGroups(in.tree()).isEmpty();
    String shadowed =
        in.outcome() instanceof RenderOutcome.Rendered r
            ? String.join("; ", r.shadowedExpansions())
            : "";
    return configured
        ? Conditions.of("ConfigurationResolved", "True", "AllResolved", shadowed, generation)
        : Conditions.of("ConfigurationResolved", "True", "NoConfiguration", shadowed, generation);
  }

  private static void putList(ObjectNode s, String field, JsonNode list) {
    if (list != null && list.isArray() && !list.isEmpty()) {
      s.set(field, list);
    }
  }
}
