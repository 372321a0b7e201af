package dev.troupe.cli;

import dev.troupe.api.codec.Codec;
import dev.troupe.api.crd.CrdGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code troupe crds}: the CustomResourceDefinitions of every kind, for Kubernetes mode. */
@Command(
    name = "crds",
    mixinStandardHelpOptions = true,
    description = {
      "Print a CustomResourceDefinition for every openchoreo.dev/v1alpha1 kind (structural OpenAPI"
          + " v3 schema, status subresource, printer columns) as one YAML stream.",
      "",
      "  troupe crds | kubectl apply --server-side -f -"
    })
final class CrdsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(Codec.toYamlStream(CrdGenerator.all()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
