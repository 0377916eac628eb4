package dev.polder.connectors.transport;

/**
 * Facts about the call an attempt belongs to.
 *
 * @param attempt 1 for the first attempt
 * @param callStartNanos {@link System#nanoTime()} when the call (its first attempt) started
 */
public record CallContext(int attempt, long callStartNanos) {}
