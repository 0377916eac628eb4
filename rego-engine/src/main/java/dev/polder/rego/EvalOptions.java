package dev.polder.rego;

import dev.polder.rego.builtins.Limits;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Options of one evaluation.
 *
 * @param strict strict built-in errors: a built-in error fails the evaluation instead of making the
 *     expression undefined (OPA's {@code strict-builtin-errors})
 * @param limits step, depth and size bounds
 * @param printSink where {@code print} writes
 * @param timeNowNs the evaluation's {@code time.now_ns}, or null for the clock
 * @param cancelled polled during evaluation; true stops it with {@code eval_cancel_error}
 */
public record EvalOptions(
    boolean strict,
    Limits limits,
    Consumer<String> printSink,
    Long timeNowNs,
    BooleanSupplier cancelled) {
  private static final Consumer<String> DISCARD = s -> {};

  public static final EvalOptions DEFAULT =
      new EvalOptions(false, Limits.DEFAULT, DISCARD, null, () -> false);

  public EvalOptions withStrict(boolean s) {
    return new EvalOptions(s, limits, printSink, timeNowNs, cancelled);
  }

  public EvalOptions withLimits(Limits l) {
    return new EvalOptions(strict, l, printSink, timeNowNs, cancelled);
  }

  public EvalOptions withPrintSink(Consumer<String> sink) {
    return new EvalOptions(strict, limits, sink, timeNowNs, cancelled);
  }

  public EvalOptions withTimeNowNs(Long now) {
    return new EvalOptions(strict, limits, printSink, now, cancelled);
  }

  public EvalOptions withCancelled(BooleanSupplier c) {
    return new EvalOptions(strict, limits, printSink, timeNowNs, c);
  }
}
