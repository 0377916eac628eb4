package dev.polder.connectors.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * One OpenAI-shaped call to a backend.
 *
 * @param endpoint chat, completions or embeddings
 * @param body the OpenAI request JSON as the pipeline left it; fields the gateway does not know are
 *     passed through untouched. The connector works on a copy and never mutates it.
 * @param stream whether the caller wants Server-Sent Events; wins over {@code body.stream}
 * @param headers extra headers for the backend, e.g. W3C {@code traceparent}; never {@code
 *     Authorization} (the backend's API key is set from the {@link BackendSpec})
 */
public record UpstreamRequest(
    Endpoint endpoint, ObjectNode body, boolean stream, Map<String, String> headers) {

  public UpstreamRequest {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(body, "body");
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    if (stream && !endpoint.canStream()) {
      throw new IllegalArgumentException(endpoint + " cannot stream");
    }
  }

  /** A request whose stream flag is read from {@code body.stream}. */
  public static UpstreamRequest of(Endpoint endpoint, ObjectNode body) {
    return new UpstreamRequest(
        endpoint, body, endpoint.canStream() && body.path("stream").asBoolean(false), Map.of());
  }

  public UpstreamRequest withHeaders(Map<String, String> extra) {
    return new UpstreamRequest(endpoint, body, stream, extra);
  }

  /** Whether the caller itself asked for usage in the stream ({@code stream_options}). */
  public boolean callerWantsStreamUsage() {
    return body.path("stream_options").path("include_usage").asBoolean(false);
  }

  /** The model the caller asked for, or "" if none. */
  public String requestedModel() {
    return body.path("model").asText("");
  }
}
