package dev.troupe.cli.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.cli.client.ApiClient;
import dev.troupe.cli.client.ApiException;
import dev.troupe.cli.client.ApiProblem;
import dev.troupe.cli.remote.RemoteCommand;
import dev.troupe.cli.remote.UsageError;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The frame of the delivery verbs: finding the component's project when {@code -p} is not given,
 * {@code dryRun}, printing, and hints that say what to run next when the server refuses.
 */
abstract class DeliveryCommand extends RemoteCommand {
  /** {@code -p/--project}, for the verbs about one component. */
  static final class ProjectOption {
    @Option(
        names = {"-p", "--project"},
        paramLabel = "PROJECT",
        description =
            "Project of the component (default: the project that owns it; component names are"
                + " unique within an organization, so the CLI reads the Component to find it).")
    String project;
  }

  /**
   * The component {@code name} in the organization: in {@code project} when given, otherwise in the
   * project its stored Component names as owner.
   */
  ComponentRef component(ApiClient client, ProjectOption option, String name) {
    String org = remote.org();
    String project = option == null ? null : option.project;
    if (project != null && !project.isBlank()) {
      return new ComponentRef(org, project, name);
    }
    JsonNode c;
    try {
      c = client.get("components", org, name);
    } catch (ApiException e) {
      if (e.status() == 404) {
        throw new ApiException(
            new ApiProblem(
                null,
                "Not found",
                404,
                "component \"" + name + "\" not found in organization \"" + org + "\"",
                Hints.COMPONENT_NOT_FOUND,
                List.of()));
      }
      throw e;
    }
    String owner = c.path("spec").path("owner").path("projectName").asText("");
    if (owner.isEmpty()) {
      throw new UsageError(
          "component \"" + name + "\" names no project (spec.owner.projectName); pass -p PROJECT");
    }
    return new ComponentRef(org, owner, name);
  }

  /** {@code dryRun=true} when asked, for the query of a mutating call. */
  static Map<String, String> dryRun(boolean dryRun) {
    return dryRun ? Map.of("dryRun", "true") : Map.of();
  }

  /** Prints a response as JSON or YAML. */
  void print(JsonNode body, boolean yaml) {
    if (yaml) {
      out().print(Codec.toYaml(body));
    } else {
      out().println(Codec.toJson(body));
    }
  }

  /**
   * The base message (with the server's field errors, except those that only repeat its detail) and
   * a hint naming the command that helps.
   */
  @Override
  protected String describe(ApiException e) {
    ApiProblem p = e.problem();
    List<ApiProblem.FieldError> kept =
        p.errors().stream().filter(fe -> !repeats(p.detail(), fe)).toList();
    String base =
        super.describe(
            kept.size() == p.errors().size()
                ? e
                : new ApiException(
                    new ApiProblem(p.type(), p.title(), p.status(), p.detail(), p.code(), kept)));
    String hint = Hints.of(e.code(), remote.org());
    return hint == null ? base : base + System.lineSeparator() + "  hint: " + hint;
  }

  /** Whether a field error says only what the problem's detail says already. */
  static boolean repeats(String detail, ApiProblem.FieldError fe) {
    if (detail == null || detail.isEmpty()) {
      return false;
    }
    String message = fe.message();
    return detail.equals(message) || detail.equals(fe.path() + ": " + message);
  }
}
