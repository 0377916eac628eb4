package dev.polder.rego.builtins.core;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.types.Type;
import dev.polder.rego.types.Types;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;

/**
 * The operators and the few built-ins the evaluator itself relies on. Owned by the rego-engine
 * core: builtins engineer, please do not re-implement these (they are registered here): {@code
 * equal neq lt gt lte gte plus minus mul div rem and or count internal.member_2 internal.member_3
 * print}.
 */
public final class CoreBuiltins {
  private CoreBuiltins() {}

  private static final Type NUMBER_OR_SET = anyOf(N, Types.SET);
  private static final Type COLLECTION = anyOf(Types.ARRAY, Types.OBJECT, Types.SET, S);

  public static void register(BuiltinRegistry r) {
    r.register(
        Builtin.of("equal", fn(B, A, A), (c, a) -> BooleanValue.of(a.get(0).equals(a.get(1)))));
    r.register(
        Builtin.of("neq", fn(B, A, A), (c, a) -> BooleanValue.of(!a.get(0).equals(a.get(1)))));
    r.register(
        Builtin.of("lt", fn(B, A, A), (c, a) -> BooleanValue.of(a.get(0).compareTo(a.get(1)) < 0)));
    r.register(
        Builtin.of("gt", fn(B, A, A), (c, a) -> BooleanValue.of(a.get(0).compareTo(a.get(1)) > 0)));
    r.register(
        Builtin.of(
            "lte", fn(B, A, A), (c, a) -> BooleanValue.of(a.get(0).compareTo(a.get(1)) <= 0)));
    r.register(
        Builtin.of(
            "gte", fn(B, A, A), (c, a) -> BooleanValue.of(a.get(0).compareTo(a.get(1)) >= 0)));

    r.register(Builtin.of("plus", fn(N, N, N), (c, a) -> num(a.get(0)).plus(num(a.get(1)))));
    r.register(Builtin.of("mul", fn(N, N, N), (c, a) -> num(a.get(0)).times(num(a.get(1)))));
    r.register(
        Builtin.selfChecking(
            "minus", fn(NUMBER_OR_SET, NUMBER_OR_SET, NUMBER_OR_SET), CoreBuiltins::minus));
    r.register(Builtin.of("div", fn(N, N, N), CoreBuiltins::divide));
    r.register(Builtin.of("rem", fn(N, N, N), CoreBuiltins::remainder));
    r.register(
        Builtin.of(
            "and",
            fn(Types.SET, Types.SET, Types.SET),
            (c, a) -> ((SetValue) a.get(0)).intersect((SetValue) a.get(1))));
    r.register(
        Builtin.of(
            "or",
            fn(Types.SET, Types.SET, Types.SET),
            (c, a) -> ((SetValue) a.get(0)).union((SetValue) a.get(1))));

    r.register(Builtin.of("count", fn(N, COLLECTION), (c, a) -> NumberValue.of(count(a.get(0)))));
    r.register(
        Builtin.of(
            "internal.member_2",
            fn(B, A, A),
            (c, a) -> BooleanValue.of(member(a.get(0), a.get(1)))));
    r.register(
        Builtin.of(
            "internal.member_3",
            fn(B, A, A, A),
            (c, a) -> BooleanValue.of(member(a.get(0), a.get(1), a.get(2)))));
    // print is evaluated by the evaluator itself (undefined operands print as <undefined>);
    // registered so that the compiler knows it.
    r.register(new PrintBuiltin());
  }

  private static NumberValue num(Value v) {
    return (NumberValue) v;
  }

  private static Value minus(dev.polder.rego.builtins.BuiltinContext c, java.util.List<Value> a)
      throws BuiltinException {
    Value x = a.get(0);
    Value y = a.get(1);
    if (x.isNumber() && y.isNumber()) {
      return num(x).minus(num(y));
    }
    if (x.isSet() && y.isSet()) {
      return ((SetValue) x).minus((SetValue) y);
    }
    if (!x.isNumber() && !x.isSet()) {
      throw BuiltinException.operandType(1, NUMBER_OR_SET, x);
    }
    if (x.isNumber()) {
      throw BuiltinException.operandType(2, N, y);
    }
    throw BuiltinException.operandType(2, Types.SET, y);
  }

  private static Value divide(dev.polder.rego.builtins.BuiltinContext c, java.util.List<Value> a)
      throws BuiltinException {
    NumberValue y = num(a.get(1));
    if (y.signum() == 0) {
      throw BuiltinException.error("divide by zero");
    }
    return num(a.get(0)).dividedBy(y);
  }

  private static Value remainder(dev.polder.rego.builtins.BuiltinContext c, java.util.List<Value> a)
      throws BuiltinException {
    NumberValue x = num(a.get(0));
    NumberValue y = num(a.get(1));
    if (!x.isInteger() || !y.isInteger()) {
      throw BuiltinException.error("modulo on floating-point number");
    }
    if (y.signum() == 0) {
      throw BuiltinException.error("modulo by zero");
    }
    if (x.isLong() && y.isLong()) {
      return NumberValue.of(x.asLong() % y.asLong());
    }
    return NumberValue.of(x.asBigInteger().remainder(y.asBigInteger()));
  }

  /** Elements of a collection, or characters (code points) of a string. */
  public static int count(Value v) {
    if (v instanceof ArrayValue a) {
      return a.size();
    }
    if (v instanceof SetValue s) {
      return s.size();
    }
    if (v instanceof ObjectValue o) {
      return o.size();
    }
    String s = ((StringValue) v).value();
    return s.codePointCount(0, s.length());
  }

  /** {@code x in coll}: array elements, set members, object values. */
  public static boolean member(Value x, Value coll) {
    if (coll instanceof SetValue s) {
      return s.contains(x);
    }
    if (coll instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).equals(x)) {
          return true;
        }
      }
      return false;
    }
    if (coll instanceof ObjectValue o) {
      return o.asMap().containsValue(x);
    }
    return false;
  }

  /** {@code k, v in coll}: array index and element, object key and value, set member twice. */
  public static boolean member(Value k, Value v, Value coll) {
    if (coll instanceof ArrayValue a) {
      if (k instanceof NumberValue n && n.isInt()) {
        int i = n.asInt();
        return i >= 0 && i < a.size() && a.get(i).equals(v);
      }
      return false;
    }
    if (coll instanceof ObjectValue o) {
      Value got = o.get(k);
      return got != null && got.equals(v);
    }
    if (coll instanceof SetValue s) {
      return k.equals(v) && s.contains(v);
    }
    return false;
  }
}
