package dev.polder.rego.builtins.sets;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.fn;
import static dev.polder.rego.types.Types.setOf;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;

/** intersection and union of a set of sets ({@code &}, {@code |} are core operators). */
public final class SetBuiltins {

  private SetBuiltins() {}

  private static final Type SET_OF_SETS = setOf(setOf(A));

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "union",
            fn(setOf(A), SET_OF_SETS),
            (c, a) -> {
              SetValue.Builder b = SetValue.builder();
              for (Value s : (SetValue) a.get(0)) {
                for (Value v : member(s)) {
                  b.add(v);
                }
              }
              return b.build();
            }));
    r.register(
        Builtin.of(
            "intersection",
            fn(setOf(A), SET_OF_SETS),
            (c, a) -> {
              SetValue acc = null;
              for (Value s : (SetValue) a.get(0)) {
                acc = acc == null ? member(s) : acc.intersect(member(s));
              }
              return acc == null ? SetValue.EMPTY : acc;
            }));
  }

  private static SetValue member(Value s) throws BuiltinException {
    if (s instanceof SetValue set) {
      return set;
    }
    throw BuiltinException.typeError(
        "operand 1 must be set of sets but got set containing " + s.typeName());
  }
}
