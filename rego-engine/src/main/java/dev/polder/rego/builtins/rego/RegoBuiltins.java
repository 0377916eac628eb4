package dev.polder.rego.builtins.rego;

import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.types.Types;

/**
 * rego.* built-ins. {@code rego.metadata.chain()} and {@code rego.metadata.rule()} are replaced by
 * the compiler with the annotations of the rule they appear in; called from a query (no rule) they
 * fail as in OPA. {@code rego.parse_module} returns a module's AST in OPA's JSON shape.
 */
public final class RegoBuiltins {
  private RegoBuiltins() {}

  public static void register(BuiltinRegistry r) {
    for (String name : new String[] {"rego.metadata.chain", "rego.metadata.rule"}) {
      r.register(
          Builtin.of(
              name,
              fn(Types.A),
              (c, a) -> {
                throw BuiltinException.error(
                    "the " + name + " function must only be called within the scope of a rule");
              }));
    }
    r.register(
        Builtin.of(
            "rego.parse_module",
            fn(Types.OBJECT, Types.S, Types.S),
            (c, a) -> ModuleJson.parse(a.get(0), a.get(1))));
  }
}
