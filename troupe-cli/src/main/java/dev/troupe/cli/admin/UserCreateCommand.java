package dev.troupe.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.cli.remote.RemoteCommand;
import dev.troupe.cli.remote.UsageError;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code troupe admin user create NAME [--automation] --role ROLE --org ORG [--project P] [--env
 * E]}: creates an identity with one role binding and prints its token, which the server shows this
 * one time.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a user (or, with --automation, an automation identity such as a CI job) holding one"
          + " role in an organization, optionally narrowed to a project and/or an environment, and"
          + " print its API token. The token is shown only now: store it safely.",
      ""
    },
    footer = {
      "",
      "--org (also -n) names the organization of the role; * grants it in every organization.",
      "",
      "Examples:",
      "  troupe admin user create alice --role developer --org acme --project shop",
      "  troupe admin user create bob --role approver --org acme --env production",
      "  troupe admin user create ci-bot --automation --role developer --org acme --project shop"
    })
public final class UserCreateCommand extends RemoteCommand {
  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  @Parameters(index = "0", paramLabel = "NAME", description = "The user's name, e.g. alice.")
  String name;

  @Option(
      names = "--automation",
      description = "An automation identity (CI jobs, bots): it can never approve a manual gate.")
  boolean automation;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "admin, platform-engineer, developer, approver or viewer.")
  String role;

  @Option(
      names = "--project",
      paramLabel = "PROJECT",
      description = "Narrow the role to this project.")
  String project;

  @Option(
      names = {"--env", "--environment"},
      paramLabel = "ENV",
      description = "Narrow the role to this environment.")
  String environment;

  @Override
  protected int execute() {
    if (!command.commandLine().getParseResult().hasMatchedOption("--org")) {
      throw new UsageError(
          "missing --org ORG: the organization the role is held in (* for every organization)");
    }
    String org = remote.org();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("name", name);
    body.put("kind", automation ? "Automation" : "User");
    ObjectNode binding = body.putArray("bindings").addObject();
    binding.put("role", role);
    binding.put("organization", org);
    if (project != null && !project.isBlank()) {
      binding.put("project", project);
    }
    if (environment != null && !environment.isBlank()) {
      binding.put("environment", environment);
    }
    JsonNode answer = remote.client().postJson(Users.PATH, Map.of(), body);
    JsonNode user = answer.path("user");
    String token = answer.path("token").asText("");
    out()
        .println(
            "Created "
                + (automation ? "automation identity " : "user ")
                + user.path("name").asText(name)
                + " ("
                + Users.roles(user)
                + ").");
    out().println("Its API token, shown only this once (store it now):");
    out().println();
    out().println("  " + token);
    out().println();
    out()
        .println(
            "Use it with: export TROUPE_TOKEN=<the token above>   (or pass --token to each command;"
                + " flags show up in process lists)");
    return OK;
  }
}
