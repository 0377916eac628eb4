package dev.polder.runtime.edge;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.error.OpenAiErrors;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.GatewayCall.Operation;
import dev.polder.runtime.pipeline.Pipeline;
import dev.polder.runtime.telemetry.GatewayTracing;
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
 * bytes never ride in a Camel message) and finally runs the after-route.
 */
@ApplicationScoped
public class OpenAiEdge {

  private static final Logger LOG = Logger.getLogger(OpenAiEdge.class);
  static final String REQUEST_ID_HEADER = "x-polder-request-id";

  private final GatewayConfig config;
  private final Pipeline pipeline;
  private final BackendRelay relay;
  private final Vertx vertx;
  private final GatewayTracing tracing;
  private final boolean onEventLoop;

  @Inject
  OpenAiEdge(
      GatewayConfig config,
      Pipeline pipeline,
      BackendRelay relay,
      Vertx vertx,
      GatewayTracing tracing) {
    this.config = config;
    this.pipeline = pipeline;
    this.relay = relay;
    this.vertx = vertx;
    this.tracing = tracing;
    this.onEventLoop = config.routes().onEventLoop();
  }

  void routes(@Observes Router router) {
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
    if (onEventLoop) {
      Throwable failure = null;
      try {
        pipeline.before(call);
      } catch (RuntimeException e) {
        failure = e;
      }
      decided(call, operation, response, failure);
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
                  decided(call, operation, response, result.failed() ? result.cause() : null));
    }
  }

  private void decided(
      GatewayCall call, Operation operation, HttpServerResponse response, Throwable failure) {
    if (failure != null) {
      GatewayException error = asGatewayException(failure, call);
      call.status(error.status());
      call.errorCode(error.code());
      ErrorReplies.send(response, error);
      after(call);
    } else if (call.responseBody().isPresent()) {
      call.status(200);
      response
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end(call.responseBody().get().toString());
      after(call);
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
      call.status(500);
      call.errorCode(error.code());
      ErrorReplies.send(response, error);
      after(call);
    } else {
      relayGuarded(call, response);
    }
  }

  private void relayGuarded(GatewayCall call, HttpServerResponse response) {
    try {
      relay.relay(call, response, () -> after(call));
    } catch (RuntimeException e) {
      LOG.errorf(e, "Request %s: relay failed", call.requestId());
      call.status(500);
      call.errorCode("internal_error");
      ErrorReplies.send(response, OpenAiErrors.forStatus(500));
      after(call);
    }
  }

  private void after(GatewayCall call) {
    if (onEventLoop) {
      pipeline.after(call);
      tracing.requestEnded(call);
      return;
    }
    vertx.executeBlocking(
        () -> {
          try {
            pipeline.after(call);
          } finally {
            tracing.requestEnded(call);
          }
          return null;
        },
        false);
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
    ErrorReplies.send(response, error);
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
