package dev.troupe.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troupe.api.codec.Codec;
import dev.troupe.engine.store.SqliteStore;
import dev.troupe.engine.store.Store;
import dev.troupe.server.auth.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** A real server on an ephemeral port over a real SQLite store and token file, with a client. */
final class TestApi implements AutoCloseable {
  final SqliteStore sqlite;
  final Store store;
  final TokenStore tokens;
  final ApiServer server;
  final String token;
  final URI base;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestApi(Path dir, Function<Store, Store> wrap, Duration keepAlive) {
    sqlite = SqliteStore.open(dir.resolve("store.db"));
    store = wrap.apply(sqlite);
    tokens = TokenStore.open(dir);
    token = tokens.ensureAdmin().orElseThrow();
    server = new ApiServer(store, tokens, ApiSettings.defaults().withKeepAlive(keepAlive));
    base = server.start();
  }

  static TestApi start(Path dir) {
    return new TestApi(dir, s -> s, Duration.ofSeconds(15));
  }

  static TestApi start(Path dir, Function<Store, Store> wrap, Duration keepAlive) {
    return new TestApi(dir, wrap, keepAlive);
  }

  /** A response with its body read as text. */
  record Response(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return Codec.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }
  }

  Response get(String path) {
    return send("GET", path, null, null, token);
  }

  Response post(String path, Object body) {
    return send("POST", path, json(body), "application/json", token);
  }

  Response put(String path, Object body) {
    return send("PUT", path, json(body), "application/json", token);
  }

  Response patch(String path, Object body) {
    return send("PATCH", path, json(body), "application/merge-patch+json", token);
  }

  Response delete(String path) {
    return send("DELETE", path, null, null, token);
  }

  Response send(String method, String path, String body, String contentType, String bearer) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String json(Object body) {
    if (body == null || body instanceof String) {
      return (String) body;
    }
    try {
      return Codec.JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON object from text (tests write objects as JSON literals). */
  static ObjectNode obj(String json) {
    try {
      return (ObjectNode) Codec.JSON.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode organization(String name) {
    return obj(
        "{'apiVersion':'openchoreo.dev/v1alpha1','kind':'Organization','metadata':{'name':'"
            + name
            + "'},'spec':{}}");
  }

  static ObjectNode project(String name) {
    return obj(
        "{'apiVersion':'openchoreo.dev/v1alpha1','kind':'Project','metadata':{'name':'"
            + name
            + "'},'spec':{'deploymentPipelineRef':'default'}}");
  }

  static ObjectNode component(String name, String project) {
    return obj(
        "{'apiVersion':'openchoreo.dev/v1alpha1','kind':'Component','metadata':{'name':'"
            + name
            + "'},'spec':{'owner':{'projectName':'"
            + project
            + "'},'type':'Service'}}");
  }

  /** Creates Organization {@code default} and Project {@code shop} in it. */
  void seedDefault() {
    require(post("/api/v1/organizations", organization("default")), 201);
    require(post("/api/v1/orgs/default/projects", project("shop")), 201);
  }

  static Response require(Response r, int status) {
    if (r.status() != status) {
      throw new AssertionError("expected HTTP " + status + ", got " + r.status() + ": " + r.body());
    }
    return r;
  }

  @Override
  public void close() {
    server.close();
    sqlite.close();
  }
}
