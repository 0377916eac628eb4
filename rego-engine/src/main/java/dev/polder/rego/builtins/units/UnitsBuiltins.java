package dev.polder.rego.builtins.units;

import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.NumberValue;

/** units.parse and units.parse_bytes. */
public final class UnitsBuiltins {

  private UnitsBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "units.parse",
            fn(N, S),
            (c, a) -> {
              try {
                return NumberValue.of(Units.parse(Operands.string(a, 1)));
              } catch (IllegalArgumentException e) {
                throw BuiltinException.error(e.getMessage());
              }
            }));
    r.register(
        Builtin.of(
            "units.parse_bytes",
            fn(N, S),
            (c, a) -> {
              try {
                return NumberValue.of(Units.parseBytes(Operands.string(a, 1)));
              } catch (IllegalArgumentException e) {
                throw BuiltinException.error(e.getMessage());
              }
            }));
  }
}
