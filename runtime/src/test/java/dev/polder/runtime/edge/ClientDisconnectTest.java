package dev.polder.runtime.edge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.connectors.testing.Behaviour;
import dev.polder.connectors.testing.Behaviours;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.http.HttpServerResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A client that leaves in the middle of a stream cancels the backend call: the upstream sees its
 * connection closed instead of generating on for nobody.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class ClientDisconnectTest {

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;

  /** Streams one chunk every 20 ms for as long as its connection lives; reports the close. */
  private static Behaviour endlessStream(CompletableFuture<Integer> closed) {
    return exchange -> {
      HttpServerResponse response = Behaviours.sseHead(exchange);
      AtomicInteger sent = new AtomicInteger();
      long timer =
          exchange
              .vertx()
              .setPeriodic(
                  20,
                  t -> {
                    if (!response.closed()) {
                      response.write(Behaviours.event(chunk(sent.incrementAndGet())));
                    }
                  });
      response.closeHandler(
          v -> {
            exchange.vertx().cancelTimer(timer);
            closed.complete(sent.get());
          });
    };
  }

  private static String chunk(int n) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t"
        + n
        + " \"},\"finish_reason\":null}]}";
  }

  @Test
  void leavingMidStreamClosesTheUpstreamRequest() throws Exception {
    CompletableFuture<Integer> upstreamClosed = new CompletableFuture<>();
    upstreams.get("a").enqueue(endlessStream(upstreamClosed));
    byte[] body =
        "{\"model\":\"plain\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n"
                  + "Authorization: Bearer "
                  + GatewayTestResource.KEY_ALL
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      // Read until the first relayed event: the stream is under way.
      InputStream in = socket.getInputStream();
      StringBuilder seen = new StringBuilder();
      byte[] buffer = new byte[4096];
      while (!seen.toString().contains("data: {")) {
        int n = in.read(buffer);
        assertTrue(n > 0, "the gateway closed before the first event: " + seen);
        seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } // the client goes away here
    // Without cancelling, the gateway would drain this endless stream forever and never close it.
    int chunksSent = upstreamClosed.get(30, TimeUnit.SECONDS);
    assertTrue(chunksSent >= 1);
  }
}
