package dev.polder.connectors.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.resilience.CircuitBreaker;
import io.vertx.core.Future;

/**
 * The client of one backend, with retries, timeouts and a circuit breaker built in. Thread-safe;
 * call it from a Vert.x event loop (the stream's events arrive on the caller's context).
 *
 * <p>Futures returned here fail only with {@link UpstreamFailure}.
 */
public interface ModelConnector {

  BackendSpec spec();

  /** Sends one call: retried before the first byte, subject to the circuit breaker. */
  Future<UpstreamResponse> send(UpstreamRequest request);

  /**
   * As {@link #send(UpstreamRequest)}, given up when {@code cancelled} completes (the client went
   * away): a pending attempt is aborted, no retry follows, and the future fails with a {@code
   * cancelled} {@link UpstreamFailure} that neither counts against the circuit nor invites
   * failover. Once a stream was returned, cancelling also cancels its events.
   */
  Future<UpstreamResponse> send(UpstreamRequest request, Future<Void> cancelled);

  /** The backend's models in OpenAI's list shape {@code {"object":"list","data":[{"id":...}]}}. */
  Future<ObjectNode> listModels();

  /** This backend's circuit breaker (state for health checks and metrics). */
  CircuitBreaker circuitBreaker();

  /** Releases connections. */
  Future<Void> close();
}
