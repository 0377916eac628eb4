package dev.polder.connectors.resilience;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamFailure.Kind;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.transport.CallContext;
import dev.polder.connectors.transport.ProtocolClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A backend's {@link ModelConnector}: the circuit breaker guards each call, failed attempts before
 * the first byte are retried with backoff (connect errors, resets, 5xx, 429 with its Retry-After),
 * and the call's final outcome — for streams, how the stream ended — is recorded on the circuit.
 */
public final class ResilientConnector implements ModelConnector {

  private static final Set<Kind> RETRYABLE =
      EnumSet.of(
          Kind.CONNECT_FAILED,
          Kind.CONNECTION_RESET,
          Kind.UPSTREAM_SERVER_ERROR,
          Kind.RATE_LIMITED);

  private final Vertx vertx;
  private final BackendSpec spec;
  private final ProtocolClient client;
  private final CircuitBreaker circuitBreaker;
  private final Backoff backoff;

  public ResilientConnector(Vertx vertx, BackendSpec spec, ProtocolClient client) {
    this.vertx = vertx;
    this.spec = spec;
    this.client = client;
    this.circuitBreaker = new CircuitBreaker(spec.name(), spec.circuitBreaker());
    this.backoff = new Backoff(spec.retry(), () -> ThreadLocalRandom.current().nextDouble());
  }

  @Override
  public BackendSpec spec() {
    return spec;
  }

  @Override
  public CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  @Override
  public Future<UpstreamResponse> send(UpstreamRequest request) {
    return send(request, Promise.<Void>promise().future());
  }

  @Override
  public Future<UpstreamResponse> send(UpstreamRequest request, Future<Void> cancelled) {
    if (!circuitBreaker.tryAcquire()) {
      return Future.failedFuture(
          UpstreamFailure.of(
              Kind.CIRCUIT_OPEN,
              spec.name(),
              "backend '" + spec.name() + "' is unavailable: its circuit breaker is open"));
    }
    Context context = vertx.getOrCreateContext();
    Promise<UpstreamResponse> promise = Promise.promise();
    long start = System.nanoTime();
    context.runOnContext(v -> attempt(request, 1, start, cancelled, promise));
    cancelled.onSuccess(
        v -> {
          UpstreamResponse response = promise.future().result();
          if (response instanceof UpstreamResponse.Streaming streaming) {
            streaming.events().cancel();
          }
        });
    return promise.future();
  }

  private void attempt(
      UpstreamRequest request,
      int attempt,
      long start,
      Future<Void> cancelled,
      Promise<UpstreamResponse> promise) {
    if (cancelled.succeeded()) {
      circuitBreaker.release();
      promise.fail(
          UpstreamFailure.of(
              Kind.CANCELLED,
              spec.name(),
              "the caller cancelled the call to backend '" + spec.name() + "'"));
      return;
    }
    Future<UpstreamResponse> future;
    try {
      future = client.attempt(request, new CallContext(attempt, start, cancelled));
    } catch (UpstreamFailure e) {
      future = Future.failedFuture(e);
    } catch (RuntimeException e) {
      future =
          Future.failedFuture(
              new UpstreamFailure(
                  Kind.INVALID_REQUEST,
                  spec.name(),
                  "cannot call backend '" + spec.name() + "': " + e.getMessage(),
                  true,
                  null,
                  null,
                  e));
    }
    future.onComplete(
        ar -> {
          if (ar.succeeded()) {
            succeeded(ar.result(), promise);
            return;
          }
          UpstreamFailure failure = asFailure(ar.cause());
          Optional<Duration> delay = retryDelay(failure, attempt, start);
          if (delay.isPresent()) {
            vertx.setTimer(
                Math.max(1, delay.get().toMillis()),
                t -> attempt(request, attempt + 1, start, cancelled, promise));
            return;
          }
          record(failure);
          promise.fail(failure);
        });
  }

  private Optional<Duration> retryDelay(UpstreamFailure failure, int attempt, long start) {
    if (!RETRYABLE.contains(failure.kind()) || attempt >= spec.retry().maxAttempts()) {
      return Optional.empty();
    }
    Duration delay = backoff.delayAfter(attempt, failure.retryAfter());
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    // A retry that could not even start before the total deadline is pointless.
    if (elapsed.plus(delay).compareTo(spec.timeouts().total()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(delay);
  }

  private void succeeded(UpstreamResponse response, Promise<UpstreamResponse> promise) {
    if (response instanceof UpstreamResponse.Streaming streaming) {
      streaming
          .result()
          .onComplete(
              r -> {
                if (r.succeeded() && r.result().error().isPresent()) {
                  record(r.result().error().get());
                } else {
                  circuitBreaker.recordSuccess();
                }
              });
    } else if (response instanceof UpstreamResponse.Complete complete) {
      if (complete.isSuccess()) {
        circuitBreaker.recordSuccess();
      } else {
        // A 4xx is about the request, not the backend's health.
        circuitBreaker.release();
      }
    }
    promise.complete(response);
  }

  private void record(UpstreamFailure failure) {
    if (failure.countsAgainstCircuit()) {
      circuitBreaker.recordFailure();
    } else {
      circuitBreaker.release();
    }
  }

  private UpstreamFailure asFailure(Throwable cause) {
    if (cause instanceof UpstreamFailure failure) {
      return failure;
    }
    // Not expected: every client fails with UpstreamFailure. Report it, do not let it escape.
    return new UpstreamFailure(
        Kind.INVALID_RESPONSE,
        spec.name(),
        "call to backend '" + spec.name() + "' failed: " + cause,
        true,
        null,
        null,
        cause);
  }

  @Override
  public Future<ObjectNode> listModels() {
    return client
        .listModels()
        .recover(
            e ->
                Future.failedFuture(
                    e instanceof UpstreamFailure
                        ? e
                        : new UpstreamFailure(
                            Kind.INVALID_RESPONSE,
                            spec.name(),
                            "cannot list models of backend '"
                                + spec.name()
                                + "': "
                                + e.getMessage(),
                            true,
                            null,
                            null,
                            e)));
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
