package dev.polder.connectors.transport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import io.vertx.core.Future;

/**
 * One protocol (OpenAI-compatible, KServe v2, echo) spoken to one backend, one attempt at a time.
 * Retries and the circuit breaker are layered on top by {@link
 * dev.polder.connectors.resilience.ResilientConnector}.
 *
 * <p>Contract: the future fails only with {@link UpstreamFailure} (before the first byte); 5xx and
 * 429 answers are failures (retryable), other answers are {@link UpstreamResponse.Complete}; a
 * {@link UpstreamResponse.Streaming} is returned only after its first event arrived.
 */
public interface ProtocolClient {

  Future<UpstreamResponse> attempt(UpstreamRequest request, CallContext call);

  Future<ObjectNode> listModels();

  Future<Void> close();
}
