package dev.polder.runtime.mcp;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The limits of one tool: at most {@code concurrency} calls in flight on this node (it protects the
 * local process and its upstream connection, so it is never shared), and the per-minute rate that
 * {@link dev.polder.runtime.limits.ToolRates} counts over the whole cluster (0: unlimited).
 */
final class ToolLimiter {
  private final Semaphore inFlight;
  private final int concurrency;
  private final int perMinute;

  ToolLimiter(int concurrency, int perMinute) {
    this.concurrency = concurrency;
    this.perMinute = perMinute;
    this.inFlight = new Semaphore(concurrency, true);
  }

  int concurrency() {
    return concurrency;
  }

  int perMinute() {
    return perMinute;
  }

  /** Waits up to {@code millis} for a free slot. */
  boolean enter(long millis) throws InterruptedException {
    return inFlight.tryAcquire(millis, TimeUnit.MILLISECONDS);
  }

  void leave() {
    inFlight.release();
  }
}
