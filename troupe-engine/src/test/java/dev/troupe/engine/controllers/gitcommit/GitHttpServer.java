package dev.troupe.engine.controllers.gitcommit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real smart-HTTP Git server for tests: the JDK's HTTP server in front of {@code git
 * http-backend} (run as a CGI program with an argument list, no shell), serving the bare
 * repositories under a directory at {@code /git/<name>}. Every request needs HTTP basic
 * authentication with the configured user and password; {@link #failNext} answers the next requests
 * with an error status instead, as an overloaded server would.
 */
final class GitHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final Path projectRoot;
  private final String expectedAuthorization;
  private final String user;
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus = 503;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private GitHttpServer(Path projectRoot, String user, String password) throws IOException {
    this.projectRoot = projectRoot;
    this.user = user;
    this.expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/git/", this::handle);
    server.start();
  }

  static GitHttpServer start(Path projectRoot, String user, String password) {
    try {
      return new GitHttpServer(projectRoot, user, password);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL of the bare repository {@code <projectRoot>/<name>}. */
  String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/git/" + name;
  }

  String hostAndPath(String name) {
    return "127.0.0.1:" + server.getAddress().getPort() + "/git/" + name;
  }

  /** The next {@code n} requests are answered with {@code status}. */
  void failNext(int n, int status) {
    failureStatus = status;
    failures.set(n);
  }

  /** "METHOD path → status" of every request so far. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String line = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
      if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        requests.add(line + " -> " + failureStatus);
        ex.sendResponseHeaders(failureStatus, -1);
        return;
      }
      if (!expectedAuthorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        requests.add(line + " -> 401");
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"troupe-test\"");
        ex.sendResponseHeaders(401, -1);
        return;
      }
      int status = cgi(ex);
      requests.add(line + " -> " + status);
    }
  }

  /** Runs {@code git http-backend} for the exchange and relays its response. */
  private int cgi(HttpExchange ex) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("git", "http-backend");
    Map<String, String> env = pb.environment();
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_PROJECT_ROOT", projectRoot.toString());
    env.put("GIT_HTTP_EXPORT_ALL", "1");
    env.put("REQUEST_METHOD", ex.getRequestMethod());
    env.put("PATH_INFO", ex.getRequestURI().getRawPath().substring("/git".length()));
    env.put(
        "QUERY_STRING",
        ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery());
    env.put("REMOTE_USER", user);
    env.put("REMOTE_ADDR", "127.0.0.1");
    copyHeader(ex, env, "Content-Type", "CONTENT_TYPE");
    copyHeader(ex, env, "Content-Length", "CONTENT_LENGTH");
    copyHeader(ex, env, "Content-Encoding", "HTTP_CONTENT_ENCODING");
    copyHeader(ex, env, "Git-Protocol", "HTTP_GIT_PROTOCOL");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    Thread body =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (InputStream in = ex.getRequestBody();
                      OutputStream out = p.getOutputStream()) {
                    in.transferTo(out);
                  } catch (IOException e) {
                    // the backend stopped reading; its response says why
                  }
                });
    byte[] output = p.getInputStream().readAllBytes();
    try {
      p.waitFor(60, TimeUnit.SECONDS);
      body.join(Duration.ofSeconds(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int split = indexOf(output, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    int skip = 4;
    if (split < 0) {
      split = indexOf(output, "\n\n".getBytes(StandardCharsets.US_ASCII));
      skip = 2;
    }
    int status = 200;
    for (String header :
        new String(output, 0, Math.max(split, 0), StandardCharsets.ISO_8859_1).split("\r?\n")) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Status")) {
        status = Integer.parseInt(value.split(" ")[0]);
      } else {
        ex.getResponseHeaders().add(name, value);
      }
    }
    byte[] payload = split < 0 ? output : Arrays.copyOfRange(output, split + skip, output.length);
    ex.sendResponseHeaders(status, payload.length == 0 ? -1 : payload.length);
    if (payload.length > 0) {
      ex.getResponseBody().write(payload);
    }
    return status;
  }

  private static void copyHeader(
      HttpExchange ex, Map<String, String> env, String header, String var) {
    String v = ex.getRequestHeaders().getFirst(header);
    if (v != null) {
      env.put(var, v);
    }
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
