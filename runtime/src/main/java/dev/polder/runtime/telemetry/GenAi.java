package dev.polder.runtime.telemetry;

import dev.polder.runtime.pipeline.GatewayCall.Operation;
import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * Attribute keys of the OpenTelemetry GenAI semantic conventions, and Polder's own. Prompt and
 * answer text are never recorded.
 */
final class GenAi {
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  static final AttributeKey<List<String>> FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<Double> TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Double> TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
  static final AttributeKey<Boolean> STREAM = AttributeKey.booleanKey("gen_ai.request.stream");

  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("polder.request_id");
  static final AttributeKey<String> ROUTE = AttributeKey.stringKey("polder.route");
  static final AttributeKey<String> STEP = AttributeKey.stringKey("polder.step");
  static final AttributeKey<String> BACKEND = AttributeKey.stringKey("polder.backend");
  static final AttributeKey<String> BACKEND_LOCATION =
      AttributeKey.stringKey("polder.backend.location");
  static final AttributeKey<String> TEAM = AttributeKey.stringKey("polder.team");
  static final AttributeKey<String> PRINCIPAL = AttributeKey.stringKey("polder.principal");
  static final AttributeKey<String> ENVIRONMENT = AttributeKey.stringKey("polder.environment");
  static final AttributeKey<String> DECISION = AttributeKey.stringKey("polder.decision");
  static final AttributeKey<String> CLASSIFICATION =
      AttributeKey.stringKey("polder.classification");
  static final AttributeKey<String> BUNDLE = AttributeKey.stringKey("polder.bundle");
  static final AttributeKey<Boolean> EGRESS = AttributeKey.booleanKey("polder.egress");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("polder.attempts");
  static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("polder.error_code");

  private GenAi() {}

  /** {@code gen_ai.operation.name} of an operation: chat, text_completion, embeddings. */
  static String operationName(Operation operation) {
    return switch (operation) {
      case CHAT_COMPLETIONS -> "chat";
      case COMPLETIONS -> "text_completion";
      case EMBEDDINGS -> "embeddings";
      case MODELS -> "list_models";
    };
  }
}
