package dev.polder.connectors.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;

/**
 * What one OpenAI-compatible server does differently. The client speaks the protocol exactly; a
 * dialect only adjusts the outgoing body copy and says what the server can do. One small class per
 * provider; add a provider by adding one and registering it in {@link
 * dev.polder.connectors.ConnectorFactory}.
 */
public interface OpenAiDialect {

  /** Provider name in configuration, e.g. {@code vllm}. */
  String provider();

  /** Whether the server serves this endpoint at all. */
  default boolean supports(Endpoint endpoint) {
    return true;
  }

  /**
   * Whether the server accepts {@code stream_options.include_usage}. If not, the option is removed
   * and usage is not available from its streams.
   */
  default boolean acceptsStreamOptions() {
    return true;
  }

  /** Adjusts the outgoing body (already a copy, model already set). */
  default void adaptRequest(Endpoint endpoint, ObjectNode body, BackendSpec spec) {}
}
