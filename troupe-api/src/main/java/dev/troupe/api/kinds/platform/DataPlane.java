package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.BasicStatus;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an organization's environments run: a Kubernetes cluster ({@code kubernetes} release mode)
 * or a Git repository ({@code gitops}), plus registry, gateways, secret store and network-policy
 * flavour (model.md §3.2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataPlane(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, BasicStatus status)
    implements Resource {

  public static final String KUBERNETES = "kubernetes";
  public static final String GITOPS = "gitops";

  /** The desired state (model.md §3.2 field table). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(
      Registry registry,
      KubernetesClusterSpec kubernetesCluster,
      Gateway gateway,
      ObserverAPI observer,
      String releaseMode,
      GitOps gitops,
      String cellNamespaceDeletion,
      Secrets secrets,
      NetworkPolicy networkPolicy) {

    /** True in {@code gitops} release mode (Releases are committed to Git). */
    public boolean gitopsMode() {
      return GITOPS.equals(releaseMode);
    }

    /**
     * True when a cell namespace Troupe created is kept after its last Release ({@code Retain}).
     */
    public boolean retainCellNamespaces() {
      return "Retain".equals(cellNamespaceDeletion);
    }
  }

  /** Registry images are pushed to and pulled from, and an optional image-pull Secret name. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Registry(String prefix, String secretRef) {}

  /** Gateway host suffixes, ports, namespace and gateway names. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Gateway(
      String publicVirtualHost,
      String organizationVirtualHost,
      Integer listenerPort,
      Integer podPort,
      String namespace,
      String externalGatewayName,
      String internalGatewayName) {}

  /** Target repository, credentials and commit author of the {@code gitops} release mode. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GitOps(Repository repository, String authSecretRef, Author author) {}

  /** Repository URL (absent: the embedded repository), branch and base directory. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Repository(String url, String branch, String path) {

    /** True when no URL is given: the control plane's embedded repository for this DataPlane. */
    public boolean embedded() {
      return url == null;
    }
  }

  /** Commit author (absent members come from a server setting). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Author(String name, String email) {}

  /** How {@code vaultKey} values reach pods. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Secrets(String provider, ExternalSecrets externalSecrets, Csi csi) {

    /** True when the secrets-store CSI driver is used instead of External Secrets. */
    public boolean csiProvider() {
      return "csi".equals(provider);
    }
  }

  /** External Secrets Operator settings. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ExternalSecrets(StoreRef storeRef, String refreshInterval) {}

  /** The secret store ExternalSecrets read from. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record StoreRef(String kind, String name) {}

  /** Secrets-store CSI settings; {@code parameters} are copied into every SecretProviderClass. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Csi(String provider, Map<String, String> parameters) {
    public Csi {
      parameters =
          parameters == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  /** Network-policy flavour and the cluster DNS resolver always allowed as egress. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record NetworkPolicy(String provider, ClusterDNS clusterDNS) {}

  /** Where the cluster DNS resolver runs. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ClusterDNS(String namespace, Map<String, String> podLabels, Integer port) {
    public ClusterDNS {
      podLabels =
          podLabels == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(podLabels));
    }
  }
}
