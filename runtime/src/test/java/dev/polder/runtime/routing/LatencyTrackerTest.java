package dev.polder.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LatencyTrackerTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final LatencyTracker tracker = new LatencyTracker(now::get);

  @Test
  void unmeasuredBackendReadsAsZero() {
    assertEquals(0, tracker.averageMicros("a"));
  }

  @Test
  void firstSampleIsTheAverageThenNewSamplesWeighThreeSixteenths() {
    tracker.record("a", 1600);
    assertEquals(1600, tracker.averageMicros("a"));
    tracker.record("a", 3200);
    assertEquals((1600 * 13 + 3200 * 3) / 16, tracker.averageMicros("a"));
  }

  @Test
  void aStaleMeasurementReadsAsZeroSoTheBackendIsProbedAgain() {
    tracker.record("slow", 150_000);
    now.addAndGet(LatencyTracker.STALE_AFTER.toNanos());
    assertEquals(150_000, tracker.averageMicros("slow"));
    now.addAndGet(1);
    assertEquals(0, tracker.averageMicros("slow"));
    // The probe's sample starts a fresh average instead of blending with the stale one.
    tracker.record("slow", 2_000);
    assertEquals(2_000, tracker.averageMicros("slow"));
  }
}
