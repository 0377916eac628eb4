package dev.polder.runtime.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpanRecordingTest {

  private static final SpanContext CALLER =
      SpanContext.createFromRemoteParent(
          "4bf92f3577b34da6a3ce929d0e0e4736",
          "00f067aa0ba902b7",
          TraceFlags.getSampled(),
          TraceState.getDefault());

  private final OpenTelemetry sdk =
      OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build()).build();

  @Test
  void withoutAnExporterNothingIsRecordedButTheCallerTraceContinues() {
    SpanRecording recording = new SpanRecording(sdk, config(Optional.empty(), true));
    assertFalse(recording.recording());

    Span request = recording.unrecordedRequestSpan(CALLER);
    assertFalse(request.isRecording());
    assertEquals(CALLER.getTraceId(), request.getSpanContext().getTraceId());
    assertNotEquals(CALLER.getSpanId(), request.getSpanContext().getSpanId());
    assertTrue(request.getSpanContext().isSampled());

    // Step and backend spans pass the request's context on: backends see the request span's id.
    Span step =
        recording
            .tracer()
            .spanBuilder("step detect")
            .setParent(Context.root().with(request))
            .startSpan();
    assertFalse(step.isRecording());
    assertEquals(request.getSpanContext(), step.getSpanContext());
  }

  @Test
  void aCallWithoutTraceContextGetsANewTrace() {
    SpanRecording recording = new SpanRecording(sdk, config(Optional.empty(), true));
    Span first = recording.unrecordedRequestSpan(SpanContext.getInvalid());
    Span second = recording.unrecordedRequestSpan(SpanContext.getInvalid());
    assertTrue(first.getSpanContext().isValid());
    assertNotEquals(first.getSpanContext().getTraceId(), second.getSpanContext().getTraceId());
  }

  @Test
  void spansAreRecordedOnlyWhenTracesAreExported() {
    assertTrue(
        new SpanRecording(sdk, config(Optional.of("http://127.0.0.1:4318"), true)).recording());
    assertFalse(
        new SpanRecording(sdk, config(Optional.of("http://127.0.0.1:4318"), false)).recording());
    Span step =
        new SpanRecording(sdk, config(Optional.of("http://127.0.0.1:4318"), true))
            .tracer()
            .spanBuilder("step detect")
            .startSpan();
    assertTrue(step.isRecording());
    step.end();
  }

  private static TelemetryConfig config(Optional<String> endpoint, boolean traces) {
    TelemetryConfig.Otlp otlp =
        new TelemetryConfig.Otlp() {
          @Override
          public Optional<String> endpoint() {
            return endpoint;
          }

          @Override
          public Map<String, String> headers() {
            return Map.of();
          }

          @Override
          public boolean traces() {
            return traces;
          }

          @Override
          public boolean metrics() {
            return true;
          }

          @Override
          public Duration metricsInterval() {
            return Duration.ofSeconds(60);
          }
        };
    return new TelemetryConfig() {
      @Override
      public Otlp otlp() {
        return otlp;
      }

      @Override
      public Prometheus prometheus() {
        return null;
      }
    };
  }
}
