package dev.polder.runtime.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.sdk.trace.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether spans are recorded: only when they are exported ({@code polder.telemetry.otlp.endpoint}
 * with traces on). Otherwise every call still gets a trace id (for its audit record and the {@code
 * traceparent} sent to backends) but no span is built, timed or handed to a processor only to be
 * dropped: step and backend spans come from a no-op tracer and carry the request's context on.
 */
@ApplicationScoped
public class SpanRecording {

  private final boolean recording;
  private final Tracer tracer;
  private final IdGenerator ids = IdGenerator.random();

  @Inject
  public SpanRecording(OpenTelemetry openTelemetry, TelemetryConfig config) {
    this.recording = config.otlp().endpoint().isPresent() && config.otlp().traces();
    this.tracer =
        recording
            ? openTelemetry.getTracer(GatewayTracing.INSTRUMENTATION)
            : TracerProvider.noop().get(GatewayTracing.INSTRUMENTATION);
  }

  public boolean recording() {
    return recording;
  }

  /** The tracer for step and backend spans. */
  public Tracer tracer() {
    return tracer;
  }

  /**
   * The request's own span when nothing is recorded: a fresh span id in the caller's trace, or in a
   * new trace when the caller sent none.
   */
  Span unrecordedRequestSpan(SpanContext parent) {
    if (parent.isValid()) {
      return Span.wrap(
          SpanContext.create(
              parent.getTraceId(),
              ids.generateSpanId(),
              parent.getTraceFlags(),
              parent.getTraceState()));
    }
    return Span.wrap(
        SpanContext.create(
            ids.generateTraceId(),
            ids.generateSpanId(),
            TraceFlags.getDefault(),
            TraceState.getDefault()));
  }
}
