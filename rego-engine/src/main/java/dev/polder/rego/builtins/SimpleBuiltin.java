package dev.polder.rego.builtins;

import dev.polder.rego.types.Type;
import dev.polder.rego.value.Value;
import java.util.List;

/** A built-in made from a lambda; see {@link Builtin#of}. */
record SimpleBuiltin(
    String name,
    Type.Function signature,
    BuiltinFunction function,
    boolean nondeterministic,
    boolean checksOwnArguments)
    implements Builtin {

  @Override
  public Value call(BuiltinContext ctx, List<Value> args) throws BuiltinException {
    return function.apply(ctx, args);
  }
}
