package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.remote.Output;
import dev.troupe.cli.remote.UsageError;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code approve}, {@code reject} and {@code withdraw}: one decision on a Promotion named by its
 * name alone ({@code POST /api/v1/orgs/{org}/promotions/{name}/<verb>}). The noun {@code promotion}
 * may come first, as in {@code troupe approve promotion NAME}.
 */
abstract class DecisionCommand extends DeliveryCommand {
  @Parameters(
      arity = "1..2",
      paramLabel = "[promotion] NAME",
      description = "The Promotion's name (optionally after the word 'promotion').")
  List<String> words;

  @Option(
      names = "--dry-run",
      description = "Check that the decision would be accepted, without recording it.")
  boolean dryRun;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "json or yaml (the Promotion after the decision); default: readable text.")
  Output output;

  /** The verb of the REST path: approve, reject or withdraw. */
  abstract String verb();

  /** The comment to send, or null. */
  abstract String comment();

  /** What happened, for the first line: approved, rejected, withdrawn. */
  abstract String pastTense();

  @Override
  protected int execute() {
    String name = name(words);
    ApiClient client = remote.client();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (comment() != null) {
      body.put("comment", comment());
    }
    String path = ApiClient.path("api", "v1", "orgs", remote.org(), "promotions", name, verb());
    JsonNode promotion = client.postJson(path, dryRun(dryRun), body);
    if (output == Output.json || output == Output.yaml) {
      print(promotion, output == Output.yaml);
      return OK;
    }
    PromotionView v = new PromotionView(promotion);
    out()
        .println(
            "promotion "
                + name
                + " "
                + pastTense()
                + (dryRun ? " (dry run: nothing was recorded)" : ""));
    StringBuilder state = new StringBuilder("phase ").append(v.phase());
    if (v.gated()) {
      state.append(", approvals ").append(v.approvals()).append('/').append(v.requiredApprovals());
    }
    String detail = v.readyDetail();
    if (v.terminal() && !"Applied".equals(v.phase()) && !detail.isEmpty()) {
      state.append(" (").append(detail).append(')');
    }
    out().println(state);
    if ("Applied".equals(v.phase())) {
      out().println(PromoteCommand.applied(v, null));
    }
    return OK;
  }

  /** {@code NAME} or {@code promotion NAME}. */
  static String name(List<String> words) {
    if (words.size() == 2) {
      String noun = words.get(0).toLowerCase(Locale.ROOT);
      if (!List.of("promotion", "promotions", "promo").contains(noun)) {
        throw new UsageError(
            "expected NAME or 'promotion NAME', not \"" + String.join(" ", words) + "\"");
      }
      return words.get(1);
    }
    return words.getFirst();
  }
}
