package dev.polder.connectors.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 (random port) that answers like a backend — vLLM-like ({@link
 * VllmLike}), Triton-like ({@link TritonLike}) or anything a test scripts with {@link Behaviours}:
 * failures, Retry-After, stalls, resets, slow answers, garbage, truncated streams.
 *
 * <p>Answers: the next {@link #enqueue enqueued} behaviour, else the fallback. Every request is
 * recorded. Thread-safe; start with {@link #start}, stop with {@link #close}.
 */
public final class ScriptableUpstream implements AutoCloseable {

  private final Vertx vertx;
  private final ConcurrentLinkedQueue<Behaviour> script = new ConcurrentLinkedQueue<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Behaviour fallback;
  private HttpServer server;

  private ScriptableUpstream(Vertx vertx, Behaviour fallback) {
    this.vertx = vertx;
    this.fallback = fallback;
  }

  /** Starts a server answering with {@code fallback} unless something was enqueued. */
  public static ScriptableUpstream start(Vertx vertx, Behaviour fallback) {
    ScriptableUpstream upstream = new ScriptableUpstream(vertx, fallback);
    upstream.listen();
    return upstream;
  }

  private void listen() {
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              RecordedRequest recorded =
                                  new RecordedRequest(
                                      request.method().name(),
                                      request.path(),
                                      io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                                          .addAll(request.headers()),
                                      body.toString());
                              requests.add(recorded);
                              Behaviour next = script.poll();
                              (next == null ? fallback : next)
                                  .answer(new Exchange(vertx, request, recorded));
                            }));
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("scriptable upstream did not start", e);
    }
  }

  /** Answers the next request with {@code behaviour} (in order of enqueueing). */
  public ScriptableUpstream enqueue(Behaviour... behaviours) {
    script.addAll(List.of(behaviours));
    return this;
  }

  public ScriptableUpstream fallback(Behaviour behaviour) {
    this.fallback = behaviour;
    return this;
  }

  public int port() {
    return server.actualPort();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new AssertionError("the upstream received no request");
    }
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("scriptable upstream did not stop", e);
    }
  }
}
