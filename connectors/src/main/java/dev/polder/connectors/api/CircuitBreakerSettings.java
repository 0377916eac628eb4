package dev.polder.connectors.api;

import java.time.Duration;

/**
 * When a backend's circuit opens and how it recovers.
 *
 * @param consecutiveFailures open after this many failures in a row
 * @param failureRatio open when, within the last {@code window} calls (at least {@code
 *     minimumCalls} of them), this fraction failed; 1.0 disables the ratio rule
 * @param window number of most recent calls the ratio looks at
 * @param minimumCalls calls needed in the window before the ratio counts
 * @param openDuration cool-down before one probe call is let through (half-open)
 */
public record CircuitBreakerSettings(
    int consecutiveFailures,
    double failureRatio,
    int window,
    int minimumCalls,
    Duration openDuration) {

  public static final CircuitBreakerSettings DEFAULTS =
      new CircuitBreakerSettings(5, 0.5, 20, 10, Duration.ofSeconds(30));

  public CircuitBreakerSettings {
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException(
          "circuit-breaker.consecutive-failures must be >= 1, was " + consecutiveFailures);
    }
    if (!(failureRatio > 0.0 && failureRatio <= 1.0)) {
      throw new IllegalArgumentException(
          "circuit-breaker.failure-ratio must be within (0, 1], was " + failureRatio);
    }
    if (window < 1) {
      throw new IllegalArgumentException("circuit-breaker.window must be >= 1, was " + window);
    }
    if (minimumCalls < 1 || minimumCalls > window) {
      throw new IllegalArgumentException(
          "circuit-breaker.minimum-calls must be within 1.." + window + ", was " + minimumCalls);
    }
    Validation.positive(openDuration, "circuit-breaker.open-duration");
  }
}
