package dev.polder.rego.builtins.core;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.types.Type;
import dev.polder.rego.types.Types;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.List;

/**
 * {@code print(...)}: writes its operands, separated by spaces, to the context's print sink and is
 * always true. Strings print bare, other values in Rego syntax. The evaluator calls {@link #line}
 * with every operand's values so that undefined operands print as {@code <undefined>}.
 */
public final class PrintBuiltin implements Builtin {
  public static final String NAME = "print";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Type.Function signature() {
    return Types.variadic(Types.B, Types.A);
  }

  @Override
  public boolean checksOwnArguments() {
    return true;
  }

  @Override
  public Value call(BuiltinContext ctx, List<Value> args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      Value v = args.get(i);
      sb.append(v == null ? "<undefined>" : v instanceof StringValue s ? s.value() : v.toString());
    }
    ctx.printSink().accept(sb.toString());
    return dev.polder.rego.value.BooleanValue.TRUE;
  }
}
