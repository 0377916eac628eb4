package dev.polder.connectors.kserve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.Usage;
import dev.polder.connectors.stream.InvalidUpstreamData;
import dev.polder.connectors.translate.OpenAiShapes;
import java.util.List;

/**
 * OpenAI chat/completions ⇄ Triton's generate extension ({@code {"text_input", "parameters"}} →
 * {@code {"model_name","model_version","text_output"}}). Sampling fields map to parameters of the
 * same name (the names vLLM's and TensorRT-LLM's Triton backends read); parameters can only be
 * strings, numbers or booleans, so array-valued fields (e.g. a list of stops) and other OpenAI
 * fields have no place in the request and are left out. Token counts come from {@code
 * num_input_tokens} / {@code num_output_tokens} when the model returns them.
 */
final class TritonGenerate {

  /** OpenAI request fields carried over as generate parameters (scalar values only). */
  private static final List<String> SCALAR_PARAMETERS =
      List.of("temperature", "top_p", "seed", "presence_penalty", "frequency_penalty", "stop");

  private final PromptRenderer renderer;

  TritonGenerate(PromptRenderer renderer) {
    this.renderer = renderer;
  }

  ObjectNode generateRequest(Endpoint endpoint, JsonNode body, boolean stream) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("text_input", textInput(endpoint, body));
    ObjectNode parameters = request.putObject("parameters");
    parameters.put("stream", stream);
    JsonNode maxTokens =
        body.has("max_tokens") ? body.get("max_tokens") : body.get("max_completion_tokens");
    if (maxTokens != null && maxTokens.isNumber()) {
      parameters.put("max_tokens", maxTokens.asLong());
    }
    for (String name : SCALAR_PARAMETERS) {
      JsonNode value = body.get(name);
      if (value != null && value.isValueNode() && !value.isNull()) {
        parameters.set(name, value);
      }
    }
    return request;
  }

  private String textInput(Endpoint endpoint, JsonNode body) {
    if (endpoint == Endpoint.CHAT_COMPLETIONS) {
      return renderer.render(body.get("messages"));
    }
    JsonNode prompt = body.get("prompt");
    if (prompt != null && prompt.isTextual()) {
      return prompt.asText();
    }
    if (prompt != null && prompt.isArray() && prompt.size() == 1 && prompt.get(0).isTextual()) {
      return prompt.get(0).asText();
    }
    throw new IllegalArgumentException(
        "prompt must be one string for a generate endpoint (token arrays and batches are not supported)");
  }

  /** The reported usage, when the model returned token counts. */
  static Usage usage(JsonNode response) {
    JsonNode input = response.get("num_input_tokens");
    JsonNode output = response.get("num_output_tokens");
    if (input == null || output == null || !input.isNumber() || !output.isNumber()) {
      return null;
    }
    return new Usage(input.asLong(), output.asLong(), input.asLong() + output.asLong());
  }

  static String finishReason(long outputTokens, JsonNode body) {
    JsonNode maxTokens =
        body.has("max_tokens") ? body.get("max_tokens") : body.get("max_completion_tokens");
    return maxTokens != null && maxTokens.isNumber() && outputTokens >= maxTokens.asLong()
        ? "length"
        : "stop";
  }

  static String textOutput(JsonNode response) {
    JsonNode text = response.get("text_output");
    if (text == null || !text.isTextual()) {
      throw new InvalidUpstreamData("the generate response has no text_output string");
    }
    return text.asText();
  }

  ObjectNode openAiResponse(
      Endpoint endpoint,
      JsonNode response,
      JsonNode requestBody,
      String id,
      long created,
      String model) {
    String text = textOutput(response);
    Usage usage = usage(response);
    String finish = usage == null ? "stop" : finishReason(usage.completionTokens(), requestBody);
    return OpenAiShapes.completion(endpoint, id, created, model, text, finish, usage);
  }
}
