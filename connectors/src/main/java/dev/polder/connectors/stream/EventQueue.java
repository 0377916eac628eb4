package dev.polder.connectors.stream;

import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.SseEventStream;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.impl.ContextInternal;
import java.util.ArrayDeque;

/**
 * The {@link ReadStream} of events handed to the edge. Producers {@link #push} on the stream's
 * context; when more than {@code highWatermark} events wait, {@code onFull} runs (pause the
 * upstream socket) and once the consumer drained them {@code onDrained} runs (resume it). This is
 * how back-pressure reaches the backend's TCP connection.
 */
public final class EventQueue implements SseEventStream {

  private final Context context;
  private final int highWatermark;
  private final ArrayDeque<SseEvent> pending = new ArrayDeque<>();
  private Runnable onFull = () -> {};
  private Runnable onDrained = () -> {};
  private Runnable onCancel = () -> {};
  private boolean cancelled;
  private Handler<SseEvent> handler;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;
  private long demand = Long.MAX_VALUE;
  private boolean ended;
  private boolean endDelivered;
  private boolean full;
  private boolean emitting;

  public EventQueue(Context context, int highWatermark) {
    this.context = context;
    this.highWatermark = highWatermark;
  }

  /** Hooks for pausing and resuming the producer. */
  public EventQueue backPressure(Runnable onFull, Runnable onDrained) {
    this.onFull = onFull;
    this.onDrained = onDrained;
    return this;
  }

  /** What {@link #cancel()} does to the producer (abort the upstream request). */
  public EventQueue onCancel(Runnable onCancel) {
    this.onCancel = onCancel;
    return this;
  }

  @Override
  public void cancel() {
    onContext(
        () -> {
          if (cancelled || ended) {
            return;
          }
          cancelled = true;
          pending.clear();
          onCancel.run();
        });
  }

  public void push(SseEvent item) {
    onContext(
        () -> {
          if (ended || cancelled) {
            return;
          }
          pending.add(item);
          if (!full && pending.size() >= highWatermark) {
            full = true;
            onFull.run();
          }
          drain();
        });
  }

  /** No more items; the end handler runs once the consumer took all of them. */
  public void end() {
    onContext(
        () -> {
          ended = true;
          drain();
        });
  }

  public boolean isEnded() {
    return ended;
  }

  @Override
  public synchronized EventQueue exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public EventQueue handler(Handler<SseEvent> handler) {
    this.handler = handler;
    if (handler != null) {
      onContext(this::drain);
    }
    return this;
  }

  @Override
  public EventQueue pause() {
    demand = 0;
    return this;
  }

  @Override
  public EventQueue resume() {
    return fetch(Long.MAX_VALUE);
  }

  @Override
  public EventQueue fetch(long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("amount must be >= 0");
    }
    demand = demand + amount < 0 ? Long.MAX_VALUE : demand + amount;
    onContext(this::drain);
    return this;
  }

  @Override
  public EventQueue endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    if (endHandler != null) {
      onContext(this::drain);
    }
    return this;
  }

  private void drain() {
    if (emitting) {
      return;
    }
    emitting = true;
    try {
      while (handler != null && demand > 0 && !pending.isEmpty()) {
        if (demand != Long.MAX_VALUE) {
          demand--;
        }
        SseEvent item = pending.poll();
        try {
          handler.handle(item);
        } catch (RuntimeException e) {
          Handler<Throwable> onError = exceptionHandler;
          if (onError != null) {
            onError.handle(e);
          } else if (context.exceptionHandler() != null) {
            context.exceptionHandler().handle(e);
          } else {
            throw e;
          }
        }
      }
      if (full && pending.size() <= highWatermark / 2) {
        full = false;
        onDrained.run();
      }
      if (ended && pending.isEmpty() && !endDelivered && endHandler != null) {
        endDelivered = true;
        endHandler.handle(null);
      }
    } finally {
      emitting = false;
    }
  }

  private void onContext(Runnable action) {
    // Same event-loop thread (also for duplicated contexts): run now, keep the order, no hop.
    if (context instanceof ContextInternal internal && internal.nettyEventLoop().inEventLoop()) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
