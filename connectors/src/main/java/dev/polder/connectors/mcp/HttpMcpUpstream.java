package dev.polder.connectors.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An MCP server over Streamable HTTP: every message is a POST; the answer comes back as JSON or as
 * an SSE stream that may carry progress first. Keeps the server's {@code Mcp-Session-Id} and sends
 * the negotiated {@code MCP-Protocol-Version}; a session the server forgot (404) is set up again
 * once. Bodies are read with a size limit and a deadline.
 */
final class HttpMcpUpstream implements McpUpstream {
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mcp-http-deadlines");
            t.setDaemon(true);
            return t;
          });

  private final McpServerSpec spec;
  private final HttpClient http;
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
  private final JsonRpcPeer peer;
  private volatile Session session;
  private int sessions;
  private boolean closed;

  private record Session(String id, String version, JsonNode initializeResult) {}

  HttpMcpUpstream(McpServerSpec spec) {
    this.spec = spec;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(spec.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.peer = new JsonRpcPeer(spec.name(), this::answerServer);
    this.peer.onNotification(n -> listeners.forEach(l -> l.accept(n)));
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public JsonNode request(
      String method, JsonNode params, Duration timeout, Consumer<JsonNode> progress)
      throws McpUpstreamException {
    Session s = session();
    try {
      return exchange(s, method, params, timeout, progress);
    } catch (SessionExpired e) {
      synchronized (this) {
        if (session == s) {
          session = null;
        }
      }
      try {
        return exchange(session(), method, params, timeout, progress);
      } catch (SessionExpired again) {
        throw new McpUpstreamException(
            McpUpstreamException.Kind.PROTOCOL,
            "MCP server " + spec.name() + " forgot a session it had just created");
      }
    }
  }

  @Override
  public JsonNode initializeResult() throws McpUpstreamException {
    return session().initializeResult();
  }

  @Override
  public void onNotification(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized int reconnects() {
    return Math.max(0, sessions - 1);
  }

  private synchronized Session session() throws McpUpstreamException {
    if (closed) {
      throw new McpUpstreamException(McpUpstreamException.Kind.UNAVAILABLE, "upstream closed");
    }
    if (session != null) {
      return session;
    }
    ObjectNode params = JsonRpcPeer.JSON.createObjectNode();
    params.put("protocolVersion", McpProtocol.LATEST);
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "polder-gateway").put("version", "1");
    Session initial = new Session(null, null, null);
    Holder holder = new Holder();
    JsonNode result;
    try {
      result = post(initial, "initialize", params, spec.connectTimeout(), null, holder);
    } catch (SessionExpired e) {
      throw new McpUpstreamException(
          McpUpstreamException.Kind.PROTOCOL, "server answered initialize with 404");
    }
    String version = result.path("protocolVersion").asText();
    if (!McpProtocol.supported(version)) {
      throw new McpUpstreamException(
          McpUpstreamException.Kind.PROTOCOL,
          "server speaks MCP revision '" + version + "', which the gateway does not");
    }
    Session fresh = new Session(holder.sessionId, version, result);
    send(fresh, JsonRpcPeer.notification("notifications/initialized", null));
    sessions++;
    session = fresh;
    return fresh;
  }

  private static final class Holder {
    String sessionId;
  }

  private static final class SessionExpired extends Exception {
    SessionExpired() {
      super(null, null, false, false);
    }
  }

  private JsonNode exchange(
      Session s, String method, JsonNode params, Duration timeout, Consumer<JsonNode> progress)
      throws McpUpstreamException, SessionExpired {
    return post(s, method, params, timeout, progress, new Holder());
  }

  private JsonNode post(
      Session s,
      String method,
      JsonNode params,
      Duration timeout,
      Consumer<JsonNode> progress,
      Holder holder)
      throws McpUpstreamException, SessionExpired {
    JsonRpcPeer.Outgoing out = peer.newRequest(method, params, progress);
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<InputStream> response;
    try {
      response =
          http.send(
              requestFor(s, out.message()).timeout(timeout).build(),
              HttpResponse.BodyHandlers.ofInputStream());
    } catch (java.net.http.HttpTimeoutException e) {
      out.answer().cancel(false);
      throw new McpUpstreamException(
          McpUpstreamException.Kind.TIMEOUT,
          "MCP server " + spec.name() + " did not answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      out.answer().cancel(false);
      throw new McpUpstreamException(
          McpUpstreamException.Kind.UNAVAILABLE,
          "MCP server " + spec.name() + " is unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.answer().cancel(false);
      throw new McpUpstreamException(McpUpstreamException.Kind.UNAVAILABLE, "interrupted");
    }
    holder.sessionId = response.headers().firstValue(McpProtocol.SESSION_HEADER).orElse(null);
    long left = Math.max(1, deadline - System.nanoTime());
    ScheduledFuture<?> stop =
        DEADLINES.schedule(() -> closeQuietly(response.body()), left, TimeUnit.NANOSECONDS);
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 404 && s.id() != null) {
        out.answer().cancel(false);
        throw new SessionExpired();
      }
      if (status / 100 != 2) {
        out.answer().cancel(false);
        String text = new String(BoundedRead.all(body, 512, true));
        throw new McpUpstreamException(
            status >= 500 || status == 429
                ? McpUpstreamException.Kind.UNAVAILABLE
                : McpUpstreamException.Kind.PROTOCOL,
            "MCP server " + spec.name() + " answered HTTP " + status + ": " + text.strip());
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.startsWith("text/event-stream")) {
        new McpSseReader(body, spec.maxMessageBytes())
            .forEach(
                data -> {
                  peer.receive(JsonRpcPeer.JSON.readTree(data));
                  return out.answer().isDone();
                });
      } else {
        peer.receive(
            JsonRpcPeer.JSON.readTree(BoundedRead.all(body, spec.maxMessageBytes(), false)));
      }
    } catch (BoundedRead.TooLarge e) {
      out.answer().cancel(false);
      throw new McpUpstreamException(
          McpUpstreamException.Kind.TOO_LARGE,
          "MCP server "
              + spec.name()
              + " sent a message over the limit of "
              + spec.maxMessageBytes()
              + " bytes");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      out.answer().cancel(false);
      throw new McpUpstreamException(
          McpUpstreamException.Kind.PROTOCOL,
          "MCP server " + spec.name() + " sent something that is not JSON");
    } catch (IOException e) {
      if (!out.answer().isDone()) {
        out.answer().cancel(false);
        boolean late = System.nanoTime() >= deadline;
        throw new McpUpstreamException(
            late ? McpUpstreamException.Kind.TIMEOUT : McpUpstreamException.Kind.UNAVAILABLE,
            late
                ? "MCP server "
                    + spec.name()
                    + " did not answer within "
                    + timeout.toMillis()
                    + " ms"
                : "MCP server " + spec.name() + " broke off: " + e.getMessage());
      }
    } finally {
      stop.cancel(false);
    }
    if (!out.answer().isDone()) {
      out.answer().cancel(false);
      throw new McpUpstreamException(
          McpUpstreamException.Kind.PROTOCOL,
          "MCP server " + spec.name() + " ended its answer without a result for " + method);
    }
    return Await.answer(out, Duration.ofMillis(1), spec.name(), m -> {});
  }

  private HttpRequest.Builder requestFor(Session s, JsonNode message) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(spec.url().orElseThrow())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream");
    spec.headers().forEach(builder::header);
    if (s.id() != null) {
      builder.header(McpProtocol.SESSION_HEADER, s.id());
    }
    if (s.version() != null) {
      builder.header(McpProtocol.VERSION_HEADER, s.version());
    }
    try {
      return builder.POST(
          HttpRequest.BodyPublishers.ofByteArray(JsonRpcPeer.JSON.writeValueAsBytes(message)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A notification or an answer of ours: fire and forget (202 expected). */
  private void send(Session s, JsonNode message) {
    try {
      http.send(
          requestFor(s, message).timeout(spec.callTimeout()).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // A lost notification is not worth failing the call for.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void answerServer(JsonNode message) {
    Session s = session;
    if (s != null) {
      send(s, message);
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Closing only to stop a read at its deadline.
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    Session s = session;
    session = null;
    if (s != null && s.id() != null) {
      try {
        HttpRequest.Builder delete =
            HttpRequest.newBuilder(spec.url().orElseThrow())
                .timeout(Duration.ofSeconds(2))
                .header(McpProtocol.SESSION_HEADER, s.id())
                .DELETE();
        http.send(delete.build(), HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        // The server may be gone already.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
