package dev.polder.connectors.testing;

import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.UpstreamResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Consumes a {@link UpstreamResponse.Streaming} the way the edge would, recording every event. */
public final class StreamCollector {

  private final List<SseEvent> events =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private final CompletableFuture<List<SseEvent>> ended = new CompletableFuture<>();
  private final CompletableFuture<SseEvent> firstEvent = new CompletableFuture<>();

  private StreamCollector() {}

  /** Starts consuming; {@code onEvent} runs for each event as it arrives. */
  public static StreamCollector collect(UpstreamResponse response, Consumer<SseEvent> onEvent) {
    if (!(response instanceof UpstreamResponse.Streaming streaming)) {
      throw new AssertionError("expected a stream, got " + response);
    }
    StreamCollector collector = new StreamCollector();
    streaming.events().endHandler(v -> collector.ended.complete(collector.snapshot()));
    streaming.events().exceptionHandler(collector.ended::completeExceptionally);
    streaming
        .events()
        .handler(
            event -> {
              collector.events.add(event);
              collector.firstEvent.complete(event);
              onEvent.accept(event);
            });
    return collector;
  }

  public static StreamCollector collect(UpstreamResponse response) {
    return collect(response, e -> {});
  }

  private List<SseEvent> snapshot() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  public SseEvent awaitFirst() {
    return get(firstEvent);
  }

  /** All events once the stream ended. */
  public List<SseEvent> awaitEnd() {
    return get(ended);
  }

  /** The concatenated {@code delta.content} (chat) or {@code text} (completions) of the chunks. */
  public static String text(List<SseEvent> events) {
    StringBuilder text = new StringBuilder();
    for (SseEvent event : events) {
      if (event.kind() == SseEvent.Kind.CHUNK) {
        event
            .json()
            .path("choices")
            .forEach(
                choice -> {
                  text.append(choice.path("delta").path("content").asText(""));
                  text.append(choice.path("text").asText(""));
                });
      }
    }
    return text.toString();
  }

  private static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("stream did not deliver in time", e);
    }
  }
}
