package dev.polder.bench.connectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.ConnectorFactory;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.RetryPolicy;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.sse.SseParser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of relaying an OpenAI SSE stream through a connector, against reading the same bytes with a
 * bare Vert.x HTTP client from the same local server. {@code events} chat chunks per stream.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar StreamRelayBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StreamRelayBenchmark {

  @Param({"100"})
  int events;

  private Vertx vertx;
  private io.vertx.core.Context context;
  private HttpServer server;
  private HttpClient raw;
  private ModelConnector connector;
  private ObjectNode request;
  private Buffer body;

  @Setup(Level.Trial)
  public void start() throws Exception {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    String chunk =
        "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token\"},"
            + "\"logprobs\":null,\"finish_reason\":null}]}\n\n";
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < events; i++) {
      all.append(chunk);
    }
    all.append("data: [DONE]\n\n");
    body = Buffer.buffer(all.toString());
    server =
        vertx
            .createHttpServer()
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            b -> {
                              HttpServerResponse response = req.response();
                              response
                                  .setChunked(true)
                                  .putHeader("content-type", "text/event-stream");
                              response.end(body);
                            }))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get();
    raw = vertx.createHttpClient();
    connector =
        new ConnectorFactory(vertx)
            .create(
                BackendSpec.builder("bench", "vllm", "http://127.0.0.1:" + server.actualPort())
                    .retry(RetryPolicy.NONE)
                    .build());
    request =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @Benchmark
  public int rawVertxClient() throws Exception {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    AtomicInteger bytes = new AtomicInteger();
    // On the event loop, as the connector does: handlers must be set before the body arrives.
    context.runOnContext(
        v ->
            raw.request(HttpMethod.POST, server.actualPort(), "127.0.0.1", "/v1/chat/completions")
                .compose(r -> r.send(request.toString()))
                .onSuccess(
                    response -> {
                      response.handler(b -> bytes.addAndGet(b.length()));
                      response.endHandler(x -> done.complete(bytes.get()));
                    })
                .onFailure(done::completeExceptionally));
    return done.get(10, TimeUnit.SECONDS);
  }

  @Benchmark
  public int connectorRelay() throws Exception {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    AtomicInteger count = new AtomicInteger();
    connector
        .send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, request))
        .onSuccess(
            response -> {
              UpstreamResponse.Streaming stream = (UpstreamResponse.Streaming) response;
              stream.events().endHandler(v -> done.complete(count.get()));
              stream.events().handler(e -> count.addAndGet(e.toBuffer().length()));
            })
        .onFailure(done::completeExceptionally);
    return done.get(10, TimeUnit.SECONDS);
  }

  /** The parser alone over the whole body (all events), for the per-event CPU share. */
  @Benchmark
  public void sseParseOnly(Blackhole hole) {
    hole.consume(new SseParser().feed(body));
  }
}
