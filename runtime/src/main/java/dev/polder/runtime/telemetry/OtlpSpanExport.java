package dev.polder.runtime.telemetry;

import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The only way spans leave the gateway: OTLP/HTTP (protobuf) to {@code
 * polder.telemetry.otlp.endpoint}, batched. Without an endpoint this processor drops every span and
 * opens no connection. (Quarkus' own OTLP exporter is switched off at build time, because it would
 * default to a collector on localhost.) Quarkus adds every {@link SpanProcessor} bean to its tracer
 * provider.
 */
// A singleton, not a proxied bean: the SDK calls shutdown() after the application context ended.
@Singleton
public class OtlpSpanExport implements SpanProcessor {

  private static final Logger LOG = Logger.getLogger(OtlpSpanExport.class);

  private final SpanProcessor delegate;

  @Inject
  public OtlpSpanExport(TelemetryConfig config) {
    TelemetryConfig.Otlp otlp = config.otlp();
    if (otlp.endpoint().isPresent() && otlp.traces()) {
      String url = OtlpEndpoints.traces(otlp.endpoint().get());
      OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(url);
      otlp.headers().forEach(exporter::addHeader);
      delegate = BatchSpanProcessor.builder(exporter.build()).build();
      LOG.infof("Spans are exported to %s", url);
    } else {
      delegate = SpanProcessor.composite();
    }
  }

  /** Sends the spans ended so far (tests). */
  public void flush() {
    delegate.forceFlush().join(10, TimeUnit.SECONDS);
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    delegate.onStart(parentContext, span);
  }

  @Override
  public boolean isStartRequired() {
    return delegate.isStartRequired();
  }

  @Override
  public void onEnd(ReadableSpan span) {
    delegate.onEnd(span);
  }

  @Override
  public boolean isEndRequired() {
    return delegate.isEndRequired();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return delegate.forceFlush();
  }
}
