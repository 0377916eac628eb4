package dev.polder.runtime.edge;

import dev.polder.runtime.audit.AuditReceipt;
import dev.polder.runtime.audit.LogMode;
import dev.polder.runtime.audit.trail.AuditTrail;
import dev.polder.runtime.audit.trail.CallProperties;
import dev.polder.runtime.audit.trail.CallRecords;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall;
import dev.polder.runtime.pipeline.Pipeline;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The end of one call, which happens exactly once: the after-route runs (account, audit, ...), the
 * edge waits until the call's audit record is durable, and only then the response — or a stream's
 * last event — goes out. When the record cannot be written the caller gets a 500 in its place: no
 * answer leaves without its record (fail closed).
 */
final class CallEnding {

  private static final Logger LOG = Logger.getLogger(CallEnding.class);
  private static final Set<String> WARNED_NO_AUDIT_STEP = ConcurrentHashMap.newKeySet();

  private final GatewayCall call;
  private final HttpServerResponse response;
  private final Context context;
  private final Pipeline pipeline;
  private final AuditTrail trail;
  private final Vertx vertx;
  private final boolean onEventLoop;
  private final AtomicBoolean ended = new AtomicBoolean();

  private final Runnable afterRouteRan;

  CallEnding(
      GatewayCall call,
      HttpServerResponse response,
      Context context,
      Pipeline pipeline,
      AuditTrail trail,
      Vertx vertx,
      boolean onEventLoop,
      Runnable afterRouteRan) {
    this.afterRouteRan = afterRouteRan;
    this.call = call;
    this.response = response;
    this.context = context;
    this.pipeline = pipeline;
    this.trail = trail;
    this.vertx = vertx;
    this.onEventLoop = onEventLoop;
  }

  HttpServerResponse response() {
    return response;
  }

  /** Whether the record keeps the answer text, so the relay should collect it. */
  boolean keepsAnswer() {
    return trail.enabled() && CallRecords.logMode(call, trail.defaultLogMode()) == LogMode.FULL;
  }

  /** Ends the call with an error reply (status and code go into the record). */
  void fail(GatewayException error) {
    call.status(error.status());
    call.errorCode(error.code());
    end(auditFailure -> ErrorReplies.send(response, auditFailure != null ? auditFailure : error));
  }

  /**
   * Ends the call: {@code write} runs on the request's context once the record is durable, with
   * null, or with the error to send instead when the record could not be written. Status and error
   * code of the call must be what the caller is about to get.
   */
  void end(Consumer<GatewayException> write) {
    if (!ended.compareAndSet(false, true)) {
      LOG.errorf("Request %s: ended twice; the second end is ignored", call.requestId());
      return;
    }
    if (response.closed() && !response.ended()) {
      if (!response.headWritten()) {
        call.status(499);
      }
      if (call.errorCode().isEmpty()) {
        call.errorCode("client_closed_request");
      }
    }
    Future<Void> afterRoute =
        onEventLoop
            ? Future.succeededFuture(runAfterRoute())
            : vertx.executeBlocking(this::runAfterRoute, false);
    afterRoute.onComplete(
        ran ->
            pending()
                .whenComplete(
                    (receipt, failure) ->
                        context.runOnContext(
                            v -> {
                              if (failure == null) {
                                write.accept(null);
                                return;
                              }
                              LOG.errorf(
                                  "Request %s: audit record not written, the request fails: %s",
                                  call.requestId(), failure.getMessage());
                              write.accept(auditFailed(call.requestId()));
                            })));
  }

  private Void runAfterRoute() {
    try {
      pipeline.after(call);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Request %s: the after-route failed", call.requestId());
    } finally {
      afterRouteRan.run(); // the request span ends with the after-route
    }
    return null;
  }

  /** The audit step's pending append; the edge appends itself when no step did. */
  @SuppressWarnings("unchecked")
  private CompletableFuture<AuditReceipt> pending() {
    Object pending = call.properties().get(CallProperties.PENDING);
    if (pending instanceof CompletableFuture<?> future) {
      return (CompletableFuture<AuditReceipt>) future;
    }
    if (!trail.enabled()) {
      return CompletableFuture.completedFuture(null);
    }
    String route = call.operation().routeId() + "-after";
    if (WARNED_NO_AUDIT_STEP.add(route)) {
      LOG.warnf(
          "Route %s did not run the step 'audit' (routes/%s.camel.yaml): the edge writes the"
              + " records itself",
          route, route);
    }
    try {
      return trail.appendAsync(CallRecords.of(call, trail.defaultLogMode()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** What the caller gets when the record of its request cannot be written. */
  static GatewayException auditFailed(String requestId) {
    return new GatewayException(
        500,
        "server_error",
        "audit_unavailable",
        null,
        "The request could not be recorded in the audit log, so it was not completed; see the"
            + " gateway log for request "
            + requestId);
  }
}
