package dev.polder.connectors.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;

/**
 * Ollama's OpenAI-compatible API under {@code /v1}: chat, completions, embeddings, models and
 * {@code stream_options.include_usage}. Its documented request fields list {@code max_tokens} but
 * not {@code max_completion_tokens}.
 */
public final class OpenAiOllamaDialect implements OpenAiDialect {
  @Override
  public String provider() {
    return "ollama";
  }

  @Override
  public void adaptRequest(Endpoint endpoint, ObjectNode body, BackendSpec spec) {
    if (endpoint != Endpoint.EMBEDDINGS) {
      MaxTokensAlias.apply(body);
    }
  }
}
