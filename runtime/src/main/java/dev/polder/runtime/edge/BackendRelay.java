package dev.polder.runtime.edge;

import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.runtime.backend.Backends;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.routing.LatencyTracker;
import dev.polder.runtime.routing.StickySessions;
import dev.polder.runtime.telemetry.BackendCallTrace;
import dev.polder.runtime.telemetry.GatewayTracing;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Calls the selected backend and relays its answer to the caller on the event loop: a complete body
 * as received, or SSE event by event as they arrive, with back-pressure. Fails over to the next
 * candidate while no byte has reached the caller.
 */
@ApplicationScoped
class BackendRelay {

  private static final Logger LOG = Logger.getLogger(BackendRelay.class);
  static final String BACKEND_HEADER = "x-polder-backend";

  private final Backends backends;
  private final GatewayConfig config;
  private final LatencyTracker latency;
  private final StickySessions sticky;
  private final GatewayTracing tracing;

  @Inject
  BackendRelay(
      Backends backends,
      GatewayConfig config,
      LatencyTracker latency,
      StickySessions sticky,
      GatewayTracing tracing) {
    this.backends = backends;
    this.config = config;
    this.latency = latency;
    this.sticky = sticky;
    this.tracing = tracing;
  }

  /** Relays the call; {@code done} runs once the response has ended, whatever the outcome. */
  void relay(GatewayCall call, HttpServerResponse response, Runnable done) {
    attempt(call, response, 0, null, done);
  }

  private void attempt(
      GatewayCall call,
      HttpServerResponse response,
      int index,
      UpstreamFailure lastFailure,
      Runnable done) {
    if (response.closed()) {
      call.status(499);
      call.errorCode("client_closed_request");
      done.run();
      return;
    }
    if (index >= call.candidates().size()) {
      GatewayException error =
          lastFailure == null
              ? new GatewayException(
                  503,
                  "service_unavailable",
                  "no_backend",
                  null,
                  "No backend can serve the model '" + call.model() + "'")
              : ErrorReplies.fromUpstream(lastFailure, call.model());
      fail(call, response, error, lastFailure, done);
      return;
    }
    String name = call.candidates().get(index);
    ModelConnector connector = backends.connector(name);
    if (connector.spec().isExternal() && !call.egressPermitted()) {
      // Defence in depth: select-backend drops these already, unless a route step changed that.
      LOG.warnf("Request %s: skipped external backend %s without egress", call.requestId(), name);
      attempt(call, response, index + 1, lastFailure, done);
      return;
    }
    // A client span per attempt; the backend gets its traceparent.
    BackendCallTrace trace = tracing.backendCall(call, name, connector.spec());
    UpstreamRequest request =
        new UpstreamRequest(
            call.operation().endpoint(), call.request(), call.stream(), trace.headers());
    connector
        .send(request)
        .onComplete(
            result -> {
              if (result.succeeded()) {
                call.backend(name);
                if (result.result() instanceof UpstreamResponse.Complete complete) {
                  trace.complete(complete);
                  relayComplete(call, response, complete, done);
                } else {
                  UpstreamResponse.Streaming streaming =
                      (UpstreamResponse.Streaming) result.result();
                  trace.streaming(streaming);
                  relayStream(call, response, streaming, trace, done);
                }
                return;
              }
              UpstreamFailure failure = asFailure(result.cause(), name);
              trace.failed(failure);
              if (failure.failoverSafe()) {
                LOG.infof(
                    "Request %s: backend %s failed (%s), trying the next candidate",
                    call.requestId(), name, failure.kind().code());
                attempt(call, response, index + 1, failure, done);
              } else {
                fail(
                    call,
                    response,
                    ErrorReplies.fromUpstream(failure, call.model()),
                    failure,
                    done);
              }
            });
  }

  private void relayComplete(
      GatewayCall call,
      HttpServerResponse response,
      UpstreamResponse.Complete complete,
      Runnable done) {
    call.status(complete.status());
    complete.usage().ifPresent(call::usage);
    long micros = TimeUnit.NANOSECONDS.toMicros(complete.latency().toNanos());
    call.timeToFirstByteMicros(micros);
    if (complete.isSuccess()) {
      latency.record(complete.backend(), micros);
      rememberSticky(call);
    }
    if (response.closed()) {
      done.run();
      return;
    }
    String contentType = complete.headers().get(HttpHeaders.CONTENT_TYPE);
    response
        .setStatusCode(complete.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, contentType == null ? "application/json" : contentType)
        .putHeader(BACKEND_HEADER, complete.backend());
    response.end(complete.body()).onComplete(ignored -> done.run());
  }

  private void relayStream(
      GatewayCall call,
      HttpServerResponse response,
      UpstreamResponse.Streaming streaming,
      BackendCallTrace trace,
      Runnable done) {
    call.status(streaming.status());
    long ttfb = TimeUnit.NANOSECONDS.toMicros(streaming.timeToFirstByte().toNanos());
    call.timeToFirstByteMicros(ttfb);
    latency.record(streaming.backend(), ttfb);
    rememberSticky(call);
    ReadStream<SseEvent> events = streaming.events();
    if (!response.closed()) {
      // A caller that goes away must not leave the stream paused on a full write queue.
      response.closeHandler(v -> events.resume());
      response
          .setStatusCode(200)
          .setChunked(true)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
          .putHeader(BACKEND_HEADER, streaming.backend());
    }
    events.handler(
        event -> {
          if (response.closed()) {
            return; // keep draining, so the connector sees its stream to the end
          }
          Buffer chunk = event.toBuffer();
          response.write(chunk);
          if (response.writeQueueFull()) {
            events.pause();
            response.drainHandler(v -> events.resume());
          }
        });
    events.exceptionHandler(
        t ->
            LOG.warnf(
                "Request %s: stream from %s failed: %s", call.requestId(), call.backend(), t));
    events.endHandler(
        v -> {
          if (!response.ended() && !response.closed()) {
            response.end();
          }
        });
    streaming
        .result()
        .onComplete(
            ended -> {
              if (ended.succeeded()) {
                StreamResult stream = ended.result();
                trace.streamEnded(stream);
                stream.usage().ifPresent(call::usage);
                stream
                    .error()
                    .ifPresent(
                        error -> {
                          call.errorCode(error.kind().code());
                          LOG.warnf(
                              "Request %s: stream from %s broke off: %s",
                              call.requestId(), streaming.backend(), error.toString());
                        });
              }
              done.run();
            });
  }

  private void rememberSticky(GatewayCall call) {
    call.stickyKey()
        .ifPresent(
            key ->
                call.backend()
                    .ifPresent(
                        backend ->
                            sticky.remember(
                                call.model(),
                                key,
                                backend,
                                config.models().get(call.model()).sticky().ttl())));
  }

  private void fail(
      GatewayCall call,
      HttpServerResponse response,
      GatewayException error,
      UpstreamFailure cause,
      Runnable done) {
    call.status(error.status());
    call.errorCode(error.code());
    if (cause != null) {
      call.backend(cause.backend());
      LOG.warnf("Request %s: %s", call.requestId(), cause.toString());
      if (!response.headWritten()) {
        response.putHeader(BACKEND_HEADER, cause.backend());
        cause
            .retryAfter()
            .ifPresent(
                wait ->
                    response.putHeader(
                        HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
      }
    }
    ErrorReplies.send(response, error);
    done.run();
  }

  private static UpstreamFailure asFailure(Throwable cause, String backend) {
    if (cause instanceof UpstreamFailure failure) {
      return failure;
    }
    return new UpstreamFailure(
        UpstreamFailure.Kind.INVALID_RESPONSE,
        backend,
        "connector failed: " + cause,
        true,
        null,
        null,
        cause);
  }
}
