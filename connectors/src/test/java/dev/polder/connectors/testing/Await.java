package dev.polder.connectors.testing;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Blocking waits on Vert.x futures, for tests only. */
public final class Await {
  private Await() {}

  public static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, got " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("no result in time", e);
    }
  }

  /** The failure of a future that must fail, of the given type. */
  public static <E extends Throwable> E failure(Future<?> future, Class<E> type) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      if (!type.isInstance(e.getCause())) {
        throw new AssertionError(
            "expected " + type.getSimpleName() + ", got " + e.getCause(), e.getCause());
      }
      return type.cast(e.getCause());
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no result in time", e);
    }
  }
}
