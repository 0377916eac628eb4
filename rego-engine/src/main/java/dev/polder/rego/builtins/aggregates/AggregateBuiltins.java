package dev.polder.rego.builtins.aggregates;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;
import static dev.polder.rego.types.Types.setOf;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.Value;
import java.util.List;

/** sum, product, max, min and sort over arrays and sets ({@code count} is a core built-in). */
public final class AggregateBuiltins {

  private AggregateBuiltins() {}

  private static final Type NUMBERS = anyOf(setOf(N), arrayOf(N));
  private static final Type ANY_COLLECTION = anyOf(setOf(A), arrayOf(A));

  public static void register(BuiltinRegistry r) {
    r.register(Builtin.of("sum", fn(N, NUMBERS), (c, a) -> fold(a, NumberValue.ZERO, true)));
    r.register(Builtin.of("product", fn(N, NUMBERS), (c, a) -> fold(a, NumberValue.ONE, false)));
    r.register(Builtin.of("max", fn(A, ANY_COLLECTION), (c, a) -> extreme(a, 1)));
    r.register(Builtin.of("min", fn(A, ANY_COLLECTION), (c, a) -> extreme(a, -1)));
    r.register(
        Builtin.of("sort", fn(arrayOf(A), anyOf(arrayOf(A), setOf(A))), AggregateBuiltins::sort));
  }

  private static Value fold(List<Value> a, NumberValue start, boolean add) throws BuiltinException {
    Value coll = a.get(0);
    NumberValue acc = start;
    for (Value v : Operands.elements(coll)) {
      if (!(v instanceof NumberValue n)) {
        throw BuiltinException.typeError(
            "operand 1 must be "
                + coll.typeName()
                + " of number but got "
                + coll.typeName()
                + " containing "
                + v.typeName());
      }
      acc = add ? acc.plus(n) : acc.times(n);
    }
    return acc;
  }

  /** max (sign 1) or min (sign -1) in OPA's order; undefined for an empty collection. */
  private static Value extreme(List<Value> a, int sign) {
    Value best = null;
    for (Value v : Operands.elements(a.get(0))) {
      if (best == null || Integer.signum(v.compareTo(best)) == sign) {
        best = v;
      }
    }
    return best;
  }

  private static Value sort(BuiltinContext c, List<Value> a) {
    Value coll = a.get(0);
    if (coll.isSet()) {
      return ArrayValue.of(Operands.elements(coll));
    }
    Value[] items = ((ArrayValue) coll).asList().toArray(new Value[0]);
    java.util.Arrays.sort(items);
    return ArrayValue.wrap(items);
  }
}
