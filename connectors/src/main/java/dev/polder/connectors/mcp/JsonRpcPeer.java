package dev.polder.connectors.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON-RPC bookkeeping of one connection to an upstream server: request ids, answers matched to
 * their request, progress routed to the request that asked for it, and a refusal for requests the
 * server sends us (sampling, elicitation, roots: the gateway offers none of them).
 */
final class JsonRpcPeer {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = Logger.getLogger(JsonRpcPeer.class.getName());

  private final String server;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, Consumer<JsonNode>> progress = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
  private final Consumer<JsonNode> reply;

  /**
   * @param reply sends a message of ours back to the server (answers to its requests)
   */
  JsonRpcPeer(String server, Consumer<JsonNode> reply) {
    this.server = server;
    this.reply = reply;
  }

  /** A new request message; the future completes with its result or its error. */
  Outgoing newRequest(String method, JsonNode params, Consumer<JsonNode> onProgress) {
    long id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id);
    message.put("method", method);
    ObjectNode p = params instanceof ObjectNode o ? o.deepCopy() : JSON.createObjectNode();
    String token = null;
    if (onProgress != null) {
      token = server + "-" + id;
      ObjectNode meta = p.get("_meta") instanceof ObjectNode m ? m : p.putObject("_meta");
      meta.put("progressToken", token);
      progress.put(token, onProgress);
    }
    message.set("params", p);
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    String key = Long.toString(id);
    pending.put(key, answer);
    String progressToken = token;
    answer.whenComplete(
        (r, e) -> {
          pending.remove(key);
          if (progressToken != null) {
            progress.remove(progressToken);
          }
        });
    return new Outgoing(key, message, answer);
  }

  record Outgoing(String id, ObjectNode message, CompletableFuture<JsonNode> answer) {}

  static ObjectNode notification(String method, JsonNode params) {
    ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
    if (params != null) {
      message.set("params", params);
    }
    return message;
  }

  void onNotification(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  /** Handles one message (or batch) that the server sent; throws nothing for bad input. */
  void receive(JsonNode message) {
    if (message == null) {
      return;
    }
    if (message.isArray()) {
      message.forEach(this::receive);
      return;
    }
    if (!message.isObject()) {
      LOG.fine(() -> server + ": ignored a JSON-RPC message that is not an object");
      return;
    }
    JsonNode id = message.get("id");
    JsonNode method = message.get("method");
    if (method != null && method.isTextual()) {
      if (id == null || id.isNull()) {
        notificationFromServer(method.asText(), message);
      } else {
        requestFromServer(method.asText(), id);
      }
      return;
    }
    if (id == null) {
      LOG.fine(() -> server + ": ignored a message with neither method nor id");
      return;
    }
    CompletableFuture<JsonNode> answer = pending.get(id.asText());
    if (answer == null) {
      LOG.fine(() -> server + ": answer for unknown or expired request " + id);
      return;
    }
    JsonNode error = message.get("error");
    if (error != null && error.isObject()) {
      answer.completeExceptionally(
          new McpUpstreamException(
              McpUpstreamException.Kind.ERROR,
              error.path("code").asInt(-32603),
              error.path("message").asText("error without a message"),
              error.get("data")));
    } else if (message.has("result")) {
      answer.complete(message.get("result"));
    } else {
      answer.completeExceptionally(
          new McpUpstreamException(
              McpUpstreamException.Kind.PROTOCOL, "answer with neither result nor error"));
    }
  }

  private void notificationFromServer(String method, JsonNode message) {
    if ("notifications/progress".equals(method)) {
      Consumer<JsonNode> target =
          progress.get(message.path("params").path("progressToken").asText());
      if (target != null) {
        deliver(target, message);
      }
      return;
    }
    for (Consumer<JsonNode> listener : listeners) {
      deliver(listener, message);
    }
  }

  private void deliver(Consumer<JsonNode> target, JsonNode message) {
    try {
      target.accept(message);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, server + ": notification listener failed", e);
    }
  }

  private void requestFromServer(String method, JsonNode id) {
    ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
    answer.set("id", id);
    if ("ping".equals(method)) {
      answer.putObject("result");
    } else {
      answer
          .putObject("error")
          .put("code", -32601)
          .put("message", "The Polder gateway does not offer " + method + " to MCP servers");
    }
    try {
      reply.accept(answer);
    } catch (RuntimeException e) {
      LOG.fine(() -> server + ": could not answer the server's " + method + ": " + e);
    }
  }

  /** Every waiting request fails with this (the connection is gone). */
  void failAll(McpUpstreamException failure) {
    for (CompletableFuture<JsonNode> answer : pending.values()) {
      answer.completeExceptionally(failure);
    }
  }

  int waiting() {
    return pending.size();
  }
}
