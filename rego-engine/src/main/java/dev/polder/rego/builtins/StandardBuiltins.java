package dev.polder.rego.builtins;

import dev.polder.rego.builtins.core.CoreBuiltins;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one place that lists the built-in groups. To add a group: write {@code
 * dev.polder.rego.builtins.<group>.<Group>Builtins} with {@code public static void
 * register(BuiltinRegistry r)} and add one line to {@link #GROUPS}.
 */
final class StandardBuiltins {
  private StandardBuiltins() {}

  static final List<Consumer<BuiltinRegistry>> GROUPS =
      List.of(
          CoreBuiltins::register,
          // builtins engineer: add groups below, one per line, e.g. StringBuiltins::register
          dev.polder.rego.builtins.aggregates.AggregateBuiltins::register,
          dev.polder.rego.builtins.arrays.ArrayBuiltins::register,
          dev.polder.rego.builtins.bits.BitsBuiltins::register,
          dev.polder.rego.builtins.crypto.CryptoBuiltins::register,
          dev.polder.rego.builtins.encoding.EncodingBuiltins::register,
          dev.polder.rego.builtins.encoding.JsonBuiltins::register,
          dev.polder.rego.builtins.glob.GlobBuiltins::register,
          dev.polder.rego.builtins.graph.GraphBuiltins::register,
          dev.polder.rego.builtins.http.HttpSendBuiltin::register,
          dev.polder.rego.builtins.jsonschema.JsonSchemaBuiltins::register,
          dev.polder.rego.builtins.graphql.GraphQlBuiltins::register,
          dev.polder.rego.builtins.jwt.JwtBuiltins::register,
          dev.polder.rego.builtins.net.NetBuiltins::register,
          dev.polder.rego.builtins.numbers.NumberBuiltins::register,
          dev.polder.rego.builtins.objects.ObjectBuiltins::register,
          dev.polder.rego.builtins.objects.JsonPathBuiltins::register,
          dev.polder.rego.builtins.providers.ProviderBuiltins::register,
          dev.polder.rego.builtins.regex.RegexBuiltins::register,
          dev.polder.rego.builtins.rego.RegoBuiltins::register,
          dev.polder.rego.builtins.runtime.RuntimeBuiltins::register,
          dev.polder.rego.builtins.semver.SemVerBuiltins::register,
          dev.polder.rego.builtins.sets.SetBuiltins::register,
          dev.polder.rego.builtins.strings.StringBuiltins::register,
          dev.polder.rego.builtins.time.TimeBuiltins::register,
          dev.polder.rego.builtins.types.TypeBuiltins::register,
          dev.polder.rego.builtins.units.UnitsBuiltins::register,
          dev.polder.rego.builtins.uuid.UuidBuiltins::register);

  static final BuiltinRegistry REGISTRY = build();

  private static BuiltinRegistry build() {
    BuiltinRegistry r = new BuiltinRegistry();
    for (Consumer<BuiltinRegistry> group : GROUPS) {
      group.accept(r);
    }
    return r.freeze();
  }
}
