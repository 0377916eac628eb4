package dev.polder.rego.builtins.objects;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code walk(x)}: every [path, value] pair of a document, the document itself first. */
public final class WalkBuiltin implements Builtin {

  @Override
  public String name() {
    return "walk";
  }

  @Override
  public Type.Function signature() {
    return fn(arrayOf(A), A);
  }

  @Override
  public boolean isRelation() {
    return true;
  }

  @Override
  public Value call(BuiltinContext ctx, List<Value> args) {
    throw new UnsupportedOperationException("walk is a relation: use iterate");
  }

  @Override
  public void iterate(BuiltinContext ctx, List<Value> args, Consumer<Value> results)
      throws BuiltinException {
    walk(ctx, new ArrayList<>(), args.get(0), results);
  }

  private static void walk(BuiltinContext ctx, List<Value> path, Value v, Consumer<Value> out)
      throws BuiltinException {
    if (ctx.cancelled()) {
      throw BuiltinException.error("walk cancelled");
    }
    out.accept(ArrayValue.of(ArrayValue.of(path), v));
    if (v instanceof ObjectValue o) {
      for (Value k : o.sortedKeys()) {
        descend(ctx, path, k, o.get(k), out);
      }
    } else if (v instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        descend(ctx, path, Value.of(i), a.get(i), out);
      }
    } else if (v instanceof SetValue s) {
      for (Value m : s.sortedMembers()) {
        descend(ctx, path, m, m, out);
      }
    }
  }

  private static void descend(
      BuiltinContext ctx, List<Value> path, Value key, Value child, Consumer<Value> out)
      throws BuiltinException {
    path.add(key);
    walk(ctx, path, child, out);
    path.remove(path.size() - 1);
  }
}
