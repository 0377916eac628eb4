package dev.polder.runtime.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.testing.Behaviour;
import dev.polder.connectors.testing.Behaviours;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * An upstream that answers with the text of the last user message it received (pseudonyms
 * included), so a test sees what the gateway restores. Streams go out in pieces of {@code
 * pieceChars}, so pseudonyms and entities are split across SSE events.
 */
final class EchoUpstream implements Behaviour {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final int pieceChars;
  private final String fixedAnswer;

  private EchoUpstream(int pieceChars, String fixedAnswer) {
    this.pieceChars = pieceChars;
    this.fixedAnswer = fixedAnswer;
  }

  /** Echoes the last user message. */
  static EchoUpstream echo(int pieceChars) {
    return new EchoUpstream(pieceChars, null);
  }

  /** Answers {@code text} whatever was asked. */
  static EchoUpstream answering(String text, int pieceChars) {
    return new EchoUpstream(pieceChars, text);
  }

  @Override
  public void answer(dev.polder.connectors.testing.Exchange exchange) {
    ObjectNode request = exchange.recorded().json();
    String text = fixedAnswer != null ? fixedAnswer : lastUserText(request);
    HttpServerResponse response = exchange.response();
    if (!request.path("stream").asBoolean(false)) {
      ObjectNode root = JSON.createObjectNode();
      root.put("id", "chatcmpl-echo").put("object", "chat.completion").put("created", 1700000000);
      root.put("model", request.path("model").asText());
      ObjectNode choice = root.putArray("choices").addObject();
      choice.put("index", 0).putObject("message").put("role", "assistant").put("content", text);
      choice.put("finish_reason", "stop");
      root.putObject("usage")
          .put("prompt_tokens", 5)
          .put("completion_tokens", 5)
          .put("total_tokens", 10);
      response
          .setStatusCode(200)
          .putHeader("content-type", "application/json")
          .end(root.toString());
      return;
    }
    HttpServerResponse sse = Behaviours.sseHead(exchange);
    sse.write(Behaviours.event(chunk(request, "", null)));
    for (String piece : pieces(text)) {
      sse.write(Behaviours.event(chunk(request, piece, null)));
    }
    sse.write(Behaviours.event(chunk(request, null, "stop")));
    sse.end(Behaviours.event("[DONE]"));
  }

  private List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); i += pieceChars) {
      out.add(text.substring(i, Math.min(text.length(), i + pieceChars)));
    }
    return out;
  }

  private static String chunk(ObjectNode request, String content, String finish) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-echo-2")
        .put("object", "chat.completion.chunk")
        .put("created", 1700000000);
    root.put("model", request.path("model").asText());
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (content != null) {
      delta.put("content", content);
    }
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return root.toString();
  }

  static String lastUserText(JsonNode request) {
    String text = "";
    for (JsonNode message : request.path("messages")) {
      if (message.path("role").asText().equals("user")) {
        JsonNode content = message.path("content");
        if (content.isTextual()) {
          text = content.asText();
        } else {
          StringBuilder all = new StringBuilder();
          content.forEach(part -> all.append(part.path("text").asText("")));
          text = all.toString();
        }
      }
    }
    return text;
  }
}
