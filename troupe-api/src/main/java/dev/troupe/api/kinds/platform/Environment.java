package dev.troupe.api.kinds.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.troupe.api.model.Condition;
import dev.troupe.api.model.ObjectMeta;
import dev.troupe.api.model.Resource;
import java.util.List;

/** A named runtime stage placed on one DataPlane (model.md §3.4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(
    String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements Resource {

  /** The DataPlane used when {@code dataPlaneRef} is absent. */
  public static final String DEFAULT_DATA_PLANE = "default";

  /** The desired state (model.md §3.4 field table). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Spec(String dataPlaneRef, Boolean isProduction, Gateway gateway) {

    /** True for a production ("critical") environment. */
    public boolean production() {
      return Boolean.TRUE.equals(isProduction);
    }
  }

  /** First label of this environment's hosts, and its gateway security defaults. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Gateway(String dnsPrefix, Security security) {}

  /** Default JWKS for APIClass JWT authentication that names no {@code jwks}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Security(RemoteJwks remoteJwks) {}

  /** The JWKS endpoint of the environment's identity provider. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RemoteJwks(String uri) {}

  /** The observed state, written only by the platform. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(GatewayStatus gateway, Long observedGeneration, List<Condition> conditions) {
    public Status {
      conditions = conditions == null ? null : List.copyOf(conditions);
    }
  }

  /** Effective prefix, hosts and port, computed from the DataPlane. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record GatewayStatus(
      String dnsPrefix, String publicHost, String organizationHost, Integer port) {}

  /** {@code spec.dataPlaneRef}, or {@code default} when absent. */
  public String dataPlaneName() {
    return spec == null || spec.dataPlaneRef() == null ? DEFAULT_DATA_PLANE : spec.dataPlaneRef();
  }

  /** {@code spec.gateway.dnsPrefix}, or the environment name when absent. */
  public String effectiveDnsPrefix() {
    return spec == null || spec.gateway() == null || spec.gateway().dnsPrefix() == null
        ? name()
        : spec.gateway().dnsPrefix();
  }

  /** The JWKS URI of {@code gateway.security.remoteJwks}, when set. */
  public java.util.Optional<String> remoteJwksUri() {
    if (spec == null
        || spec.gateway() == null
        || spec.gateway().security() == null
        || spec.gateway().security().remoteJwks() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(spec.gateway().security().remoteJwks().uri());
  }
}
