package dev.troupe.engine.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The message of a gitops commit (delivery.md §2.7 "Commit message"):
 *
 * <pre>
 * &lt;action&gt; &lt;project&gt;/&lt;component&gt; in &lt;env&gt;: revision &lt;n&gt; (…)
 *
 * apply Deployment &lt;namespace&gt;/&lt;name&gt;
 * prune HTTPRoute &lt;namespace&gt;/&lt;name&gt;
 *
 * Organization: &lt;org&gt;
 * Release: &lt;release-namespace&gt;/&lt;release-name&gt; (uid &lt;uid&gt;, generation &lt;g&gt;)
 * Binding: &lt;BindingKind&gt;/&lt;binding-name&gt;
 * Binding-Revision: &lt;n&gt;
 * Change-Cause: …
 * Changed-By: &lt;identity&gt;
 * Deployable-Artifact: &lt;artifact-name&gt; sha256:&lt;64 hex&gt;
 * Images: main=&lt;image&gt;[, &lt;container&gt;=&lt;image&gt;]
 * </pre>
 *
 * A trailer whose value is unknown is left out; so is ": revision n" without a revision. Values are
 * kept on one line so the trailer block stays machine-readable. The subject ends with the change
 * cause and who made it ({@link ChangeCause#description()}, e.g. {@code (Promotion
 * promotion/orders-… approved by bob@example.com)}), so that {@code git log --oneline} tells who
 * deployed what and why; the {@code Change-Cause} trailer keeps the exact form of delivery.md §2.7
 * and {@code Changed-By} names the identity.
 */
record CommitMessage(
    ApplyResult.CommitAction action,
    ReleaseRef release,
    Provenance provenance,
    ChangeCause cause,
    List<String> changes,
    List<ObjectNode> workloads) {

  /** The full message: subject, blank line, change lines, blank line, trailers. */
  String text() {
    StringBuilder b = new StringBuilder(subject()).append("\n\n");
    if (!changes.isEmpty()) {
      changes.forEach(line -> b.append(oneLine(line)).append('\n'));
      b.append('\n');
    }
    trailers().forEach(t -> b.append(t).append('\n'));
    return b.toString();
  }

  /**
   * The message of a group commit: one subject line summarising the count (e.g. {@code commit 3
   * Releases: deploy 2, update 1}), then each Release's own message, separated by blank lines.
   */
  static String group(List<CommitMessage> messages) {
    java.util.Map<ApplyResult.CommitAction, Integer> counts =
        new java.util.EnumMap<>(ApplyResult.CommitAction.class);
    messages.forEach(m -> counts.merge(m.action(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((action, n) -> parts.add(action.verb() + " " + n));
    StringBuilder b =
        new StringBuilder("commit " + messages.size() + " Releases: ")
            .append(String.join(", ", parts))
            .append('\n');
    for (CommitMessage m : messages) {
      b.append('\n').append(m.text());
    }
    return b.toString();
  }

  String subject() {
    String s =
        action.verb()
            + " "
            + release.project()
            + "/"
            + release.component()
            + " in "
            + release.environment();
    if (provenance.bindingRevision() != null) {
      s += ": revision " + provenance.bindingRevision();
    }
    // A removal is not caused by the last revision's cause: its subject names none.
    return cause == null || action == ApplyResult.CommitAction.REMOVE
        ? s
        : s + " (" + oneLine(cause.description()) + ")";
  }

  List<String> trailers() {
    List<String> t = new ArrayList<>();
    t.add("Organization: " + release.organization());
    t.add(
        "Release: %s/%s (uid %s, generation %d)"
            .formatted(
                release.organization(),
                release.name(),
                oneLine(release.uid()),
                release.generation()));
    if (provenance.bindingKind() != null && provenance.bindingName() != null) {
      t.add("Binding: " + oneLine(provenance.bindingKind() + "/" + provenance.bindingName()));
    }
    if (provenance.bindingRevision() != null) {
      t.add("Binding-Revision: " + provenance.bindingRevision());
    }
    if (cause != null) {
      t.add("Change-Cause: " + oneLine(cause.trailer()));
      if (cause.by() != null && !cause.by().isBlank()) {
        t.add("Changed-By: " + oneLine(cause.by()));
      }
    }
    if (provenance.artifact() != null) {
      String digest = provenance.artifactDigest();
      t.add(
          "Deployable-Artifact: "
              + oneLine(provenance.artifact() + (digest == null ? "" : " " + digest)));
    }
    String images = images(workloads);
    if (!images.isEmpty()) {
      t.add("Images: " + oneLine(images));
    }
    return t;
  }

  /** {@code <container>=<image>} of every workload's pod template, in document order. */
  static String images(List<ObjectNode> objects) {
    Set<String> out = new LinkedHashSet<>();
    for (ObjectNode o : objects) {
      JsonNode pod =
          switch (o.path("kind").asText()) {
            case "Deployment", "StatefulSet", "Job", "DaemonSet" -> o.at("/spec/template/spec");
            case "CronJob" -> o.at("/spec/jobTemplate/spec/template/spec");
            default -> null;
          };
      if (pod == null) {
        continue;
      }
      for (JsonNode c : pod.path("containers")) {
        if (c.hasNonNull("name") && c.hasNonNull("image")) {
          out.add(c.get("name").asText() + "=" + c.get("image").asText());
        }
      }
    }
    return String.join(", ", out);
  }

  private static String oneLine(String s) {
    return s.replace('\r', ' ').replace('\n', ' ');
  }
}
