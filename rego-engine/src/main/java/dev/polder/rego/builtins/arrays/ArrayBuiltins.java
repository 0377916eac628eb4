package dev.polder.rego.builtins.arrays;

import static dev.polder.rego.types.Types.ARRAY;
import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** array.concat, array.slice, array.reverse, array.flatten. */
public final class ArrayBuiltins {

  private ArrayBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "array.concat",
            fn(ARRAY, ARRAY, ARRAY),
            (c, a) -> {
              List<Value> out = Operands.array(a, 1).toMutableList();
              out.addAll(Operands.array(a, 2).asList());
              return ArrayValue.of(out);
            }));
    r.register(Builtin.of("array.slice", fn(ARRAY, ARRAY, N, N), ArrayBuiltins::slice));
    r.register(
        Builtin.of(
            "array.reverse",
            fn(ARRAY, ARRAY),
            (c, a) -> {
              List<Value> out = Operands.array(a, 1).toMutableList();
              java.util.Collections.reverse(out);
              return ArrayValue.of(out);
            }));
    r.register(
        Builtin.of(
            "array.flatten",
            fn(ARRAY, ARRAY),
            (c, a) -> {
              List<Value> out = new ArrayList<>();
              for (Value v : Operands.array(a, 1)) {
                if (v instanceof ArrayValue inner) {
                  out.addAll(inner.asList());
                } else {
                  out.add(v);
                }
              }
              return ArrayValue.of(out);
            }));
  }

  private static Value slice(BuiltinContext c, List<Value> a) throws BuiltinException {
    ArrayValue arr = Operands.array(a, 1);
    NumberValue startN = Operands.integer(a, 2);
    NumberValue stopN = Operands.integer(a, 3);
    long start = clamp(startN, arr.size());
    long stop = clamp(stopN, arr.size());
    if (start >= stop) {
      return ArrayValue.EMPTY;
    }
    return arr.slice((int) start, (int) stop);
  }

  private static long clamp(NumberValue n, int size) {
    if (n.signum() < 0) {
      return 0;
    }
    if (!n.isLong() || n.asLong() > size) {
      return size;
    }
    return n.asLong();
  }
}
