package dev.troupe.api.kinds.app;

import java.util.List;
import java.util.Set;

/** The endpoint and API types of model.md §2.12.1 and their transport and family. */
public final class EndpointTypes {
  public static final String HTTP = "HTTP";
  public static final String REST = "REST";
  public static final String GRPC = "gRPC";
  public static final String GRAPHQL = "GraphQL";
  public static final String WEBSOCKET = "Websocket";
  public static final String TCP = "TCP";
  public static final String UDP = "UDP";

  /** Every type, in the spec's order (the order of {@code EnumValue} messages). */
  public static final List<String> ALL = List.of(HTTP, REST, GRPC, GRAPHQL, WEBSOCKET, TCP, UDP);

  /** Types served over HTTP: {@code HTTP}, {@code REST}, {@code GraphQL}, {@code Websocket}. */
  public static final Set<String> HTTP_FAMILY = Set.of(HTTP, REST, GRAPHQL, WEBSOCKET);

  private EndpointTypes() {}

  /** True for the HTTP-family types. */
  public static boolean httpFamily(String type) {
    return type != null && HTTP_FAMILY.contains(type);
  }

  /** The transport protocol: {@code UDP} for {@code UDP}, {@code TCP} for every other type. */
  public static String transport(String type) {
    return UDP.equals(type) ? UDP : TCP;
  }
}
