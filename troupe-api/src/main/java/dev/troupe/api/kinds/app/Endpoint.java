package dev.troupe.api.kinds.app;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A network endpoint of the main container, keyed by its name in {@code endpoints} (model.md §3.9).
 * Several endpoints may share a port.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Endpoint(String type, Integer port, ApiDefinition schema) {

  /** The optional API definition of the endpoint ({@code schema.type}, {@code schema.content}). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ApiDefinition(String type, String content) {}

  public static Endpoint of(String type, int port) {
    return new Endpoint(type, port, null);
  }

  /** True for {@code HTTP}, {@code REST}, {@code GraphQL} and {@code Websocket} endpoints. */
  public boolean httpFamily() {
    return EndpointTypes.httpFamily(type);
  }

  /** {@code UDP} for {@code UDP} endpoints, {@code TCP} otherwise. */
  public String transport() {
    return EndpointTypes.transport(type);
  }
}
