package dev.polder.rego.builtins;

import dev.polder.rego.value.Value;
import java.util.List;

/** The body of a built-in: arguments in, a value (or {@code null} for undefined) out. */
@FunctionalInterface
public interface BuiltinFunction {
  Value apply(BuiltinContext ctx, List<Value> args) throws BuiltinException;
}
