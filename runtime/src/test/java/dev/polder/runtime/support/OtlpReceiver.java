package dev.polder.runtime.support;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real OTLP/HTTP collector on 127.0.0.1 (random port): accepts {@code POST /v1/traces} and {@code
 * /v1/metrics} as protobuf, decodes them with the OTLP protobuf classes and keeps what it received.
 * Anything else, or a body that does not decode, is answered 400 and counted.
 */
public final class OtlpReceiver implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final List<Metric> metrics = new CopyOnWriteArrayList<>();
  private final List<String> rejected = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  public OtlpReceiver() {
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(r -> r.body().onSuccess(body -> receive(r, body)));
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("OTLP receiver did not start", e);
    }
  }

  private void receive(HttpServerRequest request, Buffer body) {
    try {
      String type = String.valueOf(request.getHeader("Content-Type"));
      if (!type.startsWith("application/x-protobuf")) {
        throw new InvalidProtocolBufferException("content type " + type);
      }
      byte[] bytes = body.getBytes();
      switch (request.path()) {
        case "/v1/traces" -> {
          ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(bytes);
          export
              .getResourceSpansList()
              .forEach(r -> r.getScopeSpansList().forEach(s -> spans.addAll(s.getSpansList())));
          reply(request, ExportTraceServiceResponse.getDefaultInstance().toByteArray());
        }
        case "/v1/metrics" -> {
          ExportMetricsServiceRequest export = ExportMetricsServiceRequest.parseFrom(bytes);
          export
              .getResourceMetricsList()
              .forEach(
                  r -> r.getScopeMetricsList().forEach(s -> metrics.addAll(s.getMetricsList())));
          reply(request, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
        }
        default -> throw new InvalidProtocolBufferException("path " + request.path());
      }
    } catch (InvalidProtocolBufferException e) {
      rejected.add(request.method() + " " + request.path() + ": " + e.getMessage());
      request.response().setStatusCode(400).end();
    }
  }

  private static void reply(HttpServerRequest request, byte[] body) {
    request.response().putHeader("Content-Type", "application/x-protobuf").end(Buffer.buffer(body));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Span> spans() {
    return new ArrayList<>(spans);
  }

  public List<Metric> metrics() {
    return new ArrayList<>(metrics);
  }

  /** Requests that were not OTLP/HTTP protobuf. */
  public List<String> rejected() {
    return new ArrayList<>(rejected);
  }

  @Override
  public void close() {
    vertx.close();
  }
}
