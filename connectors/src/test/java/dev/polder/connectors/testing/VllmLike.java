package dev.polder.connectors.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * Answers like vLLM's OpenAI-compatible server: chat (with tool calls when tools are given),
 * completions, embeddings, models; SSE with a role chunk, content chunks, a finish chunk, the usage
 * chunk when {@code stream_options.include_usage} is set, and {@code [DONE]}. Responses carry
 * fields a gateway does not know ({@code kv_transfer_params}, {@code prompt_logprobs}) to check
 * pass-through. Content: "Hello from vLLM" in pieces {@link #PIECES}; usage 7 + 4 tokens.
 */
public final class VllmLike implements Behaviour {

  public static final List<String> PIECES = List.of("Hello", " from", " vLLM");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void answer(Exchange exchange) {
    RecordedRequest request = exchange.recorded();
    HttpServerResponse response = exchange.response();
    switch (request.path()) {
      case "/v1/models" ->
          json(
              response,
              "{\"object\":\"list\",\"data\":[{\"id\":\"served-model\",\"object\":\"model\",\"owned_by\":\"vllm\",\"max_model_len\":8192}]}");
      case "/v1/chat/completions", "/v1/completions" ->
          generate(exchange, request.json(), request.path().endsWith("chat/completions"));
      case "/v1/embeddings" -> embeddings(response, request.json());
      default -> response.setStatusCode(404).end("{\"detail\":\"Not Found\"}");
    }
  }

  private static void generate(Exchange exchange, ObjectNode body, boolean chat) {
    HttpServerResponse response = exchange.response();
    String model = body.path("model").asText();
    boolean tools = chat && body.has("tools");
    if (!body.path("stream").asBoolean(false)) {
      ObjectNode root = JSON.createObjectNode();
      root.put("id", chat ? "chatcmpl-vllm-1" : "cmpl-vllm-1");
      root.put("object", chat ? "chat.completion" : "text_completion");
      root.put("created", 1700000000);
      root.put("model", model);
      ObjectNode choice = root.putArray("choices").addObject();
      choice.put("index", 0);
      if (chat) {
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (tools) {
          message.putNull("content");
          ObjectNode call = message.putArray("tool_calls").addObject();
          call.put("id", "call_1");
          call.put("type", "function");
          call.putObject("function")
              .put("name", "get_weather")
              .put("arguments", "{\"city\":\"Delft\"}");
        } else {
          message.put("content", String.join("", PIECES));
        }
        message.putNull("reasoning_content");
      } else {
        choice.put("text", String.join("", PIECES));
      }
      choice.putNull("logprobs");
      choice.put("finish_reason", tools ? "tool_calls" : "stop");
      choice.putNull("stop_reason");
      root.putObject("usage")
          .put("prompt_tokens", 7)
          .put("completion_tokens", 4)
          .put("total_tokens", 11);
      root.putNull("prompt_logprobs");
      root.putNull("kv_transfer_params");
      json(response, root.toString());
      return;
    }
    HttpServerResponse sse = Behaviours.sseHead(exchange);
    String id = chat ? "chatcmpl-vllm-2" : "cmpl-vllm-2";
    if (chat) {
      sse.write(Behaviours.event(chunk(id, model, true, null, null, body).toString()));
    }
    for (String piece : PIECES) {
      sse.write(Behaviours.event(chunk(id, model, chat, piece, null, body).toString()));
    }
    sse.write(Behaviours.event(chunk(id, model, chat, chat ? null : "", "stop", body).toString()));
    if (body.path("stream_options").path("include_usage").asBoolean(false)) {
      ObjectNode usage = JSON.createObjectNode();
      usage
          .put("id", id)
          .put("object", chat ? "chat.completion.chunk" : "text_completion")
          .put("created", 1700000000)
          .put("model", model);
      usage.putArray("choices");
      usage
          .putObject("usage")
          .put("prompt_tokens", 7)
          .put("completion_tokens", 4)
          .put("total_tokens", 11);
      sse.write(Behaviours.event(usage.toString()));
    }
    sse.end(Behaviours.event("[DONE]"));
  }

  private static ObjectNode chunk(
      String id, String model, boolean chat, String text, String finish, ObjectNode body) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", id);
    root.put("object", chat ? "chat.completion.chunk" : "text_completion");
    root.put("created", 1700000000);
    root.put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    if (chat) {
      ObjectNode delta = choice.putObject("delta");
      if (text == null && finish == null) {
        delta.put("role", "assistant").put("content", "");
      } else if (text != null) {
        delta.put("content", text);
      }
    } else {
      choice.put("text", text);
    }
    choice.putNull("logprobs");
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    if (body.path("stream_options").path("include_usage").asBoolean(false)) {
      root.putNull("usage");
    }
    return root;
  }

  private static void embeddings(HttpServerResponse response, ObjectNode body) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "embd-vllm-1");
    root.put("object", "list");
    root.put("created", 1700000000);
    root.put("model", body.path("model").asText());
    ArrayNode data = root.putArray("data");
    int count = body.path("input").isArray() ? body.path("input").size() : 1;
    for (int i = 0; i < count; i++) {
      ObjectNode item = data.addObject();
      item.put("index", i).put("object", "embedding");
      item.putArray("embedding").add(0.25).add(-0.5).add(i);
    }
    root.putObject("usage")
        .put("prompt_tokens", 3)
        .put("total_tokens", 3)
        .put("completion_tokens", 0);
    json(response, root.toString());
  }

  private static void json(HttpServerResponse response, String body) {
    response.setStatusCode(200).putHeader("content-type", "application/json").end(body);
  }
}
