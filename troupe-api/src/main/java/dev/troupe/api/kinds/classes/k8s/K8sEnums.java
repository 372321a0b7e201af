package dev.troupe.api.kinds.classes.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The closed value sets of well-known Kubernetes string fields, keyed by {@code <model class simple
 * name>.<property>}. The fabric8 model types them as plain strings; the Kubernetes API server
 * rejects other values, so admission does too.
 */
final class K8sEnums {
  private static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");
  private static final List<String> PULL_POLICIES = List.of("Always", "Never", "IfNotPresent");
  private static final List<String> SELECTOR_OPERATORS =
      List.of("In", "NotIn", "Exists", "DoesNotExist");
  private static final List<String> PROFILE_TYPES =
      List.of("RuntimeDefault", "Unconfined", "Localhost");

  private static final Map<String, List<String>> ENUMS =
      Map.ofEntries(
          Map.entry("DeploymentStrategy.type", List.of("RollingUpdate", "Recreate")),
          Map.entry("CronJobSpec.concurrencyPolicy", List.of("Allow", "Forbid", "Replace")),
          Map.entry("PodSpec.restartPolicy", List.of("Always", "OnFailure", "Never")),
          Map.entry(
              "PodSpec.dnsPolicy",
              List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None")),
          Map.entry("PodSpec.preemptionPolicy", List.of("PreemptLowerPriority", "Never")),
          Map.entry("PodOS.name", List.of("linux", "windows")),
          Map.entry("Container.imagePullPolicy", PULL_POLICIES),
          Map.entry("Container.restartPolicy", List.of("Always")),
          Map.entry("Container.terminationMessagePolicy", List.of("File", "FallbackToLogsOnError")),
          Map.entry("ContainerPort.protocol", PROTOCOLS),
          Map.entry(
              "ContainerResizePolicy.restartPolicy", List.of("NotRequired", "RestartContainer")),
          Map.entry("HTTPGetAction.scheme", List.of("HTTP", "HTTPS")),
          Map.entry(
              "VolumeMount.mountPropagation", List.of("None", "HostToContainer", "Bidirectional")),
          Map.entry("VolumeMount.recursiveReadOnly", List.of("Disabled", "IfPossible", "Enabled")),
          Map.entry("SeccompProfile.type", PROFILE_TYPES),
          Map.entry("AppArmorProfile.type", PROFILE_TYPES),
          Map.entry("SecurityContext.procMount", List.of("Default", "Unmasked")),
          Map.entry("PodSecurityContext.fsGroupChangePolicy", List.of("OnRootMismatch", "Always")),
          Map.entry("PodSecurityContext.supplementalGroupsPolicy", List.of("Merge", "Strict")),
          Map.entry("PodSecurityContext.seLinuxChangePolicy", List.of("MountOption", "Recursive")),
          Map.entry("Toleration.operator", List.of("Exists", "Equal")),
          Map.entry("Toleration.effect", List.of("NoSchedule", "PreferNoSchedule", "NoExecute")),
          Map.entry("LabelSelectorRequirement.operator", SELECTOR_OPERATORS),
          Map.entry(
              "NodeSelectorRequirement.operator",
              List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt")),
          Map.entry(
              "TopologySpreadConstraint.whenUnsatisfiable",
              List.of("DoNotSchedule", "ScheduleAnyway")),
          Map.entry("TopologySpreadConstraint.nodeAffinityPolicy", List.of("Honor", "Ignore")),
          Map.entry("TopologySpreadConstraint.nodeTaintsPolicy", List.of("Honor", "Ignore")),
          Map.entry(
              "HostPathVolumeSource.type",
              List.of(
                  "",
                  "DirectoryOrCreate",
                  "Directory",
                  "FileOrCreate",
                  "File",
                  "Socket",
                  "CharDevice",
                  "BlockDevice")),
          Map.entry("ImageVolumeSource.pullPolicy", PULL_POLICIES),
          Map.entry("PersistentVolumeClaimSpec.volumeMode", List.of("Filesystem", "Block")),
          Map.entry("JobSpec.completionMode", List.of("NonIndexed", "Indexed")),
          Map.entry("JobSpec.podReplacementPolicy", List.of("TerminatingOrFailed", "Failed")),
          Map.entry(
              "PodFailurePolicyRule.action", List.of("FailJob", "FailIndex", "Ignore", "Count")),
          Map.entry("PodFailurePolicyOnExitCodesRequirement.operator", List.of("In", "NotIn")),
          Map.entry(
              "ServiceSpec.type", List.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName")),
          Map.entry("ServiceSpec.sessionAffinity", List.of("ClientIP", "None")),
          Map.entry("ServiceSpec.externalTrafficPolicy", List.of("Cluster", "Local")),
          Map.entry("ServiceSpec.internalTrafficPolicy", List.of("Cluster", "Local")),
          Map.entry(
              "ServiceSpec.ipFamilyPolicy",
              List.of("SingleStack", "PreferDualStack", "RequireDualStack")),
          Map.entry("ServiceSpec.ipFamilies", List.of("IPv4", "IPv6")),
          Map.entry("ServicePort.protocol", PROTOCOLS));

  private K8sEnums() {}

  /** The allowed values of {@code property} of {@code modelClass}, if it is an enumeration. */
  static Optional<List<String>> of(Class<?> modelClass, String property) {
    return Optional.ofNullable(ENUMS.get(modelClass.getSimpleName() + "." + property));
  }
}
