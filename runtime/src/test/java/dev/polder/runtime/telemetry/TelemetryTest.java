package dev.polder.runtime.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import dev.polder.connectors.testing.Behaviours;
import dev.polder.connectors.testing.RecordedRequest;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.OtlpReceiver;
import dev.polder.runtime.support.Upstreams;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Traces and metrics as a collector receives them: the gateway exports OTLP/HTTP to a real receiver
 * ({@link OtlpReceiver}) configured in {@link GatewayTestResource}.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class TelemetryTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;
  OtlpReceiver otlp;

  @AfterEach
  void reset() {
    upstreams.reset();
  }

  @Test
  void requestSpanHasAStepSpanPerPipelineStepAndABackendSpanWithGenAiAttributes() {
    String traceId = hex(16);
    String callerSpan = hex(8);
    String prompt = "telemetry-prompt-" + UUID.randomUUID();
    int before = upstreams.count("a");
    HttpResponse<String> response =
        chat("plain", prompt, false, "00-" + traceId + "-" + callerSpan + "-01");
    assertEquals(200, response.statusCode(), response.body());

    // The backend received the trace context: same trace, a new parent (our backend span).
    RecordedRequest upstream = upstreams.get("a").requests().get(before);
    String[] traceparent = upstream.header("traceparent").split("-");
    assertEquals(traceId, traceparent[1]);
    assertNotEquals(callerSpan, traceparent[2]);

    List<Span> trace =
        await(
            () -> {
              List<Span> spans = spansOf(traceId);
              return spans.stream().anyMatch(s -> s.getName().equals("step audit"))
                      && spans.stream().anyMatch(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                  ? Optional.of(spans)
                  : Optional.empty();
            },
            "the spans of trace " + traceId);

    Span request = only(trace, s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER);
    assertEquals("POST /v1/chat/completions", request.getName());
    assertEquals(callerSpan, hex(request.getParentSpanId()), "a child of the caller's span");
    Map<String, AnyValue> requestAttributes = attributes(request);
    assertEquals("chat", text(requestAttributes, "gen_ai.operation.name"));
    assertEquals("plain", text(requestAttributes, "gen_ai.request.model"));
    assertEquals("allow", text(requestAttributes, "polder.decision"));
    assertTrue(requestAttributes.containsKey("polder.classification"), requestAttributes::toString);
    assertEquals("platform", text(requestAttributes, "polder.team"));
    assertEquals(200, requestAttributes.get("http.response.status_code").getIntValue());

    // One span per named step of routes/chat-completions*.camel.yaml, each under the request span.
    List<String> steps =
        trace.stream()
            .filter(s -> s.getName().startsWith("step "))
            .peek(s -> assertEquals(request.getSpanId(), s.getParentSpanId(), s.getName()))
            .map(s -> s.getName().substring(5))
            .toList();
    assertTrue(
        steps.containsAll(
            List.of(
                "authenticate",
                "parse",
                "authorize-model",
                "decide-classify",
                "decide-access",
                "decide-redact",
                "select-backend",
                "decide-route",
                "account",
                "audit")),
        steps::toString);
    Span access = only(trace, s -> s.getName().equals("step decide-access"));
    assertEquals("allow", text(attributes(access), "polder.decision"));

    Span backend = only(trace, s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT);
    assertEquals(request.getSpanId(), backend.getParentSpanId());
    assertEquals(traceparent[2], hex(backend.getSpanId()), "the backend saw this span as parent");
    Map<String, AnyValue> genAi = attributes(backend);
    assertEquals("chat plain", backend.getName());
    assertEquals("chat", text(genAi, "gen_ai.operation.name"));
    assertEquals("vllm", text(genAi, "gen_ai.provider.name"));
    assertEquals("plain", text(genAi, "gen_ai.request.model"));
    assertEquals("plain", text(genAi, "gen_ai.response.model"), "vLLM-like echoes the model");
    assertEquals(7, genAi.get("gen_ai.usage.input_tokens").getIntValue());
    assertEquals(4, genAi.get("gen_ai.usage.output_tokens").getIntValue());
    assertEquals("a", text(genAi, "polder.backend"));
    assertEquals("127.0.0.1", text(genAi, "server.address"));

    // No prompt text in any attribute of any span of the request.
    for (Span span : trace) {
      for (KeyValue kv : span.getAttributesList()) {
        assertFalse(kv.getValue().toString().contains(prompt), span.getName() + " " + kv);
      }
    }
    assertEquals(List.of(), otlp.rejected());
  }

  @Test
  void aCallerWithoutTraceContextGetsANewTraceThatReachesTheBackend() {
    int before = upstreams.count("a");
    HttpResponse<String> response = chat("plain", "hi", false, null);
    assertEquals(200, response.statusCode(), response.body());
    String[] traceparent =
        upstreams.get("a").requests().get(before).header("traceparent").split("-");
    assertEquals(4, traceparent.length);
    assertNotEquals("00000000000000000000000000000000", traceparent[1]);
    List<Span> trace =
        await(
            () -> {
              List<Span> spans = spansOf(traceparent[1]);
              return spans.stream().anyMatch(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                  ? Optional.of(spans)
                  : Optional.empty();
            },
            "the request span");
    Span request = only(trace, s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER);
    assertTrue(request.getParentSpanId().isEmpty(), "a root span");
  }

  @Test
  void streamsRecordTimeToFirstTokenAndTheirUsage() {
    String traceId = hex(16);
    HttpResponse<String> response =
        chat("plain", "hi", true, "00-" + traceId + "-" + hex(8) + "-01");
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("[DONE]"), response.body());
    Span backend =
        await(
            () ->
                spansOf(traceId).stream()
                    .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
                    .findFirst(),
            "the backend span of the stream");
    Map<String, AnyValue> attributes = attributes(backend);
    assertTrue(attributes.get("gen_ai.request.stream").getBoolValue());
    assertEquals(4, attributes.get("gen_ai.usage.output_tokens").getIntValue());
    assertEquals(
        "stop",
        attributes
            .get("gen_ai.response.finish_reasons")
            .getArrayValue()
            .getValues(0)
            .getStringValue());

    String scrape = await(() -> scrapeContaining("stream=\"true\""), "a streamed TTFT series");
    assertTrue(
        scrape
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("polder_time_to_first_token_seconds_count{")
                        && l.contains("model=\"plain\"")
                        && l.contains("stream=\"true\"")),
        scrape);
  }

  @Test
  void backendFailuresAreCountedAndMarkTheBackendSpan() {
    String traceId = hex(16);
    upstreams.get("c").enqueue(Behaviours.error(500, "boom"));
    HttpResponse<String> response =
        chat("with-fallback", "hi", false, "00-" + traceId + "-" + hex(8) + "-01");
    assertEquals(200, response.statusCode(), response.body()); // served by the fallback b
    List<Span> clients =
        await(
            () -> {
              List<Span> spans =
                  spansOf(traceId).stream()
                      .filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT)
                      .toList();
              return spans.size() == 2 ? Optional.of(spans) : Optional.empty();
            },
            "two backend spans");
    Span failed = only(clients, s -> "c".equals(text(attributes(s), "polder.backend")));
    assertEquals(
        io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR,
        failed.getStatus().getCode());
    assertEquals("upstream_server_error", text(attributes(failed), "error.type"));

    String scrape = await(() -> scrapeContaining("polder_backend_errors_total{"), "errors");
    assertTrue(
        scrape
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("polder_backend_errors_total{")
                        && l.contains("backend=\"c\"")
                        && l.contains("kind=\"upstream_server_error\"")),
        scrape);
  }

  @Test
  void metricsArePushedOverOtlpAndServedForPrometheus() {
    HttpResponse<String> response = chat("plain", "hi", false, null);
    assertEquals(200, response.statusCode(), response.body());

    String scrape = await(() -> scrapeContaining("polder_request_duration_seconds_bucket"), "");
    assertTrue(
        scrape
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("polder_request_duration_seconds_count{")
                        && l.contains("model=\"plain\"")
                        && l.contains("backend=\"a\"")
                        && l.contains("team=\"platform\"")
                        && l.contains("route=\"chat-completions\"")
                        && l.contains("status=\"200\"")),
        scrape);
    assertTrue(scrape.contains("polder_tokens_total{"), scrape);
    assertTrue(
        scrape
            .lines()
            .anyMatch(l -> l.startsWith("polder_tokens_total{") && l.contains("type=\"input\"")),
        scrape);
    assertTrue(
        scrape
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("polder_decisions_total{")
                        && l.contains("point=\"access\"")
                        && l.contains("outcome=\"allow\"")),
        scrape);
    assertTrue(scrape.contains("polder_backend_circuit_state{backend=\"a\"} 0.0"), scrape);

    // The same meters reach the collector over OTLP.
    Metric duration =
        await(
            () ->
                otlp.metrics().stream()
                    .filter(m -> m.getName().equals("polder.request.duration"))
                    .filter(
                        m ->
                            m.getHistogram().getDataPointsList().stream()
                                .anyMatch(
                                    p ->
                                        "plain".equals(attribute(p.getAttributesList(), "model"))
                                            && "platform"
                                                .equals(attribute(p.getAttributesList(), "team"))))
                    .findFirst(),
            "polder.request.duration over OTLP");
    assertTrue(duration.getHistogram().getDataPoints(0).getCount() > 0);
    Metric tokens =
        await(
            () ->
                otlp.metrics().stream()
                    .filter(m -> m.getName().equals("polder.tokens"))
                    .filter(m -> m.getSum().getDataPointsCount() > 0)
                    .findFirst(),
            "polder.tokens over OTLP");
    NumberDataPoint point = tokens.getSum().getDataPoints(0);
    assertTrue(point.getAsDouble() > 0, point::toString);
    await(
        () ->
            otlp.metrics().stream()
                .filter(m -> m.getName().equals("polder.backend.circuit.state"))
                .findFirst(),
        "the circuit gauge over OTLP");
  }

  @Test
  void refusalsAreCountedAsDecisions() {
    HttpResponse<String> response =
        Clients.post(
            gateway,
            "/v1/chat/completions",
            GatewayTestResource.KEY_LIMITED,
            Clients.chat("outside"));
    assertTrue(response.statusCode() >= 400, response.body());
    String scrape = await(() -> scrapeContaining("team=\"research\""), "the refused call");
    assertTrue(
        scrape
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("polder_request_duration_seconds_count{")
                        && l.contains("team=\"research\"")
                        && l.contains("status=\"" + response.statusCode() + "\"")),
        scrape);
  }

  @Test
  void theGrafanaDashboardQueriesOnlyMetricsTheGatewayServes() throws java.io.IOException {
    String dashboard =
        java.nio.file.Files.readString(java.nio.file.Path.of("../ops/grafana/polder.json"));
    java.util.Set<String> names = new java.util.TreeSet<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("polder_[a-z_]+").matcher(dashboard);
    while (m.find()) {
      names.add(m.group());
    }
    assertTrue(names.size() >= 7, names::toString);
    assertEquals(200, chat("plain", "hi", true, null).statusCode());
    upstreams.get("c").enqueue(Behaviours.error(500, "boom"));
    assertEquals(200, chat("with-fallback", "hi", false, null).statusCode());
    // Series that exist only once prices are configured or detectors found something.
    java.util.Set<String> conditional =
        java.util.Set.of(
            prometheusName(GatewayMetrics.COST) + "_total",
            prometheusName(GatewayMetrics.FINDINGS) + "_total");
    for (String name : names) {
      if (conditional.contains(name)) {
        continue;
      }
      String scrape = await(() -> scrapeContaining("\n" + name), name);
      assertTrue(scrape.lines().anyMatch(l -> l.startsWith(name + "{")), name);
    }
    assertTrue(names.containsAll(conditional), names::toString);
  }

  private static String prometheusName(String meter) {
    return meter.replace('.', '_');
  }

  // --- helpers

  private HttpResponse<String> chat(
      String model, String content, boolean stream, String traceparent) {
    String body =
        "{\"model\":\""
            + model
            + "\",\"stream\":"
            + stream
            + ",\"messages\":[{\"role\":\"user\",\"content\":\""
            + content
            + "\"}]}";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.resolve("/v1/chat/completions"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + GatewayTestResource.KEY_ALL)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return Clients.send(request.build());
  }

  private Optional<String> scrapeContaining(String text) {
    HttpResponse<String> scrape =
        Clients.send(HttpRequest.newBuilder(gateway.resolve("/metrics")).GET().build());
    assertEquals(200, scrape.statusCode());
    return scrape.body().contains(text) ? Optional.of(scrape.body()) : Optional.empty();
  }

  private List<Span> spansOf(String traceId) {
    return otlp.spans().stream().filter(s -> hex(s.getTraceId()).equals(traceId)).toList();
  }

  private static <T> T await(Supplier<Optional<T>> probe, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return fail("not received within " + WAIT + ": " + what);
  }

  private static Span only(List<Span> spans, java.util.function.Predicate<Span> which) {
    List<Span> found = spans.stream().filter(which).toList();
    assertEquals(1, found.size(), () -> found.stream().map(Span::getName).toList().toString());
    return found.get(0);
  }

  private static Map<String, AnyValue> attributes(Span span) {
    return span.getAttributesList().stream()
        .collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
  }

  private static String attribute(List<KeyValue> attributes, String key) {
    return attributes.stream()
        .filter(kv -> kv.getKey().equals(key))
        .map(kv -> kv.getValue().getStringValue())
        .findFirst()
        .orElse(null);
  }

  private static String text(Map<String, AnyValue> attributes, String key) {
    AnyValue value = attributes.get(key);
    return value == null ? null : value.getStringValue();
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    random[0] |= 1; // never all zero
    return HexFormat.of().formatHex(random);
  }
}
