package dev.polder.rego.builtins.runtime;

import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.types.Types;
import dev.polder.rego.value.ObjectValue;

/**
 * opa.* runtime built-ins. An embedded evaluator has no OPA runtime configuration, so {@code
 * opa.runtime()} returns an empty object (as OPA does when no runtime is configured).
 */
public final class RuntimeBuiltins {
  private RuntimeBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.nondeterministic("opa.runtime", fn(Types.OBJECT), (c, a) -> ObjectValue.EMPTY));
  }
}
