package dev.polder.rego.builtins.operands;

import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to built-in arguments with OPA's operand error messages. Positions are 1-based, as
 * in the messages ({@code operand 2 must be string but got number}).
 */
public final class Operands {

  private Operands() {}

  public static String string(List<Value> args, int pos) throws BuiltinException {
    Value v = args.get(pos - 1);
    if (v instanceof StringValue s) {
      return s.value();
    }
    throw BuiltinException.operandType(pos, "string", v);
  }

  public static NumberValue number(List<Value> args, int pos) throws BuiltinException {
    Value v = args.get(pos - 1);
    if (v instanceof NumberValue n) {
      return n;
    }
    throw BuiltinException.operandType(pos, "number", v);
  }

  public static boolean bool(List<Value> args, int pos) throws BuiltinException {
    Value v = args.get(pos - 1);
    if (v instanceof dev.polder.rego.value.BooleanValue b) {
      return b.value();
    }
    throw BuiltinException.operandType(pos, "boolean", v);
  }

  public static ArrayValue array(List<Value> args, int pos) throws BuiltinException {
    Value v = args.get(pos - 1);
    if (v instanceof ArrayValue a) {
      return a;
    }
    throw BuiltinException.operandType(pos, "array", v);
  }

  public static SetValue set(List<Value> args, int pos) throws BuiltinException {
    Value v = args.get(pos - 1);
    if (v instanceof SetValue s) {
      return s;
    }
    throw BuiltinException.operandType(pos, "set", v);
  }

  public static ObjectValue object(List<Value> args, int pos) throws BuiltinException {
    Value v = args.get(pos - 1);
    if (v instanceof ObjectValue o) {
      return o;
    }
    throw BuiltinException.operandType(pos, "object", v);
  }

  /**
   * An integer operand, with OPA's message for a fraction: {@code operand 1 must be integer number
   * but got floating-point number}.
   */
  public static NumberValue integer(List<Value> args, int pos) throws BuiltinException {
    NumberValue n = number(args, pos);
    if (!n.isInteger()) {
      throw BuiltinException.typeError(
          "operand " + pos + " must be integer number but got floating-point number");
    }
    return n;
  }

  /** An integer operand that must fit an int (sizes, counts, offsets). */
  public static int intValue(List<Value> args, int pos) throws BuiltinException {
    NumberValue n = integer(args, pos);
    if (!n.isInt()) {
      throw BuiltinException.error("operand " + pos + " is out of range: " + n.format());
    }
    return n.asInt();
  }

  /** The elements of an array or set operand (set in sort order). */
  public static List<Value> elements(Value v) {
    if (v instanceof ArrayValue a) {
      return a.asList();
    }
    if (v instanceof SetValue s) {
      return s.sortedMembers();
    }
    throw new IllegalArgumentException("not a collection: " + v.typeName());
  }

  /** Strings of an array or set, or the single string; {@code what} names the operand kind. */
  public static List<String> strings(List<Value> args, int pos) throws BuiltinException {
    Value v = args.get(pos - 1);
    List<String> out = new ArrayList<>();
    if (v instanceof StringValue s) {
      out.add(s.value());
      return out;
    }
    if (!(v instanceof ArrayValue || v instanceof SetValue)) {
      throw BuiltinException.operandType(pos, "one of {string, set, array}", v);
    }
    for (Value e : elements(v)) {
      if (!(e instanceof StringValue s)) {
        throw BuiltinException.typeError(
            "operand "
                + pos
                + " must be "
                + (v.isArray() ? "array" : "set")
                + " of strings but got "
                + (v.isArray() ? "array" : "set")
                + " containing "
                + e.typeName());
      }
      out.add(s.value());
    }
    return out;
  }

  public static StringValue str(String s) {
    return StringValue.of(s);
  }

  public static NumberValue num(long n) {
    return NumberValue.of(n);
  }
}
