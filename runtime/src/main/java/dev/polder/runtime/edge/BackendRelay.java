package dev.polder.runtime.edge;

import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.runtime.audit.trail.AnswerText;
import dev.polder.runtime.audit.trail.CallProperties;
import dev.polder.runtime.backend.Backends;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.redact.AnswerScanner;
import dev.polder.runtime.redact.AnswerStream;
import dev.polder.runtime.redact.ResponsePlan;
import dev.polder.runtime.routing.LatencyTracker;
import dev.polder.runtime.routing.StickySessions;
import dev.polder.runtime.telemetry.BackendCallTrace;
import dev.polder.runtime.telemetry.GatewayTracing;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Calls the selected backend and relays its answer to the caller on the event loop: a complete body
 * as received, or SSE event by event as they arrive, with back-pressure. Fails over to the next
 * candidate while no byte has reached the caller. Every outcome ends the call through its {@link
 * CallEnding}, once: a complete body, an error reply, or a stream's last event ({@code [DONE]} or
 * an error event) is sent only after the audit record is durable.
 */
@ApplicationScoped
class BackendRelay {

  private static final Logger LOG = Logger.getLogger(BackendRelay.class);
  static final String BACKEND_HEADER = "x-polder-backend";

  private final Backends backends;
  private final GatewayConfig config;
  private final LatencyTracker latency;
  private final StickySessions sticky;
  private final AnswerScanner answers;
  private final Vertx vertx;
  private final GatewayTracing tracing;

  @Inject
  BackendRelay(
      Backends backends,
      GatewayConfig config,
      LatencyTracker latency,
      StickySessions sticky,
      AnswerScanner answers,
      Vertx vertx,
      GatewayTracing tracing) {
    this.backends = backends;
    this.config = config;
    this.latency = latency;
    this.sticky = sticky;
    this.answers = answers;
    this.vertx = vertx;
    this.tracing = tracing;
  }

  /** Relays the call and ends it through {@code done}, whatever the outcome. */
  void relay(GatewayCall call, CallEnding done) {
    // A caller that goes away cancels the backend call: a pending attempt is aborted and a stream's
    // upstream request is reset, so the backend stops generating for nobody.
    Promise<Void> cancelled = Promise.promise();
    done.response().closeHandler(v -> cancelled.tryComplete());
    attempt(call, done.response(), 0, null, cancelled, done);
  }

  private void attempt(
      GatewayCall call,
      HttpServerResponse response,
      int index,
      UpstreamFailure lastFailure,
      Promise<Void> cancelled,
      CallEnding done) {
    if (response.closed()) {
      call.status(499);
      call.errorCode("client_closed_request");
      done.end(ignored -> {});
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
      attempt(call, response, index + 1, lastFailure, cancelled, done);
      return;
    }
    if (connector.spec().isExternal() && call.attached(ResponsePlan.class).isEmpty()) {
      // Nothing leaves unredacted: a route that dropped the redact step keeps to internal backends.
      LOG.warnf(
          "Request %s: skipped external backend %s: the route did not run the redact step",
          call.requestId(), name);
      attempt(call, response, index + 1, lastFailure, cancelled, done);
      return;
    }
    // A client span per attempt; the backend gets its traceparent.
    BackendCallTrace trace = tracing.backendCall(call, name, connector.spec());
    UpstreamRequest request =
        new UpstreamRequest(
            call.operation().endpoint(), call.request(), call.stream(), trace.headers());
    if (connector.spec().isExternal()) {
      call.properties().put(CallProperties.EGRESS, Boolean.TRUE); // the request leaves now
    }
    connector
        .send(request, cancelled.future())
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
                  relayStream(call, response, streaming, cancelled, trace, done);
                }
                return;
              }
              UpstreamFailure failure = asFailure(result.cause(), name);
              trace.failed(failure);
              if (failure.kind() == UpstreamFailure.Kind.CANCELLED) {
                call.status(499);
                call.errorCode("client_closed_request");
                call.backend(name);
                done.end(ignored -> {}); // nobody is left to answer
              } else if (failure.failoverSafe()) {
                LOG.infof(
                    "Request %s: backend %s failed (%s), trying the next candidate",
                    call.requestId(), name, failure.kind().code());
                attempt(call, response, index + 1, failure, cancelled, done);
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
      CallEnding done) {
    call.status(complete.status());
    complete.usage().ifPresent(call::usage);
    long micros = TimeUnit.NANOSECONDS.toMicros(complete.latency().toNanos());
    call.timeToFirstByteMicros(micros);
    if (complete.isSuccess()) {
      latency.record(complete.backend(), micros);
      rememberSticky(call);
    }
    Optional<ResponsePlan> plan = call.attached(ResponsePlan.class).filter(ResponsePlan::active);
    if (plan.isPresent() && complete.isSuccess() && complete.json() != null) {
      // Detection (NER included) is too slow for the event loop: scan on a worker.
      vertx
          .executeBlocking(() -> scanned(plan.get(), complete), false)
          .onComplete(
              scanned -> {
                if (scanned.succeeded()) {
                  writeComplete(call, response, complete, scanned.result(), done);
                } else {
                  if (!(scanned.cause() instanceof GatewayException)) {
                    LOG.errorf(scanned.cause(), "Request %s: answer scan failed", call.requestId());
                  }
                  done.fail(
                      scanned.cause() instanceof GatewayException g
                          ? g
                          : dev.polder.runtime.error.OpenAiErrors.forStatus(500));
                }
              });
      return;
    }
    writeComplete(call, response, complete, complete.body(), done);
  }

  /** The answer as the caller may see it (the backend's bytes when nothing changed). */
  private Buffer scanned(ResponsePlan plan, UpstreamResponse.Complete complete) {
    com.fasterxml.jackson.databind.node.ObjectNode body = complete.json().deepCopy();
    return answers.rewrite(plan, body) ? Buffer.buffer(body.toString()) : complete.body();
  }

  private void writeComplete(
      GatewayCall call,
      HttpServerResponse response,
      UpstreamResponse.Complete complete,
      Buffer body,
      CallEnding done) {
    if (done.keepsAnswer()) {
      String answer = AnswerText.of(complete.json());
      if (answer != null) {
        call.properties().put(CallProperties.ANSWER, answer);
      }
    }
    done.end(
        auditFailure -> {
          if (auditFailure != null) {
            ErrorReplies.send(response, auditFailure);
            return;
          }
          if (response.closed() || response.ended()) {
            return;
          }
          String contentType = complete.headers().get(HttpHeaders.CONTENT_TYPE);
          response
              .setStatusCode(complete.status())
              .putHeader(
                  HttpHeaders.CONTENT_TYPE, contentType == null ? "application/json" : contentType)
              .putHeader(BACKEND_HEADER, complete.backend());
          response.end(body);
        });
  }

  private void relayStream(
      GatewayCall call,
      HttpServerResponse response,
      UpstreamResponse.Streaming streaming,
      Promise<Void> cancelled,
      BackendCallTrace trace,
      CallEnding done) {
    call.status(streaming.status());
    long ttfb = TimeUnit.NANOSECONDS.toMicros(streaming.timeToFirstByte().toNanos());
    call.timeToFirstByteMicros(ttfb);
    latency.record(streaming.backend(), ttfb);
    rememberSticky(call);
    ReadStream<SseEvent> events = streaming.events();
    AnswerText answer = done.keepsAnswer() ? new AnswerText() : null;
    StreamEnd end = new StreamEnd(call, response, answer, done);
    if (!response.closed()) {
      // The caller went away: cancel the backend call (the connector resets the upstream request
      // and drops what it buffered) and end the call.
      response.closeHandler(
          v -> {
            cancelled.tryComplete();
            events.resume();
            end.callerLeft();
          });
      response
          .setStatusCode(200)
          .setChunked(true)
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
          .putHeader(BACKEND_HEADER, streaming.backend());
    }
    AnswerStream scan =
        call.attached(ResponsePlan.class)
            .filter(ResponsePlan::active)
            .map(answers::stream)
            .orElse(null);
    events.handler(
        event -> {
          relayEvents(call, response, scan == null ? List.of(event) : scan.onEvent(event), end);
          if (scan != null && scan.ended()) {
            call.errorCode("policy_denied");
          }
          if (!response.closed() && response.writeQueueFull()) {
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
          if (scan != null) {
            relayEvents(call, response, scan.onEnd(), end);
          }
          end.eventsEnded();
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
                          if (error.kind() == UpstreamFailure.Kind.CANCELLED) {
                            call.errorCode("client_closed_request");
                            LOG.debugf(
                                "Request %s: the caller left; stream from %s cancelled",
                                call.requestId(), streaming.backend());
                            return;
                          }
                          call.errorCode(error.kind().code());
                          LOG.warnf(
                              "Request %s: stream from %s broke off: %s",
                              call.requestId(), streaming.backend(), error.toString());
                        });
              }
              end.resultKnown();
            });
  }

  /**
   * Writes chunks as they come; the last event ({@code [DONE]} or an error event, e.g. a blocked
   * type in the answer) waits in {@link StreamEnd} until the audit record is durable.
   */
  private static void relayEvents(
      GatewayCall call, HttpServerResponse response, List<SseEvent> events, StreamEnd end) {
    for (SseEvent event : events) {
      if (event.kind() != SseEvent.Kind.CHUNK) {
        end.last(event);
        continue;
      }
      end.chunk(event);
      if (!response.closed() && !response.ended()) {
        response.write(event.toBuffer()); // else keep draining: the connector sees its stream end
      }
    }
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
      CallEnding done) {
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
    done.fail(error);
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
