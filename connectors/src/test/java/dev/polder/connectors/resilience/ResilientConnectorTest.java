package dev.polder.connectors.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.ConnectorFactory;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.CircuitBreakerSettings;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.RetryPolicy;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.Timeouts;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamFailure.Kind;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.testing.Await;
import dev.polder.connectors.testing.Behaviours;
import dev.polder.connectors.testing.ScriptableUpstream;
import dev.polder.connectors.testing.StreamCollector;
import dev.polder.connectors.testing.VllmLike;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResilientConnectorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  // Generous for a loaded 2-core machine; the stall tests wait for them.
  private static final Timeouts FAST =
      new Timeouts(
          Duration.ofMillis(800),
          Duration.ofMillis(800),
          Duration.ofMillis(500),
          Duration.ofSeconds(5));
  private static final RetryPolicy QUICK_RETRIES =
      new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(1500), 2.0, 0.2);
  private static Vertx vertx;
  private ScriptableUpstream upstream;
  private final List<ModelConnector> connectors = new ArrayList<>();

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
  }

  @AfterEach
  void stop() {
    connectors.forEach(c -> Await.result(c.close()));
    upstream.close();
  }

  private ModelConnector connector(
      String url, Timeouts timeouts, RetryPolicy retry, CircuitBreakerSettings circuit) {
    ModelConnector connector =
        new ConnectorFactory(vertx)
            .create(
                BackendSpec.builder("b1", "vllm", url)
                    .timeouts(timeouts)
                    .retry(retry)
                    .circuitBreaker(circuit)
                    .build());
    connectors.add(connector);
    return connector;
  }

  private ModelConnector connector(Timeouts timeouts, RetryPolicy retry) {
    return connector(upstream.baseUrl(), timeouts, retry, CircuitBreakerSettings.DEFAULTS);
  }

  private static UpstreamRequest chat(boolean stream) {
    try {
      ObjectNode body =
          (ObjectNode)
              JSON.readTree(
                  "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
      body.put("stream", stream);
      return UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void serverErrorsAreRetriedUntilTheBackendAnswers() {
    upstream.enqueue(Behaviours.error(503, "loading"), Behaviours.error(500, "boom"));
    UpstreamResponse response = Await.result(connector(FAST, QUICK_RETRIES).send(chat(false)));
    assertEquals(3, response.attempts());
    assertEquals(3, upstream.requests().size());
  }

  @Test
  void resetsBeforeTheFirstByteAreRetriedAlsoForStreams() {
    upstream.enqueue(Behaviours.reset());
    UpstreamResponse response = Await.result(connector(FAST, QUICK_RETRIES).send(chat(true)));
    assertEquals(2, response.attempts());
    assertEquals(
        String.join("", VllmLike.PIECES),
        StreamCollector.text(StreamCollector.collect(response).awaitEnd()));
  }

  @Test
  void noRetryOnceTheFirstByteWasRelayed() {
    upstream.enqueue(
        Behaviours.sseThenCloseConnection(
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}"));
    UpstreamResponse response = Await.result(connector(FAST, QUICK_RETRIES).send(chat(true)));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    assertEquals(SseEvent.Kind.ERROR, events.get(events.size() - 1).kind());
    assertEquals(
        1, upstream.requests().size(), "a stream that already reached the caller is not retried");
  }

  @Test
  void retryAfterHttpDateIsRespected() {
    String inTwoSeconds =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
    upstream.enqueue(Behaviours.retryAfter(503, inTwoSeconds));
    long start = System.nanoTime();
    UpstreamResponse response = Await.result(connector(FAST, QUICK_RETRIES).send(chat(false)));
    assertEquals(2, response.attempts());
    // HTTP dates have whole seconds: the wait is between one and two seconds.
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 900);
  }

  @Test
  void retryAfterSecondsIsRespected() {
    upstream.enqueue(Behaviours.retryAfter(429, "1"));
    long start = System.nanoTime();
    UpstreamResponse response = Await.result(connector(FAST, QUICK_RETRIES).send(chat(false)));
    long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertEquals(2, response.attempts());
    assertTrue(waitedMillis >= 950, "waited " + waitedMillis + " ms for Retry-After: 1");
  }

  @Test
  void retryAfterIsCappedAtMaxBackoff() {
    upstream.enqueue(Behaviours.retryAfter(503, "3600"));
    RetryPolicy capped =
        new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(100), 2.0, 0.0);
    long start = System.nanoTime();
    Await.result(connector(FAST, capped).send(chat(false)));
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1500);
  }

  @Test
  void exhaustedRetriesReportTheLastFailure() {
    upstream.fallback(Behaviours.error(500, "still broken"));
    UpstreamFailure failure =
        Await.failure(connector(FAST, QUICK_RETRIES).send(chat(false)), UpstreamFailure.class);
    assertEquals(Kind.UPSTREAM_SERVER_ERROR, failure.kind());
    assertEquals(502, failure.httpStatus());
    assertEquals(500, failure.upstreamStatus().orElseThrow());
    assertTrue(failure.getMessage().contains("still broken"));
    assertTrue(failure.failoverSafe());
    assertEquals(3, upstream.requests().size());
  }

  @Test
  void rateLimitAfterRetriesIsA429ThatDoesNotOpenTheCircuit() {
    upstream.fallback(Behaviours.retryAfter(429, "0"));
    ModelConnector connector =
        connector(
            upstream.baseUrl(),
            FAST,
            QUICK_RETRIES,
            new CircuitBreakerSettings(1, 1.0, 5, 1, Duration.ofSeconds(30)));
    UpstreamFailure failure = Await.failure(connector.send(chat(false)), UpstreamFailure.class);
    assertEquals(429, failure.httpStatus());
    assertFalse(failure.countsAgainstCircuit());
    assertEquals(CircuitState.CLOSED, connector.circuitBreaker().state());
  }

  @Test
  void connectionRefusedIsAConnectFailure() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    UpstreamFailure failure =
        Await.failure(
            connector(
                    "http://127.0.0.1:" + closedPort,
                    FAST,
                    QUICK_RETRIES,
                    CircuitBreakerSettings.DEFAULTS)
                .send(chat(false)),
            UpstreamFailure.class);
    assertEquals(Kind.CONNECT_FAILED, failure.kind());
    assertEquals(502, failure.httpStatus());
    assertTrue(failure.failoverSafe());
  }

  @Test
  void connectTimeoutWhenTheBackendNeverAccepts() throws Exception {
    // A listening socket whose backlog is full: further SYNs are dropped, the connect hangs.
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<Socket> fillers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(new InetSocketAddress("127.0.0.1", socket.getLocalPort()), 200);
          fillers.add(filler);
        } catch (java.io.IOException full) {
          filler.close();
          break;
        }
      }
      try {
        UpstreamFailure failure =
            Await.failure(
                connector(
                        "http://127.0.0.1:" + socket.getLocalPort(),
                        FAST,
                        RetryPolicy.NONE,
                        CircuitBreakerSettings.DEFAULTS)
                    .send(chat(false)),
                UpstreamFailure.class);
        assertEquals(Kind.CONNECT_TIMEOUT, failure.kind(), failure.toString());
        assertEquals(504, failure.httpStatus());
      } finally {
        for (Socket filler : fillers) {
          filler.close();
        }
      }
    }
  }

  @Test
  void firstByteTimeoutWhenTheBackendNeverAnswers() {
    upstream.enqueue(Behaviours.stall());
    UpstreamFailure failure =
        Await.failure(connector(FAST, RetryPolicy.NONE).send(chat(false)), UpstreamFailure.class);
    assertEquals(Kind.FIRST_BYTE_TIMEOUT, failure.kind());
    assertEquals(504, failure.httpStatus());
    assertEquals("timeout_error", failure.toErrorBody().at("/error/type").asText());
    assertTrue(failure.failoverSafe());
  }

  @Test
  void firstByteTimeoutCoversTheFirstStreamEvent() {
    upstream.enqueue(Behaviours.stallAfterHead());
    UpstreamFailure failure =
        Await.failure(connector(FAST, RetryPolicy.NONE).send(chat(true)), UpstreamFailure.class);
    assertEquals(Kind.FIRST_BYTE_TIMEOUT, failure.kind());
    assertTrue(failure.beforeFirstByte());
  }

  @Test
  void idleTimeoutMidStreamEndsTheStreamWithAnErrorEvent() {
    upstream.enqueue(
        Behaviours.sseThenStall(
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}"));
    UpstreamResponse response = Await.result(connector(FAST, RetryPolicy.NONE).send(chat(true)));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    assertEquals("idle_timeout", events.get(events.size() - 1).json().at("/error/code").asText());
    StreamResult result = Await.result(((UpstreamResponse.Streaming) response).result());
    assertFalse(result.error().orElseThrow().beforeFirstByte());
  }

  @Test
  void totalTimeoutEndsASlowStream() {
    String chunk = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}]}";
    String[] many = new String[60];
    java.util.Arrays.fill(many, chunk);
    Timeouts shortTotal =
        new Timeouts(
            Duration.ofMillis(1500),
            Duration.ofMillis(1500),
            Duration.ofMillis(1000),
            Duration.ofMillis(2500));
    ModelConnector connector = connector(shortTotal, RetryPolicy.NONE);
    Await.result(
        connector.send(chat(false))); // warm connection, so the deadline is spent streaming
    upstream.enqueue(Behaviours.sseSlow(Duration.ofMillis(100), many));
    UpstreamResponse response = Await.result(connector.send(chat(true)));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    assertEquals("total_timeout", events.get(events.size() - 1).json().at("/error/code").asText());
    assertTrue(events.size() < 60, "stream was cut by the deadline: " + events.size());
  }

  @Test
  void cancellingAPendingCallAbortsItWithoutRetryOrCircuitFailure() throws Exception {
    java.util.concurrent.CompletableFuture<Void> upstreamClosed =
        new java.util.concurrent.CompletableFuture<>();
    upstream.enqueue(
        exchange ->
            exchange.request().connection().closeHandler(v -> upstreamClosed.complete(null)));
    ModelConnector connector =
        connector(
            upstream.baseUrl(),
            FAST,
            QUICK_RETRIES,
            new CircuitBreakerSettings(1, 1.0, 10, 1, Duration.ofSeconds(30)));
    io.vertx.core.Promise<Void> cancel = io.vertx.core.Promise.promise();
    io.vertx.core.Future<UpstreamResponse> call = connector.send(chat(false), cancel.future());
    Thread.sleep(300);
    vertx.runOnContext(v -> cancel.complete());

    UpstreamFailure failure = Await.failure(call, UpstreamFailure.class);
    assertEquals(Kind.CANCELLED, failure.kind());
    assertFalse(failure.failoverSafe());
    assertFalse(failure.countsAgainstCircuit());
    upstreamClosed.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(1, upstream.requests().size(), "no retry after a cancel");
    assertEquals(CircuitState.CLOSED, connector.circuitBreaker().state());
  }

  @Test
  void slowButTimelyAnswerSucceeds() {
    upstream.enqueue(Behaviours.slow(Duration.ofMillis(200), new VllmLike()));
    UpstreamResponse response = Await.result(connector(FAST, RetryPolicy.NONE).send(chat(false)));
    assertEquals(1, response.attempts());
  }

  @Test
  void circuitOpensAfterConsecutiveFailuresAndRecoversThroughOneProbe() throws Exception {
    upstream.fallback(Behaviours.error(500, "down"));
    ModelConnector connector =
        connector(
            upstream.baseUrl(),
            FAST,
            RetryPolicy.NONE,
            new CircuitBreakerSettings(2, 1.0, 10, 1, Duration.ofMillis(300)));
    List<String> transitions = new CopyOnWriteArrayList<>();
    connector
        .circuitBreaker()
        .addListener((backend, from, to) -> transitions.add(from + "->" + to));

    Await.failure(connector.send(chat(false)), UpstreamFailure.class);
    assertEquals(CircuitState.CLOSED, connector.circuitBreaker().state());
    Await.failure(connector.send(chat(false)), UpstreamFailure.class);
    assertEquals(CircuitState.OPEN, connector.circuitBreaker().state());

    UpstreamFailure refused = Await.failure(connector.send(chat(false)), UpstreamFailure.class);
    assertEquals(Kind.CIRCUIT_OPEN, refused.kind());
    assertEquals(503, refused.httpStatus());
    assertTrue(refused.failoverSafe());
    assertEquals(2, upstream.requests().size(), "an open circuit does not call the backend");

    Thread.sleep(350);
    assertEquals(CircuitState.HALF_OPEN, connector.circuitBreaker().state());
    upstream.fallback(new VllmLike());
    Await.result(connector.send(chat(false)));
    assertEquals(CircuitState.CLOSED, connector.circuitBreaker().state());
    assertEquals(List.of("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED"), transitions);
  }

  @Test
  void failedProbeReopensTheCircuit() throws Exception {
    upstream.fallback(Behaviours.error(502, "down"));
    ModelConnector connector =
        connector(
            upstream.baseUrl(),
            FAST,
            RetryPolicy.NONE,
            new CircuitBreakerSettings(1, 1.0, 10, 1, Duration.ofMillis(200)));
    Await.failure(connector.send(chat(false)), UpstreamFailure.class);
    Thread.sleep(250);
    Await.failure(connector.send(chat(false)), UpstreamFailure.class);
    assertEquals(CircuitState.OPEN, connector.circuitBreaker().state());
    assertEquals(2, connector.circuitBreaker().snapshot().timesOpened());
  }

  @Test
  void aStreamThatFailsMidwayCountsAgainstTheCircuit() {
    upstream.enqueue(Behaviours.sseThenCloseConnection("{\"id\":\"c\",\"choices\":[]}"));
    ModelConnector connector =
        connector(
            upstream.baseUrl(),
            FAST,
            RetryPolicy.NONE,
            new CircuitBreakerSettings(1, 1.0, 10, 1, Duration.ofSeconds(30)));
    UpstreamResponse response = Await.result(connector.send(chat(true)));
    StreamCollector.collect(response).awaitEnd();
    Await.result(((UpstreamResponse.Streaming) response).result());
    assertEquals(CircuitState.OPEN, connector.circuitBreaker().state());
  }
}
