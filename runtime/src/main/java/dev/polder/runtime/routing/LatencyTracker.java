package dev.polder.runtime.routing;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Time to first byte per backend as an exponentially weighted moving average, for latency-aware
 * choice. A backend never measured reads as 0, so it is tried first and gets measured. A
 * measurement older than {@link #STALE_AFTER} also reads as 0: the backend that lost the choice
 * gets no traffic and so no new samples, and without this one slow spike would bench it for good.
 */
public final class LatencyTracker {

  /**
   * Weight of the newest sample, in 1/16ths: recent enough to follow a slowdown within ~10 calls.
   */
  private static final int NEW_SAMPLE_SIXTEENTHS = 3;

  static final Duration STALE_AFTER = Duration.ofSeconds(30);

  private record Sample(long averageMicros, long atNanos) {}

  private final ConcurrentHashMap<String, AtomicReference<Sample>> samples =
      new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  public LatencyTracker() {
    this(System::nanoTime);
  }

  LatencyTracker(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  public void record(String backend, long micros) {
    long now = nanoClock.getAsLong();
    samples
        .computeIfAbsent(backend, b -> new AtomicReference<>())
        .updateAndGet(
            old ->
                old == null || stale(old, now)
                    ? new Sample(micros, now)
                    : new Sample(
                        (old.averageMicros() * (16 - NEW_SAMPLE_SIXTEENTHS)
                                + micros * NEW_SAMPLE_SIXTEENTHS)
                            / 16,
                        now));
  }

  public long averageMicros(String backend) {
    AtomicReference<Sample> reference = samples.get(backend);
    Sample sample = reference == null ? null : reference.get();
    return sample == null || stale(sample, nanoClock.getAsLong()) ? 0 : sample.averageMicros();
  }

  private static boolean stale(Sample sample, long now) {
    return now - sample.atNanos() > STALE_AFTER.toNanos();
  }
}
