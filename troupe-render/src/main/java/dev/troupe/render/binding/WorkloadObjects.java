package dev.troupe.render.binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.kinds.classes.DeploymentClass;
import dev.troupe.api.kinds.classes.ScheduledTaskClass;
import dev.troupe.api.kinds.classes.WorkloadClass;
import dev.troupe.api.kinds.delivery.Binding;
import dev.troupe.api.kinds.delivery.ComponentBinding;
import dev.troupe.api.kinds.delivery.ScheduledTaskBinding;
import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.names.K8sNames;
import dev.troupe.render.Blocker;
import dev.troupe.render.Cell;
import dev.troupe.render.RenderedObject;
import dev.troupe.render.Trees;
import dev.troupe.render.config.ConfigPlan;
import dev.troupe.render.connection.ConnectionPlan;
import dev.troupe.render.merge.MergeSchema;
import dev.troupe.render.merge.StrategicMerge;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Service and the Deployment or CronJob of a component binding (rendering.md §4.2, §4.4): class
 * templates merged with the binding's overlay, then the post-merge overrides for Suspend.
 */
record WorkloadObjects(
    List<RenderedObject> objects,
    ObjectNode serviceSpec,
    String serviceName,
    Blocker blockerOrNull) {

  Optional<Blocker> blocker() {
    return Optional.ofNullable(blockerOrNull);
  }

  /** The target port of a backend port on this binding's Service (rendering.md §8.3). */
  JsonNode targetPort(int port) {
    return serviceSpec == null ? IntNode.valueOf(port) : ServiceSpecs.targetPort(serviceSpec, port);
  }

  static WorkloadObjects build(
      ComponentBinding b,
      WorkloadClass workloadClass,
      ConfigPlan config,
      ConnectionPlan connections,
      Cell cell,
      DataPlane dataPlane) {
    boolean suspend = Binding.SUSPEND.equals(b.releaseState());
    if (b instanceof ScheduledTaskBinding task && workloadClass instanceof ScheduledTaskClass c) {
      return cronJob(task, c, config, connections, cell, dataPlane, suspend);
    }
    DeploymentClass c = (DeploymentClass) workloadClass;
    List<RenderedObject> objects = new ArrayList<>();
    String serviceName = K8sNames.generateWithLengthLimit(63, b.name());
    ObjectNode serviceSpec =
        ServiceSpecs.merged(ComponentRenderer.copy(c.serviceTemplate()), b.workloadSpec(), cell);
    if (ServiceSpecs.hasPorts(serviceSpec)) {
      ObjectNode service = Trees.envelope("v1", "Service", cell.metadata(serviceName));
      service.set("spec", serviceSpec);
      objects.add(new RenderedObject(ResourceIds.service(b.name()), service));
    }
    ObjectNode template = ComponentRenderer.copy(c.deploymentTemplate());
    Optional<Blocker> collision =
        MainContainer.rename(podSpec(template, "template"), b.workloadSpec().mainContainerName());
    if (collision.isPresent()) {
      return new WorkloadObjects(List.of(), serviceSpec, serviceName, collision.get());
    }
    ObjectNode overlay = Trees.object();
    overlay.putObject("selector").set("matchLabels", cell.labels());
    overlay.set(
        "template",
        PodOverlay.template(
            b.workloadSpec(), config, connections.injectedEnv(), cell, dataPlane, true, null));
    // Both inputs are private to this call: merge them in place instead of copying twice more.
    ObjectNode spec =
        (ObjectNode) StrategicMerge.mergeOwned(template, overlay, MergeSchema.DEPLOYMENT_SPEC);
    if (suspend) {
      spec.put("replicas", 0);
    }
    ObjectNode deployment =
        Trees.envelope(
            "apps/v1",
            "Deployment",
            cell.metadata(K8sNames.generateWithLengthLimit(253, b.name())));
    deployment.set("spec", spec);
    objects.add(new RenderedObject(ResourceIds.deployment(b.name()), deployment));
    return new WorkloadObjects(objects, serviceSpec, serviceName, null);
  }

  /** The pod spec of a template at {@code path} (e.g. "template"), created when absent. */
  private static ObjectNode podSpec(ObjectNode template, String path) {
    JsonNode spec = template.path(path).path("spec");
    return spec instanceof ObjectNode o ? o : null;
  }

  private static WorkloadObjects cronJob(
      ScheduledTaskBinding b,
      ScheduledTaskClass c,
      ConfigPlan config,
      ConnectionPlan connections,
      Cell cell,
      DataPlane dataPlane,
      boolean suspend) {
    ObjectNode template = ComponentRenderer.copy(c.cronJobTemplate());
    JsonNode jobSpec = template.path("jobTemplate").path("spec");
    ObjectNode podSpec = jobSpec instanceof ObjectNode js ? podSpec(js, "template") : null;
    Optional<Blocker> collision =
        MainContainer.rename(podSpec, b.workloadSpec().mainContainerName());
    if (collision.isPresent()) {
      return new WorkloadObjects(List.of(), null, null, collision.get());
    }
    ObjectNode overlay = Trees.object();
    if (b.spec().schedule() != null) {
      overlay.put("schedule", b.spec().schedule());
    }
    if (b.spec().timeZone() != null) {
      overlay.put("timeZone", b.spec().timeZone());
    }
    ObjectNode jobTemplate = overlay.putObject("jobTemplate");
    jobTemplate.putObject("metadata").set("labels", cell.labels());
    jobTemplate
        .putObject("spec")
        .set(
            "template",
            PodOverlay.template(
                b.workloadSpec(),
                config,
                connections.injectedEnv(),
                cell,
                dataPlane,
                false,
                "OnFailure"));
    ObjectNode spec =
        (ObjectNode) StrategicMerge.mergeOwned(template, overlay, MergeSchema.CRON_JOB_SPEC);
    if (!spec.hasNonNull("schedule")) {
      return new WorkloadObjects(
          List.of(),
          null,
          null,
          Blocker.invalid(
              "no schedule: set spec.schedule or the class's cronJobTemplate.schedule"));
    }
    if (suspend) {
      spec.put("suspend", true);
    }
    ObjectNode cronJob =
        Trees.envelope("batch/v1", "CronJob", cell.metadata(K8sNames.cronJobName(b.name())));
    cronJob.set("spec", spec);
    return new WorkloadObjects(
        List.of(new RenderedObject(ResourceIds.cronJob(b.name()), cronJob)), null, null, null);
  }
}
