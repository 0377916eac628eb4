package dev.polder.connectors.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;

/**
 * Hugging Face Text Generation Inference, Messages API ({@code /v1/chat/completions}, TGI ≥ 1.4).
 * TGI serves one model and its documentation addresses it as {@code "model": "tgi"}; it does not
 * support {@code stream_options} (huggingface/text-generation-inference#2531) and documents {@code
 * max_tokens} only. Embeddings are served by TEI, not TGI.
 */
public final class OpenAiTgiDialect implements OpenAiDialect {
  @Override
  public String provider() {
    return "tgi";
  }

  @Override
  public boolean supports(Endpoint endpoint) {
    return endpoint != Endpoint.EMBEDDINGS;
  }

  @Override
  public boolean acceptsStreamOptions() {
    return false;
  }

  @Override
  public void adaptRequest(Endpoint endpoint, ObjectNode body, BackendSpec spec) {
    if (spec.upstreamModel().isEmpty()) {
      body.put("model", "tgi");
    }
    MaxTokensAlias.apply(body);
  }
}
