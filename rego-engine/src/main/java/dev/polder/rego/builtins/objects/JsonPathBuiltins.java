package dev.polder.rego.builtins.objects;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.ARRAY;
import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.SET;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.arrayOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.operands.Operands;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** json.filter, json.remove and json.patch over Rego documents. */
public final class JsonPathBuiltins {

  private JsonPathBuiltins() {}

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of(
            "json.filter",
            fn(A, OBJECT, anyOf(SET, ARRAY)),
            (c, a) -> {
              Value v = filter(Operands.object(a, 1), JsonPaths.trie(a.get(1)));
              return v == null ? ObjectValue.EMPTY : v;
            }));
    r.register(
        Builtin.of(
            "json.remove",
            fn(A, OBJECT, anyOf(SET, ARRAY)),
            (c, a) -> remove(Operands.object(a, 1), JsonPaths.trie(a.get(1)))));
    r.register(
        Builtin.of(
            "json.patch",
            fn(A, A, arrayOf(A)),
            (c, a) -> JsonPatch.apply(a.get(0), Operands.array(a, 2))));
  }

  /** Keeps only the listed paths; null when nothing of {@code v} is kept. */
  static Value filter(Value v, JsonPaths.Node node) {
    if (node.terminal) {
      return v;
    }
    if (v instanceof ObjectValue o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Value k : o.sortedKeys()) {
        JsonPaths.Node child = node.child(k);
        if (child != null) {
          Value kept = filter(o.get(k), child);
          if (kept != null) {
            b.put(k, kept);
          }
        }
      }
      return b.build();
    }
    if (v instanceof ArrayValue arr) {
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonPaths.Node child = node.child(Value.of(i));
        if (child != null) {
          Value kept = filter(arr.get(i), child);
          if (kept != null) {
            out.add(kept);
          }
        }
      }
      return ArrayValue.of(out);
    }
    if (v instanceof SetValue s) {
      SetValue.Builder b = SetValue.builder();
      for (Value m : s) {
        JsonPaths.Node child = node.child(m);
        if (child != null) {
          Value kept = filter(m, child);
          if (kept != null) {
            b.add(kept);
          }
        }
      }
      return b.build();
    }
    return null;
  }

  /** Drops the listed paths; null when {@code v} itself is dropped. */
  static Value remove(Value v, JsonPaths.Node node) {
    if (node.terminal) {
      return null;
    }
    if (v instanceof ObjectValue o) {
      ObjectValue.Builder b = ObjectValue.builder();
      for (Value k : o.sortedKeys()) {
        JsonPaths.Node child = node.child(k);
        Value kept = child == null ? o.get(k) : remove(o.get(k), child);
        if (kept != null) {
          b.put(k, kept);
        }
      }
      return b.build();
    }
    if (v instanceof ArrayValue arr) {
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonPaths.Node child = node.child(Value.of(i));
        Value kept = child == null ? arr.get(i) : remove(arr.get(i), child);
        if (kept != null) {
          out.add(kept);
        }
      }
      return ArrayValue.of(out);
    }
    if (v instanceof SetValue s) {
      SetValue.Builder b = SetValue.builder();
      for (Value m : s) {
        JsonPaths.Node child = node.child(m);
        Value kept = child == null ? m : remove(m, child);
        if (kept != null) {
          b.add(kept);
        }
      }
      return b.build();
    }
    return v;
  }
}
