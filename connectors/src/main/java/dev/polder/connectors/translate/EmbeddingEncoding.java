package dev.polder.connectors.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

/** Builds OpenAI embedding responses, in {@code float} or {@code base64} encoding. */
public final class EmbeddingEncoding {
  private EmbeddingEncoding() {}

  /** OpenAI's {@code base64} encoding: little-endian float32 values, base64. */
  public static String base64(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : vector) {
      bytes.putFloat(value);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /**
   * {@code {"object":"list","data":[{"object":"embedding","index":i,"embedding":...}],"model",
   * "usage"}}.
   */
  public static ObjectNode response(
      List<float[]> vectors, String encodingFormat, String model, long promptTokens) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    root.put("object", "list");
    ArrayNode data = root.putArray("data");
    boolean base64 = "base64".equals(encodingFormat);
    for (int i = 0; i < vectors.size(); i++) {
      ObjectNode item = data.addObject();
      item.put("object", "embedding");
      item.put("index", i);
      if (base64) {
        item.set("embedding", TextNode.valueOf(base64(vectors.get(i))));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float value : vectors.get(i)) {
          values.add(value);
        }
      }
    }
    root.put("model", model);
    ObjectNode usage = root.putObject("usage");
    usage.put("prompt_tokens", promptTokens);
    usage.put("total_tokens", promptTokens);
    return root;
  }
}
