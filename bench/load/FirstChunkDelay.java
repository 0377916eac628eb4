import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First-streamed-chunk forwarding delay: the time from the upstream handing a stream's first chunk
 * to its socket until the client has read it — direct to the upstream and through the gateway,
 * interleaved, at several concurrencies. The upstream and the client run here, in one JVM and on
 * one clock; each request carries an id (an extra body field, passed through by the gateway) so the
 * upstream's send time and the client's receive time meet. The upstream sends the SSE head, waits
 * {@code delayMs}, then sends the first chunk, so the measured span holds the relay of one chunk
 * and nothing of the request's own pipeline.
 *
 * <p>java -cp <vertx classpath> FirstChunkDelay.java <upstreamPort> <gatewayUrl> <key>
 * [streamsPerRun=2000] [concurrencies=1,16,64] [delayMs=2]
 */
public class FirstChunkDelay {

  static final Pattern ID = Pattern.compile("\"bench_id\":\"([0-9a-z-]+)\"");
  /** When the upstream wrote each request's first chunk (System.nanoTime), by request id. */
  static final ConcurrentHashMap<String, Long> SENT = new ConcurrentHashMap<>();

  static Buffer chunk(String content, String finish) {
    return Buffer.buffer(
        "data: {\"id\":\"chatcmpl-fc\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{"
            + (content == null ? "" : "\"content\":\"" + content + "\"")
            + "},\"finish_reason\":"
            + (finish == null ? "null" : "\"" + finish + "\"")
            + "}]}\n\n");
  }

  public static void main(String[] args) throws Exception {
    int upstreamPort = Integer.parseInt(args[0]);
    URI gateway = URI.create(args[1]);
    String key = args[2];
    int streams = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    int[] concurrencies =
        Arrays.stream((args.length > 4 ? args[4] : "1,16,64").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    long delayMs = args.length > 5 ? Long.parseLong(args[5]) : 2;

    Vertx vertx = Vertx.vertx();
    upstream(vertx, upstreamPort, delayMs)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    URI direct = URI.create("http://127.0.0.1:" + upstreamPort);

    // Warm-up (JIT on both sides), not reported.
    for (int c : concurrencies) {
      measure(vertx, gateway, key, Math.max(streams / 2, 200), c);
    }
    System.out.println(
        "first streamed chunk: time from the upstream writing it to the client reading it (µs)");
    for (int c : concurrencies) {
      long[] d = measure(vertx, direct, key, streams, c);
      long[] g = measure(vertx, gateway, key, streams, c);
      System.out.printf(
          "c=%d direct: p50=%d p90=%d p99=%d | gateway: p50=%d p90=%d p99=%d |"
              + " added p50=%d p99=%d (n=%d, errors=%d/%d)%n",
          c,
          pct(d, 50),
          pct(d, 90),
          pct(d, 99),
          pct(g, 50),
          pct(g, 90),
          pct(g, 99),
          pct(g, 50) - pct(d, 50),
          pct(g, 99) - pct(d, 99),
          streams,
          streams - d.length,
          streams - g.length);
    }
    vertx.close();
  }

  static Future<?> upstream(Vertx vertx, int port, long delayMs) {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(
            request ->
                request
                    .body()
                    .onSuccess(
                        body -> {
                          Matcher m = ID.matcher(body.toString());
                          String id = m.find() ? m.group(1) : "";
                          HttpServerResponse response = request.response();
                          response.setChunked(true).putHeader("content-type", "text/event-stream");
                          response.write("");
                          vertx.setTimer(
                              delayMs,
                              t -> {
                                SENT.put(id, System.nanoTime());
                                response.write(chunk("Hello", null));
                                response.write(chunk(null, "stop"));
                                response.end(Buffer.buffer("data: [DONE]\n\n"));
                              });
                        }))
        .listen();
  }

  /** Runs {@code streams} streams, {@code concurrency} at a time; returns the delays in µs. */
  static long[] measure(Vertx vertx, URI target, String key, int streams, int concurrency)
      throws InterruptedException {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(concurrency));
    List<Long> delays = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger started = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(concurrency);
    AtomicLong seq = new AtomicLong();
    for (int i = 0; i < concurrency; i++) {
      next(client, target, key, streams, started, seq, delays, done);
    }
    done.await(10, TimeUnit.MINUTES);
    client.close();
    return delays.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  static void next(
      HttpClient client,
      URI target,
      String key,
      int streams,
      AtomicInteger started,
      AtomicLong seq,
      List<Long> delays,
      CountDownLatch done) {
    if (started.incrementAndGet() > streams) {
      done.countDown();
      return;
    }
    String id = "r" + seq.incrementAndGet() + "-" + System.nanoTime();
    String body =
        "{\"model\":\"bench\",\"stream\":true,\"bench_id\":\""
            + id
            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"first chunk\"}]}";
    Runnable again = () -> next(client, target, key, streams, started, seq, delays, done);
    client
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI("/v1/chat/completions")
                .putHeader("content-type", "application/json")
                .putHeader("authorization", "Bearer " + key))
        .compose(request -> request.send(body))
        .onSuccess(
            response -> {
              boolean[] seen = {false};
              response.handler(
                  buffer -> {
                    if (!seen[0] && buffer.toString().contains("data: {")) {
                      long now = System.nanoTime();
                      seen[0] = true;
                      Long sent = SENT.remove(id);
                      if (sent != null && response.statusCode() == 200) {
                        delays.add((now - sent) / 1000);
                      }
                    }
                  });
              response.endHandler(v -> again.run());
              response.exceptionHandler(e -> again.run());
            })
        .onFailure(e -> again.run());
  }

  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
