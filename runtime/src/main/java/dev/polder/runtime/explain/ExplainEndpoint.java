package dev.polder.runtime.explain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.audit.trail.CallProperties;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.error.OpenAiErrors;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.GatewayCall.Operation;
import dev.polder.runtime.pipeline.Pipeline;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * {@code POST /polder/v1/explain}: a chat request in, its explanation out ({@link Explainer}), with
 * the same key check as {@code /v1/chat/completions} and no backend call. The after-route runs too
 * (marked as a dry run), so the call is audited like any other.
 */
@ApplicationScoped
public class ExplainEndpoint {

  public static final String PATH = "/polder/v1/explain";
  private static final Logger LOG = Logger.getLogger(ExplainEndpoint.class);

  private final GatewayConfig config;
  private final Explainer explainer;
  private final Pipeline pipeline;
  private final Vertx vertx;

  @Inject
  ExplainEndpoint(GatewayConfig config, Explainer explainer, Pipeline pipeline, Vertx vertx) {
    this.config = config;
    this.explainer = explainer;
    this.pipeline = pipeline;
    this.vertx = vertx;
  }

  void routes(@Observes Router router) {
    router
        .post(PATH)
        .handler(BodyHandler.create(false).setBodyLimit(config.limits().maxBodyBytes()))
        .handler(this::handle)
        .failureHandler(this::failure);
  }

  private void handle(RoutingContext ctx) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String requestId = new UUID(random.nextLong(), random.nextLong()).toString();
    HttpServerResponse response = ctx.response();
    response.putHeader("x-polder-request-id", requestId);
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    GatewayCall call =
        new GatewayCall(
            requestId,
            Operation.CHAT_COMPLETIONS,
            ctx.request().headers(),
            body == null ? null : body.getBytes());
    vertx
        .executeBlocking(
            () -> {
              try {
                ObjectNode explanation = explainer.explain(call);
                call.status(200);
                return explanation;
              } catch (RuntimeException e) {
                GatewayException error = asGatewayException(e, call);
                call.status(error.status());
                call.errorCode(error.code());
                throw error;
              } finally {
                pipeline.after(call);
                awaitAuditRecord(call);
              }
            },
            false)
        .onComplete(
            result -> {
              call.decisionSummary()
                  .ifPresent(summary -> response.putHeader("x-polder-decision", summary));
              if (result.succeeded()) {
                response
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(result.result().toString());
              } else {
                send(response, (GatewayException) result.cause());
              }
            });
  }

  /**
   * Like every answer, an explanation leaves only once its audit record is durable (the
   * after-route's audit step left the pending append on the call); a record that cannot be written
   * fails it.
   */
  private static void awaitAuditRecord(GatewayCall call) {
    if (call.properties().get(CallProperties.PENDING) instanceof CompletableFuture<?> pending) {
      try {
        pending.join();
      } catch (RuntimeException e) {
        LOG.errorf("Request %s: audit record not written: %s", call.requestId(), e.getMessage());
        throw new GatewayException(
            500,
            "server_error",
            "audit_unavailable",
            null,
            "The request could not be recorded in the audit log; see the gateway log for request "
                + call.requestId());
      }
    }
  }

  private void failure(RoutingContext ctx) {
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    GatewayException error =
        ctx.failure() instanceof GatewayException e
            ? e
            : status == 413
                ? GatewayException.tooLarge(config.limits().maxBodyBytes())
                : OpenAiErrors.forStatus(status);
    send(ctx.response(), error);
  }

  private static GatewayException asGatewayException(RuntimeException e, GatewayCall call) {
    if (e instanceof GatewayException gatewayException) {
      return gatewayException;
    }
    LOG.errorf(e, "Request %s: explain failed", call.requestId());
    return OpenAiErrors.forStatus(500);
  }

  private static void send(HttpServerResponse response, GatewayException error) {
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (error.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.end(OpenAiErrors.body(error));
  }
}
