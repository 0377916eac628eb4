package dev.polder.runtime.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.api.Usage;
import dev.polder.runtime.pipeline.GatewayCall;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client span of one backend call (GenAI semantic conventions: {@code "{operation} {model}"},
 * kind CLIENT), and the W3C {@code traceparent} the backend receives, so its own spans join the
 * caller's trace. Also feeds time to first token and backend errors to the metrics.
 */
public final class BackendCallTrace {

  private final Span span;
  private final Map<String, String> headers;
  private final GatewayMetrics metrics;
  private final GatewayCall call;
  private final String backend;

  private BackendCallTrace(
      Span span,
      Map<String, String> headers,
      GatewayMetrics metrics,
      GatewayCall call,
      String backend) {
    this.span = span;
    this.headers = headers;
    this.metrics = metrics;
    this.call = call;
    this.backend = backend;
  }

  static BackendCallTrace start(
      Tracer tracer,
      TextMapPropagator propagator,
      GatewayMetrics metrics,
      GatewayCall call,
      String backend,
      BackendSpec spec) {
    String operation = GenAi.operationName(call.operation());
    String requestModel =
        spec.upstreamModel().filter(m -> !m.isBlank()).orElse(String.valueOf(call.model()));
    SpanBuilder builder =
        tracer
            .spanBuilder(operation + " " + requestModel)
            .setParent(call.traceContext())
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(GenAi.OPERATION, operation)
            .setAttribute(GenAi.PROVIDER, spec.provider())
            .setAttribute(GenAi.REQUEST_MODEL, requestModel)
            .setAttribute(GenAi.BACKEND, backend)
            .setAttribute(GenAi.BACKEND_LOCATION, spec.isExternal() ? "external" : "internal")
            .setAttribute(GenAi.STREAM, call.stream());
    requestParameters(builder, call.request());
    server(builder, spec);
    Span span = builder.startSpan();
    Map<String, String> headers = new HashMap<>();
    propagator.inject(call.traceContext().with(span), headers, Map::put);
    return new BackendCallTrace(span, Map.copyOf(headers), metrics, call, backend);
  }

  /** Headers to send with the backend request: W3C {@code traceparent} (and {@code tracestate}). */
  public Map<String, String> headers() {
    return headers;
  }

  /** A complete answer arrived (2xx or the backend's own 4xx). */
  public void complete(UpstreamResponse.Complete complete) {
    firstToken();
    span.setAttribute(GenAi.ATTEMPTS, (long) complete.attempts());
    span.setAttribute(GenAi.HTTP_STATUS, (long) complete.status());
    ObjectNode json = complete.json();
    if (json != null) {
      text(json.get("model"), GenAi.RESPONSE_MODEL);
      text(json.get("id"), GenAi.RESPONSE_ID);
      JsonNode reason = json.path("choices").path(0).path("finish_reason");
      if (reason.isTextual()) {
        span.setAttribute(GenAi.FINISH_REASONS, List.of(reason.asText()));
      }
    }
    complete.usage().ifPresent(this::usage);
    if (!complete.isSuccess()) {
      span.setAttribute(GenAi.ERROR_TYPE, Integer.toString(complete.status()));
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /** A stream started: its first event is here. The span ends with {@link #streamEnded}. */
  public void streaming(UpstreamResponse.Streaming streaming) {
    firstToken();
    span.setAttribute(GenAi.ATTEMPTS, (long) streaming.attempts());
    span.setAttribute(GenAi.HTTP_STATUS, (long) streaming.status());
  }

  public void streamEnded(StreamResult result) {
    result.usage().ifPresent(this::usage);
    result.finishReason().ifPresent(r -> span.setAttribute(GenAi.FINISH_REASONS, List.of(r)));
    result
        .error()
        .ifPresent(
            error -> {
              span.setAttribute(GenAi.ERROR_TYPE, error.kind().code());
              span.setStatus(StatusCode.ERROR);
              metrics.backendError(call, backend, error.kind().code());
            });
    span.end();
  }

  /** The attempt failed before the first byte (the relay may try the next candidate). */
  public void failed(UpstreamFailure failure) {
    span.setAttribute(GenAi.ERROR_TYPE, failure.kind().code());
    span.setStatus(StatusCode.ERROR, failure.kind().code());
    metrics.backendError(call, backend, failure.kind().code());
    span.end();
  }

  /** The attempt was not made (e.g. an external backend without egress). */
  public void skipped(String reason) {
    span.setAttribute(GenAi.ERROR_TYPE, reason);
    span.end();
  }

  /** The trace context of this backend span, for tests and spans below it. */
  public Context context() {
    return call.traceContext().with(span);
  }

  private void firstToken() {
    metrics.firstToken(call, backend, System.nanoTime() - call.receivedNanos());
  }

  private void usage(Usage usage) {
    span.setAttribute(GenAi.INPUT_TOKENS, usage.promptTokens());
    span.setAttribute(GenAi.OUTPUT_TOKENS, usage.completionTokens());
  }

  private void text(JsonNode node, io.opentelemetry.api.common.AttributeKey<String> key) {
    if (node != null && node.isTextual()) {
      span.setAttribute(key, node.asText());
    }
  }

  private static void requestParameters(SpanBuilder builder, ObjectNode request) {
    if (request == null) {
      return;
    }
    JsonNode max = request.get("max_completion_tokens");
    if (max == null || !max.canConvertToLong()) {
      max = request.get("max_tokens");
    }
    if (max != null && max.canConvertToLong()) {
      builder.setAttribute(GenAi.MAX_TOKENS, max.asLong());
    }
    JsonNode temperature = request.get("temperature");
    if (temperature != null && temperature.isNumber()) {
      builder.setAttribute(GenAi.TEMPERATURE, temperature.asDouble());
    }
    JsonNode topP = request.get("top_p");
    if (topP != null && topP.isNumber()) {
      builder.setAttribute(GenAi.TOP_P, topP.asDouble());
    }
  }

  private static void server(SpanBuilder builder, BackendSpec spec) {
    URI uri = spec.baseUrl();
    if (uri == null) {
      return; // in-process (echo)
    }
    if (uri.getHost() != null) {
      builder.setAttribute(GenAi.SERVER_ADDRESS, uri.getHost());
    }
    if (uri.getPort() > 0) {
      builder.setAttribute(GenAi.SERVER_PORT, (long) uri.getPort());
    }
  }
}
