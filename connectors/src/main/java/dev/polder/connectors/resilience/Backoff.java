package dev.polder.connectors.resilience;

import dev.polder.connectors.api.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/** Waits between attempts: exponential with jitter, or what the backend asked for, capped. */
public final class Backoff {
  private final RetryPolicy policy;
  private final DoubleSupplier random;

  public Backoff(RetryPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /**
   * The wait before attempt {@code failedAttempt + 1}.
   *
   * @param retryAfter the backend's {@code Retry-After}, which wins over the computed wait
   */
  public Duration delayAfter(int failedAttempt, Optional<Duration> retryAfter) {
    long capMillis = policy.maxBackoff().toMillis();
    if (retryAfter.isPresent()) {
      return Duration.ofMillis(Math.min(retryAfter.get().toMillis(), capMillis));
    }
    double base =
        policy.initialBackoff().toMillis() * Math.pow(policy.multiplier(), failedAttempt - 1);
    double jittered = base * (1.0 + policy.jitter() * (2.0 * random.getAsDouble() - 1.0));
    return Duration.ofMillis(Math.max(1L, Math.min(capMillis, Math.round(jittered))));
  }
}
