package dev.troupe.render.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.classes.DeploymentClass;
import dev.troupe.api.kinds.classes.ScheduledTaskClass;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.ScheduledTaskBinding;
import java.util.List;
import java.util.Optional;

/**
 * The Deployment, CronJob and Service of a component binding (rendering.md §4.2–§4.4): the class
 * template merged with the binding's overlay. The overlay is asked first (it wins every conflict),
 * then the class template, matched by merge keys.
 */
final class WorkloadSources implements Attribution {
  private final Context ctx;
  private final ClassTemplate schema;

  WorkloadSources(Context ctx, String kind) {
    this.ctx = ctx;
    this.schema =
        switch (kind) {
          case "CronJob" -> ClassTemplate.CRON_JOB;
          case "Service" -> ClassTemplate.SERVICE;
          default -> ClassTemplate.DEPLOYMENT;
        };
  }

  @Override
  public Optional<String> source(Leaf leaf) {
    LeafPath p = leaf.path();
    if (p.matches("metadata", "name")) {
      String b = ctx.binding().name();
      return Optional.of(
          switch (schema) {
            case SERVICE -> Sources.nameGenerator(63, b);
            case CRON_JOB -> Sources.nameGenerator(52, b);
            case DEPLOYMENT -> Sources.nameGenerator(253, b);
          });
    }
    if (!p.startsWith("spec") || p.size() < 2) {
      return Optional.empty();
    }
    return overlay(leaf, p.drop(1)).or(() -> fromClass(leaf, p.drop(1)));
  }

  private Optional<String> overlay(Leaf leaf, LeafPath rel) {
    if (schema == ClassTemplate.SERVICE) {
      if (rel.matches("type")) {
        return Optional.of(
            Sources.rendererDefault("4.2") + ": type ClusterIP always, overriding the class");
      }
      if (rel.startsWith("selector") && rel.size() == 2) {
        return Optional.ofNullable(ctx.label(rel.key(1)));
      }
      if (rel.startsWith("ports", LeafPath.INDEX) && rel.size() == 3) {
        return Endpoints.servicePort(ctx, leaf.at(3), rel.key(2), leaf.value());
      }
      return Optional.empty();
    }
    if (rel.startsWith("selector", "matchLabels") && rel.size() == 3
        || rel.startsWith("jobTemplate", "metadata", "labels") && rel.size() == 4) {
      return Optional.ofNullable(ctx.label(rel.last()));
    }
    if (rel.matches("replicas") && Binding.SUSPEND.equals(ctx.binding().releaseState())
        || rel.matches("suspend")) {
      return Optional.of(ctx.field("spec.releaseState") + " Suspend (rendering.md §4.7)");
    }
    if (ctx.binding() instanceof ScheduledTaskBinding t && t.spec() != null) {
      if (rel.matches("schedule") && t.spec().schedule() != null) {
        return Optional.of(ctx.field("spec.schedule"));
      }
      if (rel.matches("timeZone") && t.spec().timeZone() != null) {
        return Optional.of(ctx.field("spec.timeZone"));
      }
    }
    List<String> pod = schema.podTemplate();
    if (rel.startsWith(pod.toArray(String[]::new))) {
      return PodTemplateSources.source(
          ctx, leaf, 1 + pod.size(), schema == ClassTemplate.DEPLOYMENT);
    }
    return Optional.empty();
  }

  private Optional<String> fromClass(Leaf leaf, LeafPath rel) {
    ObjectNode template = template();
    if (template == null) {
      return Optional.empty();
    }
    String main = ctx.workload() == null ? null : ctx.workload().mainContainerName();
    JsonNode spec = leaf.at(1);
    return schema
        .locate(template, spec, rel, main, leaf.value())
        .map(
            path ->
                ctx.classRef() + " spec." + templateField() + (path.isEmpty() ? "" : "." + path));
  }

  private ObjectNode template() {
    return switch (ctx.workloadClass().orElse(null)) {
      case DeploymentClass d when schema == ClassTemplate.SERVICE -> d.serviceTemplate();
      case DeploymentClass d -> d.deploymentTemplate();
      case ScheduledTaskClass s -> s.cronJobTemplate();
      case null -> null;
    };
  }

  private String templateField() {
    return switch (schema) {
      case SERVICE -> "serviceTemplate";
      case CRON_JOB -> "cronJobTemplate";
      case DEPLOYMENT -> "deploymentTemplate";
    };
  }
}
