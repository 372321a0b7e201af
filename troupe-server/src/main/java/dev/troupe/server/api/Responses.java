package dev.troupe.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.troupe.api.codec.Codec;
import io.javalin.http.Context;

/** Writes JSON responses with the shared codec (map order kept, compact). */
final class Responses {
  static final String JSON = "application/json";

  private Responses() {}

  static void json(Context ctx, int status, JsonNode body) {
    json(ctx, status, body, JSON);
  }

  static void json(Context ctx, int status, JsonNode body, String contentType) {
    try {
      ctx.status(status).contentType(contentType).result(Codec.JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a response", e);
    }
  }
}
