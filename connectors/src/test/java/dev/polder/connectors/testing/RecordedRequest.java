package dev.polder.connectors.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.io.UncheckedIOException;

/** One request the scriptable upstream received. */
public record RecordedRequest(String method, String path, MultiMap headers, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body as a JSON object. */
  public ObjectNode json() {
    try {
      return (ObjectNode) JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String header(String name) {
    return headers.get(name);
  }
}
