package dev.polder.runtime.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time to first byte per backend as an exponentially weighted moving average, for latency-aware
 * choice. A backend never measured reads as 0, so it is tried first and gets measured.
 */
public final class LatencyTracker {

  /**
   * Weight of the newest sample, in 1/16ths: recent enough to follow a slowdown within ~10 calls.
   */
  private static final int NEW_SAMPLE_SIXTEENTHS = 3;

  private final ConcurrentHashMap<String, AtomicLong> averageMicros = new ConcurrentHashMap<>();

  public void record(String backend, long micros) {
    AtomicLong average = averageMicros.computeIfAbsent(backend, b -> new AtomicLong(-1));
    average.updateAndGet(
        old ->
            old < 0
                ? micros
                : (old * (16 - NEW_SAMPLE_SIXTEENTHS) + micros * NEW_SAMPLE_SIXTEENTHS) / 16);
  }

  public long averageMicros(String backend) {
    AtomicLong average = averageMicros.get(backend);
    return average == null ? 0 : Math.max(0, average.get());
  }
}
