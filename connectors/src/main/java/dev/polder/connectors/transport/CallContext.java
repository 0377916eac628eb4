package dev.polder.connectors.transport;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Facts about the call an attempt belongs to.
 *
 * @param attempt 1 for the first attempt
 * @param callStartNanos {@link System#nanoTime()} when the call (its first attempt) started
 * @param cancelled completes when the caller gives up; the attempt then aborts its request
 */
public record CallContext(int attempt, long callStartNanos, Future<Void> cancelled) {

  /** A call that cannot be cancelled. */
  public CallContext(int attempt, long callStartNanos) {
    this(attempt, callStartNanos, Promise.<Void>promise().future());
  }
}
