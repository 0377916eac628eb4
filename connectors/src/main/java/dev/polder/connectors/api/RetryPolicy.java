package dev.polder.connectors.api;

import java.time.Duration;

/**
 * Retries of one call before any byte reached the caller: on connect errors, 5xx and 429.
 *
 * @param maxAttempts attempts in total, 1 = no retry
 * @param initialBackoff wait before the first retry
 * @param maxBackoff cap on any wait, also on a {@code Retry-After} the upstream asks for
 * @param multiplier growth of the wait per retry
 * @param jitter fraction (0..1) of the wait that is randomised, so callers do not retry in step
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    double multiplier,
    double jitter) {

  public static final RetryPolicy DEFAULTS =
      new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10), 2.0, 0.2);

  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("retry.max-attempts must be >= 1, was " + maxAttempts);
    }
    Validation.positive(initialBackoff, "retry.initial-backoff");
    Validation.positive(maxBackoff, "retry.max-backoff");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "retry.max-backoff (" + maxBackoff + ") must be >= retry.initial-backoff");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("retry.multiplier must be >= 1, was " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("retry.jitter must be within 0..1, was " + jitter);
    }
  }
}
