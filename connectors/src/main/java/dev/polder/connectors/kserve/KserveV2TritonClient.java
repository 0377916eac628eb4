package dev.polder.connectors.kserve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamFailure.Kind;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.translate.EmbeddingInputs;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * OpenAI requests translated for a KServe v2 / Triton server: embeddings via {@code POST
 * /v2/models/{m}/infer}, chat and completions via Triton's generate extension ({@code /generate},
 * {@code /generate_stream}), models via {@code POST /v2/repository/index}. Answers are translated
 * back to the OpenAI shape, streams included; error answers ({@code {"error": "..."}}) become
 * OpenAI errors.
 */
public final class KserveV2TritonClient implements ProtocolClient {

  private final Vertx vertx;
  private final BackendSpec spec;
  private final HttpClient http;
  private final ResponseReader reader;
  private final KserveEmbeddings embeddings;
  private final TritonGenerate generate;

  public KserveV2TritonClient(Vertx vertx, BackendSpec spec) {
    this.vertx = vertx;
    this.spec = spec;
    this.embeddings = new KserveEmbeddings(spec);
    this.generate =
        new TritonGenerate(PromptRenderer.parse(spec.option("kserve.prompt-format", "plain")));
    this.http = Http.client(vertx, spec);
    this.reader = new ResponseReader(vertx, spec, Clock.systemUTC());
  }

  @Override
  public Future<UpstreamResponse> attempt(UpstreamRequest request, CallContext call) {
    String model = spec.upstreamModel().orElse(request.requestedModel());
    if (model.isEmpty()) {
      return Future.failedFuture(invalidRequest("model is required"));
    }
    String modelUrl =
        spec.baseUrlWithoutSlash()
            + "/v2/models/"
            + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20");
    try {
      return request.endpoint() == Endpoint.EMBEDDINGS
          ? embed(request, call, model, modelUrl)
          : generate(request, call, model, modelUrl);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(invalidRequest(e.getMessage()));
    }
  }

  private Future<UpstreamResponse> embed(
      UpstreamRequest request, CallContext call, String model, String modelUrl) {
    List<String> texts = EmbeddingInputs.texts(request.body());
    String encoding = request.body().path("encoding_format").asText("float");
    ObjectNode infer = embeddings.inferRequest(texts);
    UpstreamExchange exchange = new UpstreamExchange(vertx, http, spec);
    return exchange
        .send(
            HttpMethod.POST,
            modelUrl + "/infer",
            Http.headers(spec, request.headers(), false),
            Buffer.buffer(infer.toString()),
            call)
        .compose(
            response ->
                reader.complete(
                    exchange,
                    response,
                    call,
                    json -> embeddings.openAiResponse(json, texts, encoding, model),
                    false))
        .map(KserveV2TritonClient::openAiError);
  }

  private Future<UpstreamResponse> generate(
      UpstreamRequest request, CallContext call, String model, String modelUrl) {
    Endpoint endpoint = request.endpoint();
    ObjectNode body = generate.generateRequest(endpoint, request.body(), request.stream());
    String id = (endpoint == Endpoint.CHAT_COMPLETIONS ? "chatcmpl-" : "cmpl-") + UUID.randomUUID();
    long created = System.currentTimeMillis() / 1000;
    long attemptStart = System.nanoTime();
    UpstreamExchange exchange = new UpstreamExchange(vertx, http, spec);
    return exchange
        .send(
            HttpMethod.POST,
            modelUrl + (request.stream() ? "/generate_stream" : "/generate"),
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
                        new TritonStreamTranslator(endpoint, request.body(), id, created, model),
                        !request.callerWantsStreamUsage())
                    : reader.complete(
                        exchange,
                        response,
                        call,
                        json ->
                            generate.openAiResponse(
                                endpoint, json, request.body(), id, created, model),
                        false))
        .map(KserveV2TritonClient::openAiError);
  }

  /** KServe errors are {@code {"error": "message"}}; the caller gets OpenAI's error shape. */
  private static UpstreamResponse openAiError(UpstreamResponse response) {
    if (response instanceof UpstreamResponse.Complete complete
        && !complete.isSuccess()
        && complete.json().path("error").isTextual()) {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      ObjectNode error = root.putObject("error");
      error.put("message", complete.json().path("error").asText());
      error.put("type", "invalid_request_error");
      error.put("code", "upstream_" + complete.status());
      return new UpstreamResponse.Complete(
          complete.backend(),
          complete.attempts(),
          complete.status(),
          complete.headers(),
          Buffer.buffer(root.toString()),
          root,
          complete.usage(),
          complete.latency());
    }
    return response;
  }

  private UpstreamFailure invalidRequest(String message) {
    return UpstreamFailure.of(
        Kind.INVALID_REQUEST,
        spec.name(),
        "cannot send to backend '" + spec.name() + "': " + message);
  }

  /** READY models of the repository index as an OpenAI model list. */
  @Override
  public Future<ObjectNode> listModels() {
    UpstreamExchange exchange = new UpstreamExchange(vertx, http, spec);
    return exchange
        .send(
            HttpMethod.POST,
            spec.baseUrlWithoutSlash() + "/v2/repository/index",
            Http.headers(spec, Map.of(), false),
            Buffer.buffer("{\"ready\":true}"))
        .compose(
            response ->
                exchange.readBody(response).map(body -> modelList(response.statusCode(), body)));
  }

  private ObjectNode modelList(int status, Buffer body) {
    if (status != 200) {
      throw UpstreamFailure.of(
          Kind.INVALID_RESPONSE,
          spec.name(),
          "backend '" + spec.name() + "' answered " + status + " to the repository index");
    }
    JsonNode index;
    try {
      index = ResponseReader.json().readTree(body.getBytes());
    } catch (java.io.IOException e) {
      throw UpstreamFailure.of(Kind.INVALID_RESPONSE, spec.name(), "repository index is not JSON");
    }
    if (index == null || !index.isArray()) {
      throw UpstreamFailure.of(
          Kind.INVALID_RESPONSE, spec.name(), "repository index is not a JSON array");
    }
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("object", "list");
    ArrayNode data = root.putArray("data");
    for (JsonNode entry : index) {
      String state = entry.path("state").asText("READY");
      if (state.equals("READY")) {
        ObjectNode model = data.addObject();
        model.put("id", entry.path("name").asText());
        model.put("object", "model");
        model.put("created", 0);
        model.put("owned_by", spec.name());
      }
    }
    return root;
  }

  @Override
  public Future<Void> close() {
    return http.close();
  }
}
