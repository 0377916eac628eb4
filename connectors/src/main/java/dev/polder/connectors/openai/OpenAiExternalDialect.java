package dev.polder.connectors.openai;

/**
 * An external OpenAI-compatible API (OpenAI itself or a hosted compatible service), reached with
 * the backend's API key as Bearer token. No quirks: it is the reference protocol.
 */
public final class OpenAiExternalDialect implements OpenAiDialect {
  private final String provider;

  public OpenAiExternalDialect(String provider) {
    this.provider = provider;
  }

  @Override
  public String provider() {
    return provider;
  }
}
