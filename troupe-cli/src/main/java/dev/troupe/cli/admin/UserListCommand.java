package dev.troupe.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.cli.remote.RemoteCommand;
import dev.troupe.cli.remote.Table;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code troupe admin user list}: every identity, revoked ones too, never a token. */
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = {"List users and automation identities, revoked ones included.", ""},
    footer = {
      "",
      "Columns: NAME, KIND (User|Automation), ROLES, CREATED, STATUS (Active|Revoked)."
    })
public final class UserListCommand extends RemoteCommand {
  /** The formats of this command. */
  enum Format {
    table,
    json
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format output;

  @Override
  protected int execute() {
    JsonNode answer = remote.client().getJson(Users.PATH, Map.of());
    JsonNode items = answer.path("items");
    if (output == Format.json) {
      out().println(Codec.toJson(items));
      return OK;
    }
    Table table = new Table(List.of("NAME", "KIND", "ROLES", "CREATED", "STATUS"));
    for (JsonNode u : items) {
      table.add(
          List.of(
              u.path("name").asText(),
              u.path("kind").asText(),
              Users.roles(u),
              Users.seconds(u.path("createdAt").asText()),
              u.path("revoked").asBoolean(false) ? "Revoked" : "Active"));
    }
    if (table.isEmpty()) {
      err().println("No users.");
    } else {
      out().print(table.render());
    }
    return OK;
  }
}
