package dev.polder.rego.builtins;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a built-in may know about the evaluation that calls it. One instance per evaluation; not
 * shared between threads.
 */
public final class BuiltinContext {
  private final boolean strict;
  private final long timeNowNs;
  private final Consumer<String> printSink;
  private final Limits limits;
  private final BooleanSupplier cancelled;
  private Map<Object, Object> cache; // created on first use: most evaluations never need it

  public BuiltinContext(
      boolean strict,
      long timeNowNs,
      Consumer<String> printSink,
      Limits limits,
      BooleanSupplier cancelled) {
    this.strict = strict;
    this.timeNowNs = timeNowNs;
    this.printSink = printSink;
    this.limits = limits;
    this.cancelled = cancelled;
  }

  /** A context for tests and one-off calls: non-strict, now, printing to stdout. */
  public static BuiltinContext simple() {
    long now = System.currentTimeMillis() * 1_000_000L;
    return new BuiltinContext(false, now, System.out::println, Limits.DEFAULT, () -> false);
  }

  /** Strict built-in errors mode: errors stop the evaluation instead of making it undefined. */
  public boolean strict() {
    return strict;
  }

  /** {@code time.now_ns}: fixed for the whole evaluation, as in OPA. */
  public long timeNowNs() {
    return timeNowNs;
  }

  /** Where {@code print} output goes. */
  public Consumer<String> printSink() {
    return printSink;
  }

  public Limits limits() {
    return limits;
  }

  /** True once the caller has given up on this evaluation (time-out); long loops should check. */
  public boolean cancelled() {
    return cancelled.getAsBoolean();
  }

  /**
   * Per-evaluation memory, e.g. so {@code rand.intn("x", 10)} returns the same number twice in one
   * query as OPA does. Key by something unique to your built-in (e.g. a record with its name).
   */
  public Map<Object, Object> cache() {
    if (cache == null) {
      cache = new HashMap<>();
    }
    return cache;
  }
}
