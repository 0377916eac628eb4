package dev.polder.connectors.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.ConnectorFactory;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.RetryPolicy;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.resilience.CircuitState;
import dev.polder.connectors.testing.Await;
import dev.polder.connectors.testing.Behaviours;
import dev.polder.connectors.testing.RecordedRequest;
import dev.polder.connectors.testing.ScriptableUpstream;
import dev.polder.connectors.testing.StreamCollector;
import dev.polder.connectors.testing.VllmLike;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;
  private ScriptableUpstream upstream;
  private ModelConnector connector;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    Await.result(vertx.close());
  }

  @BeforeEach
  void start() {
    upstream = ScriptableUpstream.start(vertx, new VllmLike());
    connector =
        new ConnectorFactory(vertx)
            .create(
                BackendSpec.builder("vllm-a", "vllm", upstream.baseUrl())
                    .apiKey("sk-secret")
                    .retry(RetryPolicy.NONE)
                    .build());
  }

  @AfterEach
  void stop() {
    Await.result(connector.close());
    upstream.close();
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static ObjectNode chat(boolean stream) {
    return json(
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"guided_json\":{\"type\":\"object\"},\"x_vendor\":[1,{\"deep\":true}],\"stream\":"
            + stream
            + "}");
  }

  @Test
  void unknownRequestFieldsReachTheBackendAndTheResponseIsTheBackendsBytes() {
    ObjectNode request = chat(false);
    UpstreamResponse response =
        Await.result(
            connector.send(
                new UpstreamRequest(
                    Endpoint.CHAT_COMPLETIONS,
                    request,
                    false,
                    Map.of("traceparent", "00-abc-def-01"))));

    RecordedRequest received = upstream.lastRequest();
    assertEquals("/v1/chat/completions", received.path());
    ObjectNode sent = received.json();
    assertEquals(request.get("guided_json"), sent.get("guided_json"));
    assertEquals(request.get("x_vendor"), sent.get("x_vendor"));
    assertEquals(request.get("messages"), sent.get("messages"));
    assertFalse(sent.has("stream_options"), "no stream options on a non-streaming call");
    assertEquals("Bearer sk-secret", received.header("authorization"));
    assertEquals("00-abc-def-01", received.header("traceparent"));
    assertEquals(chat(false), request, "the caller's body is not mutated");

    UpstreamResponse.Complete complete =
        assertInstanceOf(UpstreamResponse.Complete.class, response);
    assertEquals(200, complete.status());
    assertTrue(complete.json().has("kv_transfer_params"), "unknown response fields are kept");
    assertEquals("chatcmpl-vllm-1", complete.json().path("id").asText());
    assertEquals(11, complete.usage().orElseThrow().totalTokens());
    assertEquals(complete.json(), json(complete.body().toString()));
  }

  @Test
  void toolCallsAndFinishReasonKeepTheBackendsShape() {
    ObjectNode request = chat(false);
    request.putArray("tools").addObject().put("type", "function");
    UpstreamResponse.Complete complete =
        (UpstreamResponse.Complete)
            Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, request)));
    assertEquals("tool_calls", complete.json().at("/choices/0/finish_reason").asText());
    assertEquals(
        "get_weather",
        complete.json().at("/choices/0/message/tool_calls/0/function/name").asText());
  }

  @Test
  void upstreamModelReplacesTheRequestedModel() {
    ModelConnector pinned =
        new ConnectorFactory(vertx)
            .create(
                BackendSpec.builder("pinned", "vllm", upstream.baseUrl() + "/v1/")
                    .upstreamModel("llama-3")
                    .build());
    Await.result(pinned.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(false))));
    assertEquals("llama-3", upstream.lastRequest().json().path("model").asText());
    assertEquals(
        "/v1/chat/completions", upstream.lastRequest().path(), "a base URL ending in /v1 works");
    Await.result(pinned.close());
  }

  @Test
  void streamIsRelayedChunkByChunk() throws Exception {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    upstream.enqueue(
        Behaviours.sseGated(
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"first\"},\"finish_reason\":null}]}",
            gate,
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" second\"},\"finish_reason\":\"stop\"}]}",
            "[DONE]"));
    UpstreamResponse response =
        Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(true))));
    StreamCollector collector = StreamCollector.collect(response);

    // The upstream holds its second chunk until we saw the first one: no buffering to the end.
    SseEvent first = collector.awaitFirst();
    assertEquals("first", first.json().at("/choices/0/delta/content").asText());
    gate.complete(null);

    List<SseEvent> events = collector.awaitEnd();
    assertEquals("first second", StreamCollector.text(events));
    assertEquals(SseEvent.Kind.DONE, events.get(events.size() - 1).kind());
    StreamResult result = Await.result(((UpstreamResponse.Streaming) response).result());
    assertEquals("stop", result.finishReason().orElseThrow());
    assertTrue(result.succeeded());
  }

  @Test
  void streamUsageIsCapturedAndTheUsageChunkHiddenWhenTheCallerDidNotAskForIt() {
    UpstreamResponse response =
        Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(true))));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();

    assertTrue(
        upstream.lastRequest().json().at("/stream_options/include_usage").asBoolean(),
        "usage was requested upstream");
    assertEquals(String.join("", VllmLike.PIECES), StreamCollector.text(events));
    assertTrue(
        events.stream()
            .noneMatch(e -> e.kind() == SseEvent.Kind.CHUNK && e.json().path("choices").isEmpty()));
    StreamResult result = Await.result(((UpstreamResponse.Streaming) response).result());
    assertEquals(7, result.usage().orElseThrow().promptTokens());
    assertEquals(4, result.usage().orElseThrow().completionTokens());
  }

  @Test
  void streamUsageChunkIsRelayedWhenTheCallerAskedForIt() {
    ObjectNode request = chat(true);
    request.putObject("stream_options").put("include_usage", true);
    UpstreamResponse response =
        Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, request)));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    SseEvent usageChunk = events.get(events.size() - 2);
    assertEquals(11, usageChunk.json().at("/usage/total_tokens").asInt());
    // Pass-through events keep the backend's exact bytes.
    assertTrue(events.get(0).data().contains("\"created\":1700000000"));
  }

  @Test
  void failureAfterTheFirstByteEndsTheStreamWithAnErrorEvent() {
    upstream.enqueue(
        Behaviours.sseThenCloseConnection(
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"partial\"},\"finish_reason\":null}]}"));
    UpstreamResponse response =
        Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(true))));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();

    assertEquals(2, events.size());
    SseEvent error = events.get(1);
    assertEquals(SseEvent.Kind.ERROR, error.kind());
    assertEquals("connection_reset", error.json().at("/error/code").asText());
    assertTrue(error.toBuffer().toString().startsWith("data: {\"error\":{\"message\":"));
    StreamResult result = Await.result(((UpstreamResponse.Streaming) response).result());
    UpstreamFailure failure = result.error().orElseThrow();
    assertFalse(failure.beforeFirstByte());
    assertFalse(failure.failoverSafe());
    assertTrue(failure.countsAgainstCircuit());
  }

  @Test
  void cancellingAStreamAbortsTheUpstreamCallWithoutCountingAgainstTheCircuit() throws Exception {
    CompletableFuture<Void> upstreamClosed = new CompletableFuture<>();
    upstream.enqueue(
        exchange -> {
          exchange.request().connection().closeHandler(v -> upstreamClosed.complete(null));
          Behaviours.sseHead(exchange).write(Behaviours.event("{\"id\":\"c1\",\"choices\":[]}"));
        });
    UpstreamResponse.Streaming stream =
        (UpstreamResponse.Streaming)
            Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(true))));
    StreamCollector collector = StreamCollector.collect(stream);
    collector.awaitFirst();
    stream.events().cancel();

    collector.awaitEnd();
    StreamResult result = Await.result(stream.result());
    assertEquals(UpstreamFailure.Kind.CANCELLED, result.error().orElseThrow().kind());
    assertFalse(result.error().orElseThrow().countsAgainstCircuit());
    upstreamClosed.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(0, connector.circuitBreaker().snapshot().consecutiveFailures());
  }

  @Test
  void streamThatEndsWithoutDoneIsReportedAsTruncated() {
    upstream.enqueue(
        Behaviours.sse(
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}"));
    UpstreamResponse response =
        Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(true))));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    SseEvent last = events.get(events.size() - 1);
    assertEquals(SseEvent.Kind.ERROR, last.kind());
    assertEquals("invalid_response", last.json().at("/error/code").asText());
    assertTrue(last.json().at("/error/message").asText().contains("[DONE]"));
  }

  @Test
  void invalidJsonInTheStreamAfterTheFirstEventBecomesAnErrorEvent() {
    upstream.enqueue(Behaviours.sse("{\"id\":\"c1\",\"choices\":[]}", "{not json", "[DONE]"));
    UpstreamResponse response =
        Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(true))));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    assertEquals(
        "invalid_response", events.get(events.size() - 1).json().at("/error/code").asText());
  }

  @Test
  void garbageBeforeTheFirstByteIsA502InOpenAisErrorShape() {
    record Case(String name, boolean stream, dev.polder.connectors.testing.Behaviour behaviour) {}
    List<Case> cases =
        List.of(
            new Case(
                "invalid JSON", false, Behaviours.garbage("application/json", "{\"id\": oops")),
            new Case(
                "HTML instead of JSON",
                false,
                Behaviours.garbage("text/html", "<html>proxy error</html>")),
            new Case(
                "JSON instead of SSE",
                true,
                Behaviours.garbage("application/json", "{\"id\":\"x\"}")),
            new Case("half an event", true, Behaviours.sseRaw("data: {\"id\":")),
            new Case("invalid first event", true, Behaviours.sse("<<garbage>>")));
    for (Case c : cases) {
      upstream.enqueue(c.behaviour());
      UpstreamFailure failure =
          Await.failure(
              connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(c.stream()))),
              UpstreamFailure.class);
      assertEquals(UpstreamFailure.Kind.INVALID_RESPONSE, failure.kind(), c.name());
      assertEquals(502, failure.httpStatus(), c.name());
      assertTrue(failure.beforeFirstByte(), c.name());
      ObjectNode body = failure.toErrorBody();
      assertEquals("upstream_error", body.at("/error/type").asText(), c.name());
      assertEquals("invalid_response", body.at("/error/code").asText(), c.name());
      assertFalse(body.at("/error/message").asText().isEmpty(), c.name());
    }
  }

  @Test
  void backendFourHundredIsPassedThroughAndDoesNotCountAgainstTheCircuit() {
    upstream.enqueue(
        Behaviours.json(
            400,
            "{\"object\":\"error\",\"message\":\"max_tokens too large\",\"type\":\"BadRequestError\",\"code\":400}"));
    UpstreamResponse.Complete complete =
        (UpstreamResponse.Complete)
            Await.result(
                connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, chat(false))));
    assertEquals(400, complete.status());
    assertEquals("max_tokens too large", complete.json().path("message").asText());
    assertEquals(0, connector.circuitBreaker().snapshot().consecutiveFailures());
    assertEquals(CircuitState.CLOSED, connector.circuitBreaker().state());
  }

  @Test
  void completionsEmbeddingsAndModels() {
    UpstreamResponse.Complete completion =
        (UpstreamResponse.Complete)
            Await.result(
                connector.send(
                    UpstreamRequest.of(
                        Endpoint.COMPLETIONS,
                        json("{\"model\":\"m\",\"prompt\":\"say\",\"echo\":false}"))));
    assertEquals("/v1/completions", upstream.lastRequest().path());
    assertEquals("Hello from vLLM", completion.json().at("/choices/0/text").asText());

    UpstreamResponse.Complete embeddings =
        (UpstreamResponse.Complete)
            Await.result(
                connector.send(
                    UpstreamRequest.of(
                        Endpoint.EMBEDDINGS,
                        json(
                            "{\"model\":\"e\",\"input\":[\"a\",\"b\"],\"truncate_prompt_tokens\":8}"))));
    assertEquals(8, upstream.lastRequest().json().path("truncate_prompt_tokens").asInt());
    assertEquals(2, embeddings.json().path("data").size());

    ObjectNode models = Await.result(connector.listModels());
    assertEquals("served-model", models.at("/data/0/id").asText());
    assertEquals(8192, models.at("/data/0/max_model_len").asInt());
    assertEquals("GET", upstream.lastRequest().method());
  }

  @Test
  void providerWithoutEmbeddingsRefusesWithoutCallingTheBackend() {
    ModelConnector tgi =
        new ConnectorFactory(vertx)
            .create(BackendSpec.builder("tgi", "tgi", upstream.baseUrl()).build());
    int before = upstream.requests().size();
    UpstreamFailure failure =
        Await.failure(
            tgi.send(UpstreamRequest.of(Endpoint.EMBEDDINGS, json("{\"input\":\"x\"}"))),
            UpstreamFailure.class);
    assertEquals(UpstreamFailure.Kind.UNSUPPORTED_OPERATION, failure.kind());
    assertFalse(failure.failoverSafe());
    assertEquals(before, upstream.requests().size());
    Await.result(tgi.close());
  }
}
