package dev.polder.connectors.api;

/** The OpenAI-shaped operations a connector can perform; the edge maps its routes onto these. */
public enum Endpoint {
  CHAT_COMPLETIONS("/v1/chat/completions", "chat"),
  COMPLETIONS("/v1/completions", "text_completion"),
  EMBEDDINGS("/v1/embeddings", "embeddings");

  private final String openAiPath;
  private final String operationName;

  Endpoint(String openAiPath, String operationName) {
    this.openAiPath = openAiPath;
    this.operationName = operationName;
  }

  /**
   * The path of this operation on an OpenAI-compatible server, e.g. {@code /v1/chat/completions}.
   */
  public String openAiPath() {
    return openAiPath;
  }

  /** The GenAI semantic-convention {@code gen_ai.operation.name} of this operation. */
  public String operationName() {
    return operationName;
  }

  /** Whether this operation can stream (embeddings never do). */
  public boolean canStream() {
    return this != EMBEDDINGS;
  }
}
