package dev.troupe.render;

import dev.troupe.api.kinds.platform.DataPlane;
import dev.troupe.api.kinds.platform.Environment;

/**
 * The gateway values of one environment on its DataPlane (rendering.md §0.3, §5.2), with the
 * defaults applied: hosts, ports, gateway names and namespace.
 *
 * @param dnsPrefix the Environment's {@code gateway.dnsPrefix} (default: its name)
 */
public record GatewaySettings(
    String dnsPrefix,
    String publicVirtualHost,
    String organizationVirtualHost,
    int listenerPort,
    int podPort,
    String namespace,
    String externalGateway,
    String internalGateway) {

  public static GatewaySettings of(Environment environment, DataPlane dataPlane) {
    String prefix = environment.name();
    if (environment.spec() != null
        && environment.spec().gateway() != null
        && environment.spec().gateway().dnsPrefix() != null) {
      prefix = environment.spec().gateway().dnsPrefix();
    }
    DataPlane.Gateway g = dataPlane.spec().gateway();
    int listener = g.listenerPort() == null ? 443 : g.listenerPort();
    int pod = g.podPort() != null ? g.podPort() : listener < 1024 ? listener + 10000 : listener;
    return new GatewaySettings(
        prefix,
        g.publicVirtualHost(),
        g.organizationVirtualHost(),
        listener,
        pod,
        g.namespace() == null ? "openchoreo-data-plane" : g.namespace(),
        g.externalGatewayName() == null ? "gateway-external" : g.externalGatewayName(),
        g.internalGatewayName() == null ? "gateway-internal" : g.internalGatewayName());
  }

  /** {@code <prefix>.<publicVirtualHost>}. */
  public String publicApiHost() {
    return dnsPrefix + "." + publicVirtualHost;
  }

  /** {@code <prefix>.<organizationVirtualHost>}. */
  public String organizationApiHost() {
    return dnsPrefix + "." + organizationVirtualHost;
  }

  /** {@code <component>-<prefix>.<publicVirtualHost>}. */
  public String webApplicationHost(String component) {
    return component + "-" + dnsPrefix + "." + publicVirtualHost;
  }
}
