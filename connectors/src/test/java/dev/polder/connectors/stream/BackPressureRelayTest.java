package dev.polder.connectors.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.ConnectorFactory;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.RetryPolicy;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.testing.Await;
import dev.polder.connectors.testing.Behaviours;
import dev.polder.connectors.testing.ScriptableUpstream;
import dev.polder.connectors.testing.VllmLike;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A consumer that stops reading holds the backend back: nothing piles up in the gateway. */
class BackPressureRelayTest {

  // About 8 MB: more than loopback socket buffers hold (about 3.5 MB measured here).
  private static final int EVENTS = 8_000;

  @Test
  void aPausedConsumerStopsTheBackendAndResumingDeliversEverything() throws Exception {
    Vertx vertx = Vertx.vertx();
    AtomicInteger written = new AtomicInteger();
    ScriptableUpstream upstream = ScriptableUpstream.start(vertx, new VllmLike());
    upstream.enqueue(Behaviours.sseFlood(EVENTS, 1000, written));
    ModelConnector connector =
        new ConnectorFactory(vertx)
            .create(
                BackendSpec.builder("b", "vllm", upstream.baseUrl())
                    .retry(RetryPolicy.NONE)
                    .build());
    try {
      ObjectNode body = new ObjectMapper().createObjectNode().put("model", "m").put("stream", true);
      UpstreamResponse.Streaming stream =
          (UpstreamResponse.Streaming)
              Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, body)));
      AtomicInteger received = new AtomicInteger();
      CompletableFuture<Void> ended = new CompletableFuture<>();
      stream.events().pause();
      stream.events().endHandler(v -> ended.complete(null));
      stream
          .events()
          .handler(
              e -> {
                if (e.kind() == SseEvent.Kind.CHUNK) {
                  received.incrementAndGet();
                }
              });

      Thread.sleep(1000);
      int heldAt = written.get();
      assertTrue(
          heldAt < EVENTS, "the backend was held back at " + heldAt + " of " + EVENTS + " events");
      Thread.sleep(300);
      assertTrue(written.get() - heldAt < 100, "and stays held back while the consumer is paused");

      stream.events().resume();
      ended.get(60, TimeUnit.SECONDS);
      assertEquals(EVENTS, received.get());
      StreamResult result = Await.result(stream.result());
      assertTrue(result.succeeded());
      assertEquals(EVENTS, result.events());
    } finally {
      Await.result(connector.close());
      upstream.close();
      Await.result(vertx.close());
    }
  }
}
