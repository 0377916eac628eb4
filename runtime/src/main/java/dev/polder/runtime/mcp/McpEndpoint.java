package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.mcp.McpProtocol;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.identity.Authenticator;
import dev.polder.runtime.identity.Principal;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * {@code /mcp}: the Model Context Protocol over Streamable HTTP. POST carries one JSON-RPC message
 * (answered as JSON, or as an SSE stream when the caller accepts one and asked for progress); GET
 * opens the session's stream of server notifications; DELETE ends the session. Authenticated with
 * the gateway's API keys; sessions are bound to the key's principal.
 */
@ApplicationScoped
public class McpEndpoint {
  private static final Logger LOG = Logger.getLogger(McpEndpoint.class);
  static final String PATH = "/mcp";

  private final GatewayConfig config;
  private final Authenticator keys;
  private final McpSessions sessions;
  private final McpMethods methods;
  private final Vertx vertx;

  @Inject
  McpEndpoint(
      GatewayConfig config,
      McpSessions sessions,
      McpMethods methods,
      McpRegistry registry,
      Authenticator keys,
      Vertx vertx) {
    this.config = config;
    // The same credentials as the rest of the API: configured and created keys, OIDC tokens,
    // revocations.
    this.keys = keys;
    this.sessions = sessions;
    this.methods = methods;
    this.vertx = vertx;
    registry.onNotification(this::relayListChanged);
  }

  void routes(@Observes Router router) {
    if (!config.mcp().enabled()) {
      return;
    }
    BodyHandler body = BodyHandler.create(false).setBodyLimit(config.limits().maxBodyBytes());
    router.post(PATH).handler(body).handler(this::post);
    router.get(PATH).handler(this::get);
    router.delete(PATH).handler(this::delete);
  }

  private Optional<Principal> authenticate(RoutingContext ctx) {
    try {
      return Optional.of(keys.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)));
    } catch (GatewayException e) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
      json(
          ctx.response(),
          e.status(),
          McpError.response(null, McpError.INVALID_REQUEST, e.getMessage(), null));
      return Optional.empty();
    }
  }

  private void post(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    Optional<Principal> principal = authenticate(ctx);
    if (principal.isEmpty()) {
      return;
    }
    String version = ctx.request().getHeader(McpProtocol.VERSION_HEADER);
    if (version != null && !McpProtocol.supported(version)) {
      json(
          response,
          400,
          McpError.response(
              null,
              McpError.INVALID_REQUEST,
              "Unsupported MCP-Protocol-Version '"
                  + version
                  + "'; supported: "
                  + McpProtocol.VERSIONS,
              null));
      return;
    }
    JsonNode message;
    try {
      message =
          ctx.body() == null || ctx.body().buffer() == null
              ? null
              : ToolSchemas.JSON.readTree(ctx.body().buffer().getBytes());
    } catch (IOException e) {
      json(
          response,
          400,
          McpError.response(null, McpError.PARSE, "Parse error: the body is not JSON", null));
      return;
    }
    if (message == null || !message.isObject()) {
      String why =
          message != null && message.isArray()
              ? "JSON-RPC batches are not supported; send one message per request"
              : "Invalid request: expected one JSON-RPC message (an object)";
      json(response, 400, McpError.response(null, McpError.INVALID_REQUEST, why, null));
      return;
    }
    JsonNode id = message.get("id");
    String method = message.path("method").isTextual() ? message.get("method").asText() : null;
    if (!"2.0".equals(message.path("jsonrpc").asText()) || (method == null && id == null)) {
      json(
          response,
          400,
          McpError.response(
              id, McpError.INVALID_REQUEST, "Invalid request: not a JSON-RPC 2.0 message", null));
      return;
    }
    if ("initialize".equals(method)) {
      initialize(response, principal.get(), id, message.get("params"));
      return;
    }
    String sessionId = ctx.request().getHeader(McpProtocol.SESSION_HEADER);
    if (sessionId == null) {
      json(
          response,
          400,
          McpError.response(
              id,
              McpError.SESSION,
              "Missing " + McpProtocol.SESSION_HEADER + " header: send initialize first",
              null));
      return;
    }
    Optional<McpSessions.Session> session = sessions.find(sessionId, principal.get().id());
    if (session.isEmpty()) {
      json(
          response,
          404,
          McpError.response(
              id, McpError.SESSION, "Session not found or expired: send initialize again", null));
      return;
    }
    if (method == null || id == null || id.isNull()) {
      // A notification (initialized, cancelled) or an answer to us: accepted, nothing to say.
      response.setStatusCode(202).end();
      return;
    }
    McpCaller caller = new McpCaller(principal.get(), remote(ctx), sessionId);
    String requestId = UUID.randomUUID().toString();
    boolean stream =
        "tools/call".equals(method)
            && message.path("params").path("_meta").has("progressToken")
            && accepts(ctx, "text/event-stream");
    Sse sse = stream ? new Sse(response) : null;
    vertx
        .executeBlocking(
            () ->
                answer(
                    caller,
                    requestId,
                    id,
                    method,
                    message.get("params"),
                    sse == null ? null : sse::send),
            false)
        .onComplete(
            done -> {
              ObjectNode answer =
                  done.succeeded()
                      ? done.result()
                      : McpError.response(id, McpError.INTERNAL, "Internal error", null);
              if (sse != null) {
                sse.send(answer);
                sse.end();
              } else {
                json(response, 200, answer);
              }
            });
  }

  private ObjectNode answer(
      McpCaller caller,
      String requestId,
      JsonNode id,
      String method,
      JsonNode params,
      Consumer<JsonNode> notify) {
    try {
      JsonNode result = methods.answer(caller, requestId, method, params, notify);
      ObjectNode out = ToolSchemas.JSON.createObjectNode().put("jsonrpc", "2.0");
      out.set("id", id);
      out.set("result", result);
      return out;
    } catch (McpError e) {
      return e.toResponse(id);
    } catch (RuntimeException e) {
      LOG.errorf(e, "MCP %s failed", method);
      return McpError.response(
          id, McpError.INTERNAL, "Internal error while handling " + method, null);
    }
  }

  private void initialize(
      HttpServerResponse response, Principal principal, JsonNode id, JsonNode params) {
    String version = McpMethods.negotiate(params);
    Optional<McpSessions.Session> session = sessions.create(principal.id(), version);
    if (session.isEmpty()) {
      json(
          response,
          503,
          McpError.response(
              id,
              McpError.SESSION,
              "Too many MCP sessions on this gateway node; retry later",
              null));
      return;
    }
    ObjectNode out = ToolSchemas.JSON.createObjectNode().put("jsonrpc", "2.0");
    out.set("id", id);
    out.set("result", McpMethods.initializeResult(version));
    response.putHeader(McpProtocol.SESSION_HEADER, session.get().id);
    json(response, 200, out);
  }

  private void get(RoutingContext ctx) {
    Optional<Principal> principal = authenticate(ctx);
    if (principal.isEmpty()) {
      return;
    }
    if (!accepts(ctx, "text/event-stream")) {
      json(
          ctx.response(),
          405,
          McpError.response(
              null,
              McpError.INVALID_REQUEST,
              "GET /mcp opens a text/event-stream of server notifications",
              null));
      return;
    }
    Optional<McpSessions.Session> session =
        sessions.find(ctx.request().getHeader(McpProtocol.SESSION_HEADER), principal.get().id());
    if (session.isEmpty()) {
      json(
          ctx.response(),
          404,
          McpError.response(null, McpError.SESSION, "Session not found or expired", null));
      return;
    }
    HttpServerResponse response = ctx.response();
    response
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.write(": polder mcp notifications\n\n");
    McpSessions.Session s = session.get();
    HttpServerResponse previous = s.stream;
    s.stream = response;
    if (previous != null && !previous.ended()) {
      previous.end();
    }
    response.closeHandler(
        v -> {
          if (s.stream == response) {
            s.stream = null;
            s.lastUsed = System.nanoTime();
          }
        });
  }

  private void delete(RoutingContext ctx) {
    Optional<Principal> principal = authenticate(ctx);
    if (principal.isEmpty()) {
      return;
    }
    String id = ctx.request().getHeader(McpProtocol.SESSION_HEADER);
    if (sessions.find(id, principal.get().id()).isEmpty()) {
      json(
          ctx.response(),
          404,
          McpError.response(null, McpError.SESSION, "Session not found or expired", null));
      return;
    }
    sessions.remove(id);
    ctx.response().setStatusCode(200).end();
  }

  /** An upstream's tool list changed: every open notification stream hears of it. */
  private void relayListChanged(JsonNode notification) {
    String method = notification.path("method").asText();
    if (!method.endsWith("/list_changed")) {
      return;
    }
    ObjectNode out =
        ToolSchemas.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    String event = "event: message\ndata: " + out + "\n\n";
    for (McpSessions.Session session : sessions.all()) {
      HttpServerResponse stream = session.stream;
      if (stream != null && !stream.ended()) {
        vertx.runOnContext(
            v -> {
              if (!stream.ended()) {
                stream.write(event);
              }
            });
      }
    }
  }

  private static boolean accepts(RoutingContext ctx, String type) {
    String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains(type);
  }

  private static String remote(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress();
  }

  private static void json(HttpServerResponse response, int status, JsonNode body) {
    if (response.ended()) {
      return;
    }
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.toString());
  }

  /** One answer as a Server-Sent Events stream: progress first, the response last. */
  private static final class Sse {
    private final HttpServerResponse response;

    Sse(HttpServerResponse response) {
      this.response = response;
    }

    synchronized void send(JsonNode message) {
      if (response.ended() || response.closed()) {
        return;
      }
      if (!response.headWritten()) {
        response
            .setStatusCode(200)
            .setChunked(true)
            .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
      }
      response.write("event: message\ndata: " + message + "\n\n");
    }

    synchronized void end() {
      if (!response.ended() && !response.closed()) {
        response.end();
      }
    }
  }
}
