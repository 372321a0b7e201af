package dev.troupe.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.cli.remote.RemoteCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code troupe admin user revoke NAME}: the user's token stops working at once. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = {
      "Revoke a user's API token: requests with it are refused from now on. The user stays listed"
          + " (the audit log names it) and its name is not issued again.",
      ""
    })
public final class UserRevokeCommand extends RemoteCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The user to revoke.")
  String name;

  @Override
  protected int execute() {
    JsonNode user = remote.client().deleteJson(Users.item(name)).path("user");
    out()
        .println(
            "Revoked "
                + user.path("name").asText(name)
                + " (revoked at "
                + user.path("revokedAt").asText("now")
                + "); its token is no longer accepted.");
    return OK;
  }
}
