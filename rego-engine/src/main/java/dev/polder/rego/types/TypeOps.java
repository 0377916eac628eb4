package dev.polder.rego.types;

import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The type algebra the compiler's type checker needs: unions, element selection, the type of a
 * constant and whether two types can describe a common value. Everything errs towards {@code any}:
 * an imprecise type must only ever hide a type error, never invent one.
 */
public final class TypeOps {
  private TypeOps() {}

  /** True for {@code any} without alternatives (and for an unknown type). */
  public static boolean isAny(Type t) {
    return t == null || (t instanceof Type.Any a && a.of().isEmpty());
  }

  /**
   * True if some value could have both types, as OPA's {@code unifies}: an argument of type {@code
   * have} may be passed where {@code want} is declared. Functions are never judged here.
   */
  public static boolean overlaps(Type have, Type want) {
    if (isAny(have) || isAny(want)) {
      return true;
    }
    if (have instanceof Type.Any a) {
      return a.of().stream().anyMatch(t -> overlaps(t, want));
    }
    if (want instanceof Type.Any a) {
      return a.of().stream().anyMatch(t -> overlaps(have, t));
    }
    if (have instanceof Type.Function || want instanceof Type.Function) {
      return true;
    }
    if (have instanceof Type.Array x) {
      return want instanceof Type.Array y && overlapsArrays(x, y);
    }
    if (have instanceof Type.SetOf x) {
      return want instanceof Type.SetOf y && overlaps(x.element(), y.element());
    }
    if (have instanceof Type.Obj x) {
      return want instanceof Type.Obj y
          && overlaps(x.key(), y.key())
          && overlaps(x.value(), y.value());
    }
    return have.getClass() == want.getClass();
  }

  /** As OPA's {@code unifiesArrays}: static arrays position by position, lengths must agree. */
  private static boolean overlapsArrays(Type.Array x, Type.Array y) {
    if (x.isStatic() && y.isStatic()) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!overlaps(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (x.isStatic() || y.isStatic()) {
      Type.Array fixed = x.isStatic() ? x : y;
      Type dynamic = x.isStatic() ? y.element() : x.element();
      for (Type item : fixed.items()) {
        if (!overlaps(item, dynamic)) {
          return false;
        }
      }
      return true;
    }
    return overlaps(x.element(), y.element());
  }

  /**
   * A static array with a type per position ({@code [1, "x"]}: {@code array<number, string>}); an
   * empty one is a dynamic array of any (nothing to say about its elements).
   */
  public static Type tuple(List<Type> items) {
    if (items.isEmpty()) {
      return Types.ARRAY;
    }
    List<Type> known = new ArrayList<>(items.size());
    for (Type t : items) {
      known.add(t == null ? Types.A : t);
    }
    return new Type.Array(union(known), known);
  }

  /** The type of {@code t[i]} for a constant index: the position of a static array if known. */
  public static Type index(Type t, int i) {
    if (t instanceof Type.Array a && a.isStatic() && i >= 0 && i < a.items().size()) {
      return a.items().get(i);
    }
    return element(t);
  }

  /** The smallest union containing all types: nested unions flattened, {@code any} absorbs. */
  public static Type union(List<Type> types) {
    if (!types.isEmpty() && allEqual(types)) {
      Type only = types.get(0);
      return only == null ? Types.A : only; // the common case: [1, 2], {"a", "b"}
    }
    List<Type> members = new ArrayList<>();
    for (Type t : types) {
      if (isAny(t)) {
        return Types.A;
      }
      if (t instanceof Type.Any a) {
        for (Type m : a.of()) {
          if (!members.contains(m)) {
            members.add(m);
          }
        }
      } else if (!members.contains(t)) {
        members.add(t);
      }
    }
    if (members.isEmpty()) {
      return Types.A;
    }
    if (members.size() == 1) {
      return members.get(0);
    }
    members.sort(Comparator.comparingInt(TypeOps::rank));
    return new Type.Any(members);
  }

  private static boolean allEqual(List<Type> types) {
    Type first = types.get(0);
    for (int i = 1; i < types.size(); i++) {
      if (!java.util.Objects.equals(first, types.get(i))) {
        return false;
      }
    }
    return true;
  }

  public static Type union(Type a, Type b) {
    return union(List.of(a == null ? Types.A : a, b == null ? Types.A : b));
  }

  /** OPA's order of types inside a union. */
  private static int rank(Type t) {
    if (t instanceof Type.Null) {
      return 1;
    }
    if (t instanceof Type.Boolean) {
      return 2;
    }
    if (t instanceof Type.Number) {
      return 3;
    }
    if (t instanceof Type.Str) {
      return 4;
    }
    if (t instanceof Type.Array) {
      return 5;
    }
    if (t instanceof Type.Obj) {
      return 6;
    }
    if (t instanceof Type.SetOf) {
      return 7;
    }
    return t instanceof Type.Any ? 8 : 9;
  }

  /**
   * The type of {@code x[k]} for any key: the element of an array or set, the value of an object.
   * Unknown or not a collection: {@code any} (OPA's undefined-ref checks are not done here).
   */
  public static Type element(Type t) {
    if (t instanceof Type.Array a) {
      return a.element();
    }
    if (t instanceof Type.SetOf s) {
      return s.element();
    }
    if (t instanceof Type.Obj o) {
      return o.value();
    }
    if (t instanceof Type.Any u && !u.of().isEmpty()) {
      List<Type> out = new ArrayList<>();
      for (Type m : u.of()) {
        if (!(m instanceof Type.Array || m instanceof Type.SetOf || m instanceof Type.Obj)) {
          return Types.A;
        }
        out.add(element(m));
      }
      return union(out);
    }
    return Types.A;
  }

  /** The key type of a collection: number for arrays, the element for sets, the object's key. */
  public static Type key(Type t) {
    if (t instanceof Type.Array) {
      return Types.N;
    }
    if (t instanceof Type.SetOf s) {
      return s.element();
    }
    if (t instanceof Type.Obj o) {
      return o.key();
    }
    return Types.A;
  }

  /**
   * The type of a constant; arrays are static ({@code [1, "a"]}: {@code array<number, string>}).
   */
  public static Type of(Value v) {
    if (v.isNull()) {
      return Types.NL;
    }
    if (v.isBoolean()) {
      return Types.B;
    }
    if (v.isNumber()) {
      return Types.N;
    }
    if (v.isString()) {
      return Types.S;
    }
    if (v instanceof ArrayValue a) {
      List<Type> items = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        items.add(of(a.get(i)));
      }
      return tuple(items);
    }
    if (v instanceof SetValue s) {
      List<Type> items = new ArrayList<>();
      for (Value e : s) {
        items.add(of(e));
      }
      return new Type.SetOf(union(items));
    }
    if (v instanceof ObjectValue o) {
      List<Type> keys = new ArrayList<>();
      List<Type> values = new ArrayList<>();
      for (Map.Entry<Value, Value> e : o.asMap().entrySet()) {
        keys.add(of(e.getKey()));
        values.add(of(e.getValue()));
      }
      return new Type.Obj(union(keys), union(values));
    }
    return Types.A;
  }

  /** True for null, boolean, number and string: types whose values never overlap another's. */
  public static boolean isScalar(Type t) {
    return t instanceof Type.Null
        || t instanceof Type.Boolean
        || t instanceof Type.Number
        || t instanceof Type.Str;
  }
}
