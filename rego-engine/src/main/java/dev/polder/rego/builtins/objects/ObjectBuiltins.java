package dev.polder.rego.builtins.objects;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.ARRAY;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.OBJECT;
import static dev.polder.rego.types.Types.SET;
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
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** object.get/keys/remove/filter/union/union_n/subset. */
public final class ObjectBuiltins {

  private ObjectBuiltins() {}

  private static final Type KEYS = anyOf(OBJECT, SET, ARRAY);

  public static void register(BuiltinRegistry r) {
    r.register(new WalkBuiltin());
    r.register(Builtin.of("object.get", fn(A, OBJECT, A, A), ObjectBuiltins::get));
    r.register(
        Builtin.of(
            "object.keys",
            fn(setOf(A), OBJECT),
            (c, a) -> SetValue.of(Operands.object(a, 1).asMap().keySet())));
    r.register(
        Builtin.of(
            "object.remove",
            fn(OBJECT, OBJECT, KEYS),
            (c, a) -> {
              ObjectValue.Builder b = ObjectValue.builder();
              Map<Value, Value> m = Operands.object(a, 1).asMap();
              List<Value> keys = keyList(a.get(1));
              for (Map.Entry<Value, Value> e : m.entrySet()) {
                if (!keys.contains(e.getKey())) {
                  b.put(e.getKey(), e.getValue());
                }
              }
              return b.build();
            }));
    r.register(
        Builtin.of(
            "object.filter",
            fn(OBJECT, OBJECT, KEYS),
            (c, a) -> {
              ObjectValue o = Operands.object(a, 1);
              ObjectValue.Builder b = ObjectValue.builder();
              for (Value k : keyList(a.get(1))) {
                Value v = o.get(k);
                if (v != null) {
                  b.put(k, v);
                }
              }
              return b.build();
            }));
    r.register(
        Builtin.of(
            "object.union",
            fn(OBJECT, OBJECT, OBJECT),
            (c, a) -> union(Operands.object(a, 1), Operands.object(a, 2))));
    r.register(
        Builtin.of(
            "object.union_n",
            fn(OBJECT, arrayOf(OBJECT)),
            (c, a) -> {
              ObjectValue acc = ObjectValue.EMPTY;
              for (Value v : Operands.array(a, 1)) {
                if (!(v instanceof ObjectValue o)) {
                  throw BuiltinException.typeError(
                      "operand 1 must be array of objects but got array containing "
                          + v.typeName());
                }
                acc = union(acc, o);
              }
              return acc;
            }));
    r.register(
        Builtin.selfChecking(
            "object.subset",
            fn(B, anyOf(OBJECT, ARRAY, SET), anyOf(OBJECT, ARRAY, SET)),
            ObjectBuiltins::subset));
  }

  private static List<Value> keyList(Value keys) {
    if (keys instanceof ObjectValue o) {
      return new ArrayList<>(o.asMap().keySet());
    }
    return Operands.elements(keys);
  }

  private static Value get(BuiltinContext c, List<Value> a) throws BuiltinException {
    ObjectValue o = Operands.object(a, 1);
    Value key = a.get(1);
    Value fallback = a.get(2);
    if (!(key instanceof ArrayValue path)) {
      Value v = o.get(key);
      return v == null ? fallback : v;
    }
    Value current = o;
    for (Value step : path) {
      current = child(current, step);
      if (current == null) {
        return fallback;
      }
    }
    return current;
  }

  /** One step of a path: object key, array index or set member; null when absent. */
  static Value child(Value node, Value step) {
    if (node instanceof ObjectValue o) {
      return o.get(step);
    }
    if (node instanceof ArrayValue arr
        && step instanceof NumberValue n
        && n.isInt()
        && n.asInt() >= 0
        && n.asInt() < arr.size()) {
      return arr.get(n.asInt());
    }
    if (node instanceof SetValue s && s.contains(step)) {
      return step;
    }
    return null;
  }

  /** Recursive merge; on conflict the right side wins unless both sides are objects. */
  static ObjectValue union(ObjectValue left, ObjectValue right) {
    Map<Value, Value> m = new HashMap<>(left.asMap());
    for (Map.Entry<Value, Value> e : right.asMap().entrySet()) {
      Value l = m.get(e.getKey());
      if (l instanceof ObjectValue lo && e.getValue() instanceof ObjectValue ro) {
        m.put(e.getKey(), union(lo, ro));
      } else {
        m.put(e.getKey(), e.getValue());
      }
    }
    return ObjectValue.wrap(m);
  }

  private static Value subset(BuiltinContext c, List<Value> a) throws BuiltinException {
    Value sup = a.get(0);
    Value sub = a.get(1);
    if (!(sup.isObject() || sup.isArray() || sup.isSet())) {
      throw BuiltinException.operandType(1, "one of {object, array, set}", sup);
    }
    if (!(sub.isObject() || sub.isArray() || sub.isSet())) {
      throw BuiltinException.operandType(2, "one of {object, array, set}", sub);
    }
    if (sup.isObject() != sub.isObject() || (sup.isSet() && sub.isArray())) {
      throw BuiltinException.typeError(
          "operand 1 and operand 2 must be (object, object), (array, array), (set, set) or"
              + " (array, set) but got ("
              + sup.typeName()
              + ", "
              + sub.typeName()
              + ")");
    }
    return BooleanValue.of(isSubset(sup, sub));
  }

  static boolean isSubset(Value sup, Value sub) {
    if (sup instanceof ObjectValue so && sub instanceof ObjectValue bo) {
      for (Map.Entry<Value, Value> e : bo.asMap().entrySet()) {
        Value sv = so.get(e.getKey());
        if (sv == null) {
          return false;
        }
        Value bv = e.getValue();
        boolean nested =
            (sv.isObject() && bv.isObject())
                || (sv.isSet() && bv.isSet())
                || (sv.isArray() && (bv.isArray() || bv.isSet()));
        if (nested ? !isSubset(sv, bv) : !sv.equals(bv)) {
          return false;
        }
      }
      return true;
    }
    if (sup instanceof SetValue ss && sub instanceof SetValue bs) {
      return ss.asSet().containsAll(bs.asSet());
    }
    if (sup instanceof ArrayValue sa && sub instanceof SetValue bs) {
      return sa.asList().containsAll(bs.asSet());
    }
    if (sup instanceof ArrayValue sa && sub instanceof ArrayValue ba) {
      return java.util.Collections.indexOfSubList(sa.asList(), ba.asList()) >= 0;
    }
    return sup.equals(sub);
  }
}
