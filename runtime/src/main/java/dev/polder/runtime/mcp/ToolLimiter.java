package dev.polder.runtime.mcp;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The concurrency and rate limit of one tool on this node: at most {@code concurrency} calls in
 * flight, at most {@code perMinute} calls started in any fixed minute window (0: unlimited).
 */
final class ToolLimiter {
  private final Semaphore inFlight;
  private final int concurrency;
  private final int perMinute;
  private long windowStart = System.nanoTime();
  private int inWindow;

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

  /** Counts a call against the rate; false when this minute's calls are used up. */
  synchronized boolean tryRate() {
    if (perMinute <= 0) {
      return true;
    }
    long now = System.nanoTime();
    if (now - windowStart >= TimeUnit.MINUTES.toNanos(1)) {
      windowStart = now;
      inWindow = 0;
    }
    if (inWindow >= perMinute) {
      return false;
    }
    inWindow++;
    return true;
  }

  /** Milliseconds until the current rate window ends. */
  synchronized long retryAfterMillis() {
    long left = TimeUnit.MINUTES.toNanos(1) - (System.nanoTime() - windowStart);
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(left));
  }

  /** Waits up to {@code millis} for a free slot. */
  boolean enter(long millis) throws InterruptedException {
    return inFlight.tryAcquire(millis, TimeUnit.MILLISECONDS);
  }

  void leave() {
    inFlight.release();
  }
}
