package dev.polder.connectors.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers like Triton: KServe v2 {@code /v2/models/{m}/infer} (BYTES input → FP32 output {@code
 * embedding} of shape [n, 4]: [text length, 0.5, -0.5, index]), the generate extension ({@code
 * /generate} → "Hello from Triton", {@code /generate_stream} → SSE deltas {@link #PIECES}), and
 * {@code /v2/repository/index}. Token counts {@code num_input_tokens=5}, {@code
 * num_output_tokens=3} are reported. Unknown models get 400 {@code {"error": "..."}}.
 */
public final class TritonLike implements Behaviour {

  public static final List<String> PIECES = List.of("Hello", " from", " Triton");
  private static final Pattern MODEL_PATH =
      Pattern.compile("/v2/models/([^/]+)/(infer|generate|generate_stream)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String knownModel;

  public TritonLike(String knownModel) {
    this.knownModel = knownModel;
  }

  @Override
  public void answer(Exchange exchange) {
    RecordedRequest request = exchange.recorded();
    HttpServerResponse response = exchange.response();
    if (request.path().equals("/v2/repository/index")) {
      json(
          response,
          200,
          "[{\"name\":\""
              + knownModel
              + "\",\"version\":\"1\",\"state\":\"READY\"},{\"name\":\"broken\",\"version\":\"1\",\"state\":\"UNAVAILABLE\",\"reason\":\"load failed\"}]");
      return;
    }
    Matcher matcher = MODEL_PATH.matcher(request.path());
    if (!matcher.matches()) {
      json(response, 404, "{\"error\":\"Not Found\"}");
      return;
    }
    if (!matcher.group(1).equals(knownModel)) {
      json(
          response,
          400,
          "{\"error\":\"Request for unknown model: '" + matcher.group(1) + "' is not found\"}");
      return;
    }
    switch (matcher.group(2)) {
      case "infer" -> infer(response, request.json());
      case "generate" ->
          json(
              response,
              200,
              "{\"model_name\":\""
                  + knownModel
                  + "\",\"model_version\":\"1\",\"text_output\":\""
                  + String.join("", PIECES)
                  + "\",\"num_input_tokens\":5,\"num_output_tokens\":3}");
      default -> {
        HttpServerResponse sse = Behaviours.sseHead(exchange);
        for (int i = 0; i < PIECES.size(); i++) {
          ObjectNode event = JSON.createObjectNode();
          event
              .put("model_name", knownModel)
              .put("model_version", "1")
              .put("text_output", PIECES.get(i));
          if (i == PIECES.size() - 1) {
            event.put("num_input_tokens", 5).put("num_output_tokens", 3);
          }
          sse.write(Behaviours.event(event.toString()));
        }
        sse.end();
      }
    }
  }

  private void infer(HttpServerResponse response, ObjectNode body) {
    JsonNode input = body.path("inputs").path(0);
    if (!"BYTES".equals(input.path("datatype").asText())) {
      json(response, 400, "{\"error\":\"expected BYTES input\"}");
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("model_name", knownModel).put("model_version", "1");
    ObjectNode output = root.putArray("outputs").addObject();
    int n = input.path("data").size();
    output.put("name", "embedding");
    output.putArray("shape").add(n).add(4);
    output.put("datatype", "FP32");
    ArrayNode data = output.putArray("data");
    for (int i = 0; i < n; i++) {
      data.add(input.path("data").path(i).asText().length()).add(0.5).add(-0.5).add(i);
    }
    json(response, 200, root.toString());
  }

  private static void json(HttpServerResponse response, int status, String body) {
    response.setStatusCode(status).putHeader("content-type", "application/json").end(body);
  }
}
