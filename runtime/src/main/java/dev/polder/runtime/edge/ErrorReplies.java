package dev.polder.runtime.edge;

import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.error.OpenAiErrors;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Writes errors in OpenAI's shape, before or (as an SSE event) after a response has started. */
final class ErrorReplies {

  private ErrorReplies() {}

  static void send(HttpServerResponse response, GatewayException error) {
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // A stream is under way: the status is sent already, so the error travels as an event.
      response.end(OpenAiErrors.sseEvent(error));
      return;
    }
    response.setStatusCode(error.status());
    error.headers().forEach(response::putHeader);
    response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    if (error.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.end(OpenAiErrors.body(error));
  }

  /** The client's view of a backend failure: status, type and code, but no internal addresses. */
  static GatewayException fromUpstream(UpstreamFailure failure, String model) {
    String type = failure.toErrorBody().path("error").path("type").asText("upstream_error");
    return new GatewayException(
        failure.httpStatus(),
        type,
        failure.kind().code(),
        null,
        "The backend for model '"
            + model
            + "' did not answer properly ("
            + failure.kind().code()
            + " at backend '"
            + failure.backend()
            + "')");
  }
}
