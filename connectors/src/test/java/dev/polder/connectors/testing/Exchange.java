package dev.polder.connectors.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** A request being answered by a {@link Behaviour}: the raw Vert.x objects plus what was read. */
public record Exchange(Vertx vertx, HttpServerRequest request, RecordedRequest recorded) {
  public HttpServerResponse response() {
    return request.response();
  }
}
