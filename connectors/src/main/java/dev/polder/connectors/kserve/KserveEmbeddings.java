package dev.polder.connectors.kserve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.stream.InvalidUpstreamData;
import dev.polder.connectors.translate.EmbeddingEncoding;
import dev.polder.connectors.translate.TokenEstimate;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI embeddings ⇄ KServe v2 inference ({@code POST /v2/models/{m}/infer}). The texts go out as
 * one BYTES input tensor (name {@code kserve.input-name}, shape {@code [n]} or {@code [n,1]}); the
 * vectors come back as a floating-point output tensor of shape {@code [n, d]} (flat or nested
 * data).
 */
final class KserveEmbeddings {

  private final String inputName;
  private final boolean batchOfOne;
  private final String outputName;

  KserveEmbeddings(BackendSpec spec) {
    this.inputName = spec.option("kserve.input-name", "text");
    String shape = spec.option("kserve.input-shape", "batch");
    if (!shape.equals("batch") && !shape.equals("batch-1")) {
      throw new IllegalArgumentException(
          "options.kserve.input-shape must be batch or batch-1, was '" + shape + "'");
    }
    this.batchOfOne = shape.equals("batch-1");
    this.outputName = spec.option("kserve.output-name", "");
  }

  ObjectNode inferRequest(List<String> texts) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode input = root.putArray("inputs").addObject();
    input.put("name", inputName);
    ArrayNode shape = input.putArray("shape").add(texts.size());
    if (batchOfOne) {
      shape.add(1);
    }
    input.put("datatype", "BYTES");
    ArrayNode data = input.putArray("data");
    texts.forEach(data::add);
    if (!outputName.isEmpty()) {
      root.putArray("outputs").addObject().put("name", outputName);
    }
    return root;
  }

  ObjectNode openAiResponse(
      JsonNode inferResponse, List<String> texts, String encodingFormat, String model) {
    JsonNode output = pickOutput(inferResponse.path("outputs"));
    String datatype = output.path("datatype").asText("");
    if (!datatype.startsWith("FP")) {
      throw new InvalidUpstreamData(
          "output '"
              + output.path("name").asText()
              + "' has datatype "
              + datatype
              + ", not FP16/32/64");
    }
    List<Double> values = new ArrayList<>();
    flatten(output.path("data"), values);
    int n = texts.size();
    if (values.isEmpty() || values.size() % n != 0) {
      throw new InvalidUpstreamData(
          "output holds " + values.size() + " values, not a multiple of the " + n + " inputs");
    }
    int dimensions = values.size() / n;
    JsonNode shape = output.path("shape");
    if (shape.isArray() && !shape.isEmpty() && shape.get(shape.size() - 1).asInt() != dimensions) {
      throw new InvalidUpstreamData(
          "output shape " + shape + " does not match " + n + " vectors of " + dimensions);
    }
    List<float[]> vectors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] vector = new float[dimensions];
      for (int j = 0; j < dimensions; j++) {
        vector[j] = values.get(i * dimensions + j).floatValue();
      }
      vectors.add(vector);
    }
    long tokens = texts.stream().mapToLong(TokenEstimate::of).sum();
    String name = inferResponse.path("model_name").asText(model);
    return EmbeddingEncoding.response(vectors, encodingFormat, name, tokens);
  }

  private JsonNode pickOutput(JsonNode outputs) {
    if (!outputs.isArray() || outputs.isEmpty()) {
      throw new InvalidUpstreamData("the infer response has no outputs");
    }
    if (outputName.isEmpty()) {
      return outputs.get(0);
    }
    for (JsonNode output : outputs) {
      if (outputName.equals(output.path("name").asText())) {
        return output;
      }
    }
    throw new InvalidUpstreamData("the infer response has no output named '" + outputName + "'");
  }

  private static void flatten(JsonNode data, List<Double> into) {
    if (data.isArray()) {
      for (JsonNode item : data) {
        flatten(item, into);
      }
    } else if (data.isNumber()) {
      into.add(data.asDouble());
    } else {
      throw new InvalidUpstreamData("output data holds a non-number: " + data);
    }
  }
}
