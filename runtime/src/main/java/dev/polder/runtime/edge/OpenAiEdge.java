package dev.polder.runtime.edge;

import dev.polder.runtime.audit.trail.AuditTrail;
import dev.polder.runtime.audit.trail.CallRecords;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.error.OpenAiErrors;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.GatewayCall.Operation;
import dev.polder.runtime.pipeline.Pipeline;
import dev.polder.runtime.telemetry.GatewayTracing;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The OpenAI-compatible HTTP edge on Vert.x. It reads the request, runs the route of the operation
 * on a worker thread (the route decides), then relays the backend's answer on the event loop (the
 * bytes never ride in a Camel message). Every request ends through one {@link CallEnding}: the
 * after-route runs and the audit record is durable before the response (or a stream's last event)
 * is sent. Requests that reach no route (unknown path, body too large, ...) are audited here.
 */
@ApplicationScoped
public class OpenAiEdge {

  private static final Logger LOG = Logger.getLogger(OpenAiEdge.class);
  static final String REQUEST_ID_HEADER = "x-polder-request-id";
  static final String DECISION_HEADER = "x-polder-decision";

  /** Routing-context key of the call's {@link CallEnding}: such a request is audited there. */
  private static final String ENDING = "polder.ending";

  private static final String RECEIVED = "polder.received-nanos";

  private final GatewayConfig config;
  private final Pipeline pipeline;
  private final BackendRelay relay;
  private final AuditTrail trail;
  private final Vertx vertx;
  private final GatewayTracing tracing;
  private final boolean onEventLoop;

  @Inject
  OpenAiEdge(
      GatewayConfig config,
      Pipeline pipeline,
      BackendRelay relay,
      AuditTrail trail,
      Vertx vertx,
      GatewayTracing tracing) {
    this.config = config;
    this.pipeline = pipeline;
    this.relay = relay;
    this.trail = trail;
    this.vertx = vertx;
    this.tracing = tracing;
    this.onEventLoop = config.routes().onEventLoop();
  }

  void routes(@Observes Router router) {
    // First of all handlers: when the request arrived, for the records of requests no route takes.
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            ctx -> {
              ctx.put(RECEIVED, System.nanoTime());
              ctx.next();
            });
    BodyHandler body =
        BodyHandler.create(false)
            .setBodyLimit(config.limits().maxBodyBytes())
            .setDeleteUploadedFilesOnEnd(true);
    post(router, body, "/v1/chat/completions", Operation.CHAT_COMPLETIONS);
    post(router, body, "/v1/completions", Operation.COMPLETIONS);
    post(router, body, "/v1/embeddings", Operation.EMBEDDINGS);
    router
        .get("/v1/models")
        .handler(ctx -> handle(ctx, Operation.MODELS))
        .failureHandler(this::failure);
    // Everything else, and Vert.x's own error pages, answer in OpenAI's error shape too.
    for (int status : new int[] {400, 404, 405, 413, 415, 500, 501, 503}) {
      router.errorHandler(status, ctx -> reply(ctx, status, ctx.failure()));
    }
  }

  private void post(Router router, BodyHandler body, String path, Operation operation) {
    router
        .post(path)
        .handler(body)
        .handler(ctx -> handle(ctx, operation))
        .failureHandler(this::failure);
  }

  private void handle(RoutingContext ctx, Operation operation) {
    String requestId = newRequestId();
    HttpServerResponse response = ctx.response();
    response.putHeader(REQUEST_ID_HEADER, requestId);
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    GatewayCall call =
        new GatewayCall(
            requestId, operation, ctx.request().headers(), body == null ? null : body.getBytes());
    tracing.requestStarted(
        call, ctx.request().method().name(), ctx.currentRoute().getPath(), ctx.request().headers());
    CallEnding ending =
        new CallEnding(
            call,
            response,
            vertx.getOrCreateContext(),
            pipeline,
            trail,
            vertx,
            onEventLoop,
            () -> tracing.requestEnded(call));
    ctx.put(ENDING, ending);
    if (onEventLoop) {
      Throwable failure = null;
      try {
        pipeline.before(call);
      } catch (RuntimeException e) {
        failure = e;
      }
      decided(call, operation, response, ending, failure);
    } else {
      vertx
          .executeBlocking(
              () -> {
                pipeline.before(call);
                return call;
              },
              false)
          .onComplete(
              result ->
                  decided(
                      call, operation, response, ending, result.failed() ? result.cause() : null));
    }
  }

  private void decided(
      GatewayCall call,
      Operation operation,
      HttpServerResponse response,
      CallEnding ending,
      Throwable failure) {
    call.decisionSummary().ifPresent(summary -> response.putHeader(DECISION_HEADER, summary));
    if (failure != null) {
      ending.fail(asGatewayException(failure, call));
    } else if (call.responseBody().isPresent()) {
      call.status(200);
      String answer = call.responseBody().get().toString();
      ending.end(
          auditFailure -> {
            if (auditFailure != null) {
              ErrorReplies.send(response, auditFailure);
            } else if (!response.ended() && !response.closed()) {
              response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(answer);
            }
          });
    } else if (call.request() == null || call.candidates().isEmpty()) {
      // A route edited so that it no longer parses or selects: say so, do not guess.
      GatewayException error =
          new GatewayException(
              500,
              "server_error",
              "pipeline_incomplete",
              null,
              "Route '"
                  + operation.routeId()
                  + "' must run the steps 'parse' and 'select-backend'");
      LOG.error(error.getMessage());
      ending.fail(error);
    } else {
      relayGuarded(call, ending);
    }
  }

  private void relayGuarded(GatewayCall call, CallEnding ending) {
    try {
      relay.relay(call, ending);
    } catch (RuntimeException e) {
      // A relay bug before the call ended; after it ended the second end is refused and logged.
      LOG.errorf(e, "Request %s: relay failed", call.requestId());
      ending.fail(OpenAiErrors.forStatus(500));
    }
  }

  private void failure(RoutingContext ctx) {
    reply(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 500, ctx.failure());
  }

  private void reply(RoutingContext ctx, int status, Throwable failure) {
    GatewayException error;
    if (failure instanceof GatewayException gatewayException) {
      error = gatewayException;
    } else if (status == 413) {
      error = GatewayException.tooLarge(config.limits().maxBodyBytes());
    } else {
      error = OpenAiErrors.forStatus(status);
    }
    HttpServerResponse response = ctx.response();
    String requestId = response.headers().get(REQUEST_ID_HEADER);
    if (requestId == null && !response.headWritten()) {
      requestId = newRequestId();
      response.putHeader(REQUEST_ID_HEADER, requestId);
    }
    if (status >= 500 && failure != null) {
      LOG.errorf(
          failure,
          "Request %s: %s %s failed",
          requestId,
          ctx.request().method(),
          ctx.request().path());
    }
    if (ctx.get(ENDING) != null || requestId == null || response.ended()) {
      ErrorReplies.send(response, error); // audited where the call ends (or already answered)
      return;
    }
    auditUnrouted(ctx, requestId, error);
  }

  /** A request no route took (unknown path, wrong method, body too large): audited here. */
  private void auditUnrouted(RoutingContext ctx, String requestId, GatewayException error) {
    Long received = ctx.get(RECEIVED);
    HttpServerResponse response = ctx.response();
    Context context = vertx.getOrCreateContext();
    ctx.put(ENDING, Boolean.TRUE);
    trail
        .appendAsync(
            CallRecords.unrouted(
                requestId,
                ctx.request().path() == null ? "/" : ctx.request().path(),
                received == null ? System.nanoTime() : received,
                ctx.request().getHeader("traceparent"),
                error.status(),
                error.code()))
        .whenComplete(
            (receipt, failure) ->
                context.runOnContext(
                    v -> {
                      if (failure != null) {
                        LOG.errorf(
                            "Request %s: audit record not written, the request fails: %s",
                            requestId, failure.getMessage());
                      }
                      ErrorReplies.send(
                          response, failure == null ? error : CallEnding.auditFailed(requestId));
                    }));
  }

  private static GatewayException asGatewayException(Throwable cause, GatewayCall call) {
    if (cause instanceof GatewayException gatewayException) {
      return gatewayException;
    }
    LOG.errorf(cause, "Request %s failed in the pipeline", call.requestId());
    return OpenAiErrors.forStatus(500);
  }

  private static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
