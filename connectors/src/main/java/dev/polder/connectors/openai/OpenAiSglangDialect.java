package dev.polder.connectors.openai;

/** SGLang's OpenAI-compatible server: chat, completions, embeddings and stream usage. */
public final class OpenAiSglangDialect implements OpenAiDialect {
  @Override
  public String provider() {
    return "sglang";
  }
}
