package dev.polder.rego.builtins;

import dev.polder.rego.types.Type;
import dev.polder.rego.value.Value;
import java.util.List;
import java.util.function.Consumer;

/**
 * One built-in function, e.g. {@code startswith}. Implementations are stateless and thread-safe;
 * per-evaluation state lives in the {@link BuiltinContext}.
 *
 * <p>The evaluator checks arity and the top-level kind of each argument against {@link
 * #signature()} before calling (unless {@link #checksOwnArguments()}), producing OPA's {@code
 * eval_type_error: NAME: operand N must be T but got U}.
 */
public interface Builtin {

  /** The name as written in Rego, e.g. {@code strings.replace_n}. */
  String name();

  /** Argument and result types, as OPA declares them. */
  Type.Function signature();

  /** True if two calls with equal arguments may give different results (time, random, network). */
  default boolean nondeterministic() {
    return false;
  }

  /** True if the built-in checks its arguments itself (skip the evaluator's kind check). */
  default boolean checksOwnArguments() {
    return false;
  }

  /**
   * True if the built-in is a relation that yields any number of results (like {@code walk}); the
   * evaluator then calls {@link #iterate} instead of {@link #call}.
   */
  default boolean isRelation() {
    return false;
  }

  /**
   * Computes the result.
   *
   * @return the result, or {@code null} when the call is undefined (no result, not an error)
   * @throws BuiltinException with OPA's error code and message (without the name prefix)
   */
  Value call(BuiltinContext ctx, List<Value> args) throws BuiltinException;

  /** Yields every result of a relation built-in. Defaults to the single result of {@link #call}. */
  default void iterate(BuiltinContext ctx, List<Value> args, Consumer<Value> results)
      throws BuiltinException {
    Value v = call(ctx, args);
    if (v != null) {
      results.accept(v);
    }
  }

  /** A built-in from a name, a signature and a lambda. */
  static Builtin of(String name, Type.Function signature, BuiltinFunction function) {
    return new SimpleBuiltin(name, signature, function, false, false);
  }

  /** A nondeterministic built-in (time, random, network): never cached or folded. */
  static Builtin nondeterministic(String name, Type.Function signature, BuiltinFunction function) {
    return new SimpleBuiltin(name, signature, function, true, false);
  }

  /** A built-in that checks its own argument types (custom error messages). */
  static Builtin selfChecking(String name, Type.Function signature, BuiltinFunction function) {
    return new SimpleBuiltin(name, signature, function, false, true);
  }
}
