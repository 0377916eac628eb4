package dev.polder.rego.builtins.semver;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.List;

/** semver.is_valid and semver.compare. */
public final class SemVerBuiltins {

  private SemVerBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "semver.is_valid",
            fn(B, A),
            (c, a) ->
                BooleanValue.of(
                    a.get(0) instanceof StringValue s && SemVer.parse(s.value()).isPresent())));
    r.register(
        Builtin.of(
            "semver.compare",
            fn(N, S, S),
            (c, a) -> NumberValue.of(version(a, 1).compareTo(version(a, 2)))));
  }

  private static SemVer version(List<Value> a, int pos) throws BuiltinException {
    String s = Operands.string(a, pos);
    return SemVer.parse(s)
        .orElseThrow(
            () ->
                BuiltinException.error(
                    "operand " + pos + ": string \"" + s + "\" is not a valid SemVer"));
  }
}
