package dev.polder.runtime.telemetry;

import dev.polder.connectors.api.BackendSpec;
import dev.polder.runtime.pipeline.GatewayCall;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The request span of each call: started at the edge as a child of the caller's W3C {@code
 * traceparent} (if any), ended once the response has ended and the after-route has run. Step spans
 * ({@link StepSpans}) and backend spans ({@link BackendCallTrace}) hang below it.
 */
@ApplicationScoped
public class GatewayTracing {

  private static final Logger LOG = Logger.getLogger(GatewayTracing.class);
  static final String INSTRUMENTATION = "dev.polder.gateway";

  private static final TextMapGetter<MultiMap> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
          return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final SpanRecording recording;
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final GatewayMetrics metrics;

  @Inject
  public GatewayTracing(
      OpenTelemetry openTelemetry, SpanRecording recording, GatewayMetrics metrics) {
    this.recording = recording;
    this.tracer = recording.tracer();
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.metrics = metrics;
  }

  /** Starts the request span; the call carries it from now on. */
  public void requestStarted(GatewayCall call, String method, String path, MultiMap headers) {
    Context parent = propagator.extract(Context.root(), headers, HEADERS);
    if (!recording.recording()) {
      call.traceContext(
          parent.with(recording.unrecordedRequestSpan(Span.fromContext(parent).getSpanContext())));
      return;
    }
    Span span =
        tracer
            .spanBuilder(method + " " + path)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(GenAi.HTTP_METHOD, method)
            .setAttribute(GenAi.HTTP_ROUTE, path)
            .setAttribute(GenAi.REQUEST_ID, call.requestId())
            .setAttribute(GenAi.ROUTE, call.operation().routeId())
            .setAttribute(GenAi.OPERATION, GenAi.operationName(call.operation()))
            .startSpan();
    call.traceContext(parent.with(span));
  }

  /**
   * Ends the request span and records the call's metrics. Runs once per call, after the
   * after-route, whatever happened.
   */
  public void requestEnded(GatewayCall call) {
    try {
      metrics.requestEnded(call);
    } catch (RuntimeException e) {
      LOG.warnf(e, "Request %s: metrics not recorded", call.requestId());
    }
    Span span = Span.fromContext(call.traceContext());
    if (!span.isRecording()) {
      return;
    }
    span.setAttribute(GenAi.HTTP_STATUS, (long) call.status());
    if (call.model() != null) {
      span.setAttribute(GenAi.REQUEST_MODEL, call.model());
    }
    span.setAttribute(GenAi.STREAM, call.stream());
    if (call.principal() != null) {
      span.setAttribute(GenAi.PRINCIPAL, call.principal().id());
      span.setAttribute(GenAi.TEAM, GatewayMetrics.team(call));
      span.setAttribute(GenAi.ENVIRONMENT, GatewayMetrics.environment(call));
    }
    call.backend().ifPresent(b -> span.setAttribute(GenAi.BACKEND, b));
    call.usage()
        .ifPresent(
            u -> {
              span.setAttribute(GenAi.INPUT_TOKENS, u.promptTokens());
              span.setAttribute(GenAi.OUTPUT_TOKENS, u.completionTokens());
            });
    span.setAttribute(GenAi.EGRESS, call.egressPermitted());
    call.errorCode()
        .ifPresent(
            code -> {
              span.setAttribute(GenAi.ERROR_CODE, code);
              span.setAttribute(GenAi.ERROR_TYPE, code);
            });
    if (call.status() >= 500 || (call.status() >= 200 && call.errorCode().isPresent())) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /** Starts the span of one attempt to call {@code backend} (a child of the request span). */
  public BackendCallTrace backendCall(GatewayCall call, String backend, BackendSpec spec) {
    return BackendCallTrace.start(tracer, propagator, metrics, call, backend, spec);
  }
}
