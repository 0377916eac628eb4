package dev.polder.connectors.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
      List<Integer> received = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> ended = new CompletableFuture<>();
      CompletableFuture<Void> checked = new CompletableFuture<>();
      context.runOnContext(
          v -> {
            EventQueue<Integer> queue =
                new EventQueue<Integer>(context, 10)
                    .backPressure(pauses::incrementAndGet, resumes::incrementAndGet);
            queue.pause();
            queue.handler(received::add);
            queue.endHandler(x -> ended.complete(null));
            for (int i = 0; i < 30; i++) {
              queue.push(i);
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
