package dev.polder.connectors.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamFailure.Kind;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.transport.CallContext;
import dev.polder.connectors.transport.Http;
import dev.polder.connectors.transport.ProtocolClient;
import dev.polder.connectors.transport.ResponseReader;
import dev.polder.connectors.transport.UpstreamExchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The OpenAI protocol, spoken exactly: {@code POST /v1/chat/completions}, {@code /v1/completions},
 * {@code /v1/embeddings}, {@code GET /v1/models}, SSE streaming. Unknown fields pass through both
 * ways; a complete answer keeps the backend's bytes. Provider differences live in an {@link
 * OpenAiDialect}.
 */
public final class OpenAiCompatibleClient implements ProtocolClient {

  private final Vertx vertx;
  private final BackendSpec spec;
  private final OpenAiDialect dialect;
  private final HttpClient http;
  private final ResponseReader reader;
  private final String base;

  public OpenAiCompatibleClient(Vertx vertx, BackendSpec spec, OpenAiDialect dialect) {
    this.vertx = vertx;
    this.spec = spec;
    this.dialect = dialect;
    this.http = Http.client(vertx, spec);
    this.reader = new ResponseReader(vertx, spec, Clock.systemUTC());
    String url = spec.baseUrlWithoutSlash();
    // Operators often paste the SDK base URL (…/v1); the endpoint paths carry /v1 already.
    this.base = url.endsWith("/v1") ? url.substring(0, url.length() - 3) : url;
  }

  @Override
  public Future<UpstreamResponse> attempt(UpstreamRequest request, CallContext call) {
    if (!dialect.supports(request.endpoint())) {
      return Future.failedFuture(
          UpstreamFailure.of(
              Kind.UNSUPPORTED_OPERATION,
              spec.name(),
              "backend '"
                  + spec.name()
                  + "' ("
                  + dialect.provider()
                  + ") does not serve "
                  + request.endpoint().openAiPath()));
    }
    ObjectNode body = outgoingBody(request);
    long attemptStart = System.nanoTime();
    UpstreamExchange exchange = new UpstreamExchange(vertx, http, spec);
    return exchange
        .send(
            HttpMethod.POST,
            base + request.endpoint().openAiPath(),
            Http.headers(spec, request.headers(), request.stream()),
            Buffer.buffer(body.toString()),
            call)
        .compose(
            response ->
                request.stream()
                    ? reader.stream(
                        exchange,
                        response,
                        call,
                        attemptStart,
                        new OpenAiStreamPassThrough(),
                        dialect.acceptsStreamOptions() && !request.callerWantsStreamUsage())
                    : reader.complete(exchange, response, call, UnaryOperator.identity(), true));
  }

  /** The body as this backend gets it: a copy with model, stream flags and quirks applied. */
  ObjectNode outgoingBody(UpstreamRequest request) {
    ObjectNode body = request.body().deepCopy();
    spec.upstreamModel().ifPresent(model -> body.put("model", model));
    if (request.stream()) {
      body.put("stream", true);
      if (dialect.acceptsStreamOptions()) {
        ObjectNode options =
            body.get("stream_options") instanceof ObjectNode existing
                ? existing
                : body.putObject("stream_options");
        options.put("include_usage", true);
      } else {
        body.remove("stream_options");
      }
    } else {
      if (body.has("stream")) {
        body.put("stream", false);
      }
      body.remove("stream_options");
    }
    dialect.adaptRequest(request.endpoint(), body, spec);
    return body;
  }

  @Override
  public Future<ObjectNode> listModels() {
    UpstreamExchange exchange = new UpstreamExchange(vertx, http, spec);
    CallContext call = new CallContext(1, System.nanoTime());
    return exchange
        .send(HttpMethod.GET, base + "/v1/models", Http.headers(spec, Map.of(), false), null)
        .compose(
            response -> reader.complete(exchange, response, call, UnaryOperator.identity(), true))
        .compose(
            response -> {
              UpstreamResponse.Complete complete = (UpstreamResponse.Complete) response;
              if (!complete.isSuccess()) {
                return Future.failedFuture(
                    UpstreamFailure.of(
                        Kind.INVALID_RESPONSE,
                        spec.name(),
                        "backend '"
                            + spec.name()
                            + "' refused to list models: "
                            + complete.status()));
              }
              return Future.succeededFuture(complete.json());
            });
  }

  @Override
  public Future<Void> close() {
    return http.close();
  }
}
