package dev.polder.connectors.resilience;

import java.time.Duration;

/**
 * A consistent view of one circuit for health endpoints and metrics.
 *
 * @param consecutiveFailures failures in a row so far
 * @param windowCalls calls in the sliding window
 * @param windowFailures failed calls in the sliding window
 * @param openFor remaining cool-down when open, zero otherwise
 * @param timesOpened how often the circuit opened since start
 */
public record CircuitSnapshot(
    String backend,
    CircuitState state,
    int consecutiveFailures,
    int windowCalls,
    int windowFailures,
    Duration openFor,
    long timesOpened) {}
