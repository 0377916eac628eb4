package dev.polder.connectors.echo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamFailure.Kind;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.api.Usage;
import dev.polder.connectors.stream.EventQueue;
import dev.polder.connectors.translate.EmbeddingEncoding;
import dev.polder.connectors.translate.EmbeddingInputs;
import dev.polder.connectors.translate.OpenAiShapes;
import dev.polder.connectors.translate.TokenEstimate;
import dev.polder.connectors.transport.CallContext;
import dev.polder.connectors.transport.ProtocolClient;
import dev.polder.connectors.transport.ResponseReader;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in {@code echo} backend: an in-process model that answers with exactly the messages it
 * received (pretty-printed JSON), so a new user sees what would leave the gateway. Chat and
 * completions (also streamed, with usage), deterministic embeddings, and a models list.
 */
public final class EchoClient implements ProtocolClient {

  /**
   * Default embedding size; {@code dimensions} in the request or option {@code echo.dimensions}.
   */
  public static final int DEFAULT_DIMENSIONS = 16;

  private final Vertx vertx;
  private final BackendSpec spec;

  public EchoClient(Vertx vertx, BackendSpec spec) {
    this.vertx = vertx;
    this.spec = spec;
  }

  private String model(UpstreamRequest request) {
    return spec.upstreamModel()
        .orElse(request.requestedModel().isEmpty() ? "echo" : request.requestedModel());
  }

  @Override
  public Future<UpstreamResponse> attempt(UpstreamRequest request, CallContext call) {
    try {
      return switch (request.endpoint()) {
        case EMBEDDINGS -> Future.succeededFuture(complete(embeddings(request), call));
        case CHAT_COMPLETIONS, COMPLETIONS -> generate(request, call);
      };
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(
          UpstreamFailure.of(
              Kind.INVALID_REQUEST, spec.name(), "invalid request: " + e.getMessage()));
    }
  }

  private Future<UpstreamResponse> generate(UpstreamRequest request, CallContext call) {
    Endpoint endpoint = request.endpoint();
    String prompt = promptText(request);
    String answer = prompt;
    Usage usage =
        new Usage(
            TokenEstimate.of(prompt),
            TokenEstimate.of(answer),
            TokenEstimate.of(prompt) + TokenEstimate.of(answer));
    String id =
        (endpoint == Endpoint.CHAT_COMPLETIONS ? "chatcmpl-echo-" : "cmpl-echo-")
            + UUID.randomUUID();
    long created = System.currentTimeMillis() / 1000;
    String model = model(request);
    if (!request.stream()) {
      return Future.succeededFuture(
          complete(
              OpenAiShapes.completion(endpoint, id, created, model, answer, "stop", usage), call));
    }
    EventQueue queue = new EventQueue(vertx.getOrCreateContext(), Integer.MAX_VALUE);
    List<String> pieces = pieces(answer);
    int events = 0;
    for (int i = 0; i < pieces.size(); i++) {
      queue.push(
          SseEvent.chunk(
              OpenAiShapes.chunk(endpoint, id, created, model, pieces.get(i), i == 0, null)));
      events++;
    }
    queue.push(
        SseEvent.chunk(OpenAiShapes.chunk(endpoint, id, created, model, null, false, "stop")));
    events++;
    if (request.callerWantsStreamUsage()) {
      queue.push(SseEvent.chunk(OpenAiShapes.usageChunk(endpoint, id, created, model, usage)));
      events++;
    }
    queue.push(SseEvent.DONE_EVENT);
    queue.end();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - call.callStartNanos());
    StreamResult result =
        new StreamResult(
            Optional.of(usage), Optional.of("stop"), elapsed, elapsed, events, Optional.empty());
    return Future.succeededFuture(
        new UpstreamResponse.Streaming(
            spec.name(),
            call.attempt(),
            200,
            jsonHeaders("text/event-stream"),
            queue,
            Future.succeededFuture(result),
            elapsed));
  }

  /** Chat: the messages as pretty JSON; completions: the prompt(s) as sent. */
  private static String promptText(UpstreamRequest request) {
    JsonNode body = request.body();
    if (request.endpoint() == Endpoint.CHAT_COMPLETIONS) {
      JsonNode messages = body.get("messages");
      if (messages == null || !messages.isArray()) {
        throw new IllegalArgumentException("messages is required and must be an array");
      }
      try {
        return ResponseReader.json().writerWithDefaultPrettyPrinter().writeValueAsString(messages);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("messages cannot be serialised: " + e.getMessage());
      }
    }
    JsonNode prompt = body.get("prompt");
    if (prompt == null || prompt.isNull()) {
      throw new IllegalArgumentException("prompt is required");
    }
    return prompt.isTextual() ? prompt.asText() : prompt.toString();
  }

  /** Splits the answer into line-sized stream pieces, so streaming is visibly chunked. */
  static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      pieces.add(text.substring(start, end));
      start = end;
    }
    if (pieces.isEmpty()) {
      pieces.add("");
    }
    return pieces;
  }

  private ObjectNode embeddings(UpstreamRequest request) {
    List<String> texts = EmbeddingInputs.texts(request.body());
    int dimensions =
        request
            .body()
            .path("dimensions")
            .asInt(
                Integer.parseInt(
                    spec.option("echo.dimensions", String.valueOf(DEFAULT_DIMENSIONS))));
    if (dimensions < 1 || dimensions > 8192) {
      throw new IllegalArgumentException("dimensions must be within 1..8192, was " + dimensions);
    }
    List<float[]> vectors = new ArrayList<>();
    long tokens = 0;
    for (String text : texts) {
      vectors.add(DeterministicVector.of(text, dimensions));
      tokens += TokenEstimate.of(text);
    }
    return EmbeddingEncoding.response(
        vectors, request.body().path("encoding_format").asText("float"), model(request), tokens);
  }

  private UpstreamResponse complete(ObjectNode json, CallContext call) {
    Buffer body = Buffer.buffer(json.toString());
    return new UpstreamResponse.Complete(
        spec.name(),
        call.attempt(),
        200,
        jsonHeaders("application/json"),
        body,
        json,
        Usage.from(json.get("usage")),
        Duration.ofNanos(System.nanoTime() - call.callStartNanos()));
  }

  private static MultiMap jsonHeaders(String contentType) {
    return MultiMap.caseInsensitiveMultiMap().add("content-type", contentType);
  }

  @Override
  public Future<ObjectNode> listModels() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("object", "list");
    ObjectNode model = root.putArray("data").addObject();
    model.put("id", spec.upstreamModel().orElse("echo"));
    model.put("object", "model");
    model.put("created", 0);
    model.put("owned_by", "polder");
    return Future.succeededFuture(root);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
