package dev.polder.connectors.openai;

/** vLLM's OpenAI-compatible server: speaks the protocol, including stream usage; no quirks. */
public final class OpenAiVllmDialect implements OpenAiDialect {
  @Override
  public String provider() {
    return "vllm";
  }
}
