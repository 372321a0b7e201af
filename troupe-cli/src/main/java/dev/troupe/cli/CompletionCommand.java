package dev.troupe.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code troupe completion bash}: a shell completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a shell completion script (bash; also works in zsh with bashcompinit).",
      "",
      "  source <(troupe completion bash)",
      "  troupe completion bash > /etc/bash_completion.d/troupe"
    })
final class CompletionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "The shell: bash.", defaultValue = "bash")
  String shell;

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new TroupeCli.UsageException(
          "unsupported shell \"" + shell + "\"; supported: bash, zsh");
    }
    CommandLine root = spec.commandLine().getParent();
    spec.commandLine().getOut().print(AutoComplete.bash("troupe", root));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
