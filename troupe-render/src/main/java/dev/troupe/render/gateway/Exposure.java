package dev.troupe.render.gateway;

/**
 * One API exposed through a gateway, in route order (rendering.md §8.3 rules N and W).
 *
 * @param api the API name
 * @param level {@code Public} or {@code Organization}
 * @param backendPort the API's {@code rest.backend.port}
 */
public record Exposure(String api, String level, int backendPort) {}
