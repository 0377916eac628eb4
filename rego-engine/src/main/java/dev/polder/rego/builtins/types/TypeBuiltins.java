package dev.polder.rego.builtins.types;

import static dev.polder.rego.types.Types.A;
import static dev.polder.rego.types.Types.B;
import static dev.polder.rego.types.Types.N;
import static dev.polder.rego.types.Types.NL;
import static dev.polder.rego.types.Types.S;
import static dev.polder.rego.types.Types.anyOf;
import static dev.polder.rego.types.Types.fn;

import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** is_number, is_string, ..., type_name and to_number. */
public final class TypeBuiltins {

  private TypeBuiltins() {}

  public static void register(BuiltinRegistry r) {
    check(r, "is_number", Value::isNumber);
    check(r, "is_string", Value::isString);
    check(r, "is_boolean", Value::isBoolean);
    check(r, "is_array", Value::isArray);
    check(r, "is_set", Value::isSet);
    check(r, "is_object", Value::isObject);
    check(r, "is_null", Value::isNull);
    r.register(Builtin.of("type_name", fn(S, A), (c, a) -> StringValue.of(a.get(0).typeName())));
    r.register(Builtin.of("to_number", fn(N, anyOf(NL, B, N, S)), TypeBuiltins::toNumber));
  }

  private static void check(BuiltinRegistry r, String name, Predicate<Value> test) {
    r.register(Builtin.of(name, fn(B, A), (c, a) -> BooleanValue.of(test.test(a.get(0)))));
  }

  private static Value toNumber(BuiltinContext c, List<Value> a) throws BuiltinException {
    Value v = a.get(0);
    if (v.isNull()) {
      return NumberValue.ZERO;
    }
    if (v instanceof BooleanValue b) {
      return b.value() ? NumberValue.ONE : NumberValue.ZERO;
    }
    if (v instanceof NumberValue n) {
      return n;
    }
    if (v instanceof StringValue s) {
      return parseNumber(s.value());
    }
    throw BuiltinException.operandType(1, "one of {null, boolean, number, string}", v);
  }

  /** Go's strconv.ParseFloat syntax, without NaN and infinities (not numbers in Rego). */
  static NumberValue parseNumber(String s) throws BuiltinException {
    String lower = s.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
    if (lower.equals("nan") || lower.equals("inf") || lower.equals("infinity")) {
      throw BuiltinException.typeError("operand 1 must be a finite number but got " + s);
    }
    if (!s.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
      throw BuiltinException.error("strconv.ParseFloat: parsing \"" + s + "\": invalid syntax");
    }
    return NumberValue.of(new BigDecimal(s.endsWith(".") ? s + "0" : s));
  }
}
