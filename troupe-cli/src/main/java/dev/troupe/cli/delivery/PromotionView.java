package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads a Promotion as the server returns it (delivery.md §3.1): phase, gate, decisions, and the
 * sentences the CLI prints about it.
 */
record PromotionView(JsonNode tree) {
  /** The phases that never change again. */
  static final List<String> TERMINAL = List.of("Applied", "Rejected", "Expired", "Failed");

  String name() {
    return tree.path("metadata").path("name").asText("");
  }

  /** The phase; {@code Pending} before the platform has evaluated a new request. */
  String phase() {
    String p = tree.path("status").path("phase").asText("");
    return p.isEmpty() ? "Pending" : p;
  }

  boolean terminal() {
    return TERMINAL.contains(phase());
  }

  String component() {
    return spec("owner", "componentName");
  }

  String source() {
    return spec("sourceEnvironment");
  }

  String target() {
    return spec("targetEnvironment");
  }

  String requester() {
    return spec("requestedBy", "user");
  }

  /** Whether the pipeline edge needs an approval (known once the platform evaluated it). */
  boolean gated() {
    JsonNode gate = tree.path("status").path("gate");
    return gate.path("requiresApproval").asBoolean(false) || manual();
  }

  /** Whether only a User identity may approve. */
  boolean manual() {
    return tree.path("status").path("gate").path("manualOnly").asBoolean(false);
  }

  int requiredApprovals() {
    return tree.path("status").path("requiredApprovals").asInt(gated() ? 1 : 0);
  }

  /** The {@code Approve} decisions recorded so far. */
  int approvals() {
    int n = 0;
    for (JsonNode d : tree.path("status").path("decisions")) {
      if ("Approve".equals(d.path("decision").asText())) {
        n++;
      }
    }
    return n;
  }

  /** The reason and message of the {@code Ready} condition, e.g. {@code "Withdrawn: ..."}. */
  String readyDetail() {
    for (JsonNode c : tree.path("status").path("conditions")) {
      if ("Ready".equals(c.path("type").asText())) {
        String reason = c.path("reason").asText("");
        String message = c.path("message").asText("");
        return message.isEmpty() ? reason : reason.isEmpty() ? message : reason + ": " + message;
      }
    }
    return "";
  }

  /** {@code promotion NAME: C FROM → TO, phase P}. */
  String headline() {
    return "promotion "
        + name()
        + ": "
        + component()
        + " "
        + source()
        + " -> "
        + target()
        + ", phase "
        + phase();
  }

  /**
   * Who must decide a promotion waiting at a gate, and the command that approves it; empty when it
   * waits for nothing.
   */
  List<String> gateLines(String org) {
    if (!"Pending".equals(phase()) || !gated()) {
      return List.of();
    }
    String n = "default".equals(org) ? "" : " -n " + org;
    int required = requiredApprovals();
    StringBuilder who =
        new StringBuilder("waiting for ")
            .append(required == 1 ? "1 approval" : required + " approvals")
            .append(" (")
            .append(approvals())
            .append(" so far) by an identity allowed to approve in \"")
            .append(target())
            .append('"');
    if (!requester().isEmpty()) {
      who.append(" other than the requester ").append(requester());
    }
    if (manual()) {
      who.append("; manual gate: only a User identity can approve, never automation");
    }
    String expires = tree.path("status").path("expiresAt").asText("");
    if (!expires.isEmpty()) {
      who.append("; expires at ").append(expires);
    }
    return List.of(
        who.toString(),
        "approve with: troupe approve " + name() + n + " [--comment TEXT]",
        "reject with:  troupe reject " + name() + n + " --comment TEXT");
  }

  private String spec(String... path) {
    JsonNode n = tree.path("spec");
    for (String p : path) {
      n = n.path(p);
    }
    return n.asText("");
  }
}
