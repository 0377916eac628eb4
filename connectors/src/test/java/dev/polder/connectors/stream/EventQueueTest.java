package dev.polder.connectors.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.polder.connectors.api.SseEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void aPausedConsumerPausesTheProducerAndDemandResumesIt() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Context context = vertx.getOrCreateContext();
      AtomicInteger pauses = new AtomicInteger();
      AtomicInteger resumes = new AtomicInteger();
      List<SseEvent> received = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> ended = new CompletableFuture<>();
      CompletableFuture<Void> checked = new CompletableFuture<>();
      context.runOnContext(
          v -> {
            EventQueue queue =
                new EventQueue(context, 10)
                    .backPressure(pauses::incrementAndGet, resumes::incrementAndGet);
            queue.pause();
            queue.handler(received::add);
            queue.endHandler(x -> ended.complete(null));
            for (int i = 0; i < 30; i++) {
              queue.push(SseEvent.chunk(JsonNodeFactory.instance.objectNode().put("i", i)));
            }
            queue.end();
            assertEquals(List.of(), received);
            assertEquals(1, pauses.get(), "producer paused once the high watermark was reached");
            queue.fetch(25);
            assertEquals(25, received.size());
            assertEquals(1, resumes.get(), "producer resumed once drained below half");
            assertEquals(false, ended.isDone(), "end waits for the remaining items");
            queue.resume();
            checked.complete(null);
          });
      checked.get(5, TimeUnit.SECONDS);
      ended.get(5, TimeUnit.SECONDS);
      assertEquals(30, received.size());
    } finally {
      vertx.close();
    }
  }
}
