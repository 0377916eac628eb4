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
          CoreBuiltins::register
          // builtins engineer: add groups below, one per line, e.g. StringBuiltins::register
          );

  static final BuiltinRegistry REGISTRY = build();

  private static BuiltinRegistry build() {
    BuiltinRegistry r = new BuiltinRegistry();
    for (Consumer<BuiltinRegistry> group : GROUPS) {
      group.accept(r);
    }
    return r.freeze();
  }
}
