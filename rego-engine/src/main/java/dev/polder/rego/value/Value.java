package dev.polder.rego.value;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An immutable Rego value. Values of different kinds are ordered as OPA orders them: null &lt;
 * boolean &lt; number &lt; string &lt; array &lt; set &lt; object.
 */
public abstract sealed class Value implements Comparable<Value>
    permits NullValue, BooleanValue, NumberValue, StringValue, ArrayValue, SetValue, ObjectValue {

  /** Kinds in OPA's total order; the ordinal is the sort rank. */
  public enum Kind {
    NULL("null"),
    BOOLEAN("boolean"),
    NUMBER("number"),
    STRING("string"),
    ARRAY("array"),
    SET("set"),
    OBJECT("object");

    private final String typeName;

    Kind(String typeName) {
      this.typeName = typeName;
    }

    /** The name OPA uses in messages and {@code type_name}. */
    public String typeName() {
      return typeName;
    }
  }

  Value() {}

  public abstract Kind kind();

  /** OPA's type name of this value: null, boolean, number, string, array, set, object. */
  public final String typeName() {
    return kind().typeName();
  }

  /** Compares two values of the same kind. */
  abstract int compareSameKind(Value other);

  @Override
  public final int compareTo(Value other) {
    if (this == other) {
      return 0;
    }
    int k = kind().ordinal() - other.kind().ordinal();
    if (k != 0) {
      return k < 0 ? -1 : 1;
    }
    return compareSameKind(other);
  }

  /** Converts to JSON as OPA does: sets become arrays, non-string object keys become strings. */
  public JsonNode toJson() {
    return JsonConversion.toJson(this);
  }

  /** Rego source form, e.g. {@code {"a": [1, {2}]}}, as OPA prints values. */
  @Override
  public String toString() {
    return ValueFormatter.format(this);
  }

  public boolean isNull() {
    return false;
  }

  public boolean isBoolean() {
    return false;
  }

  public boolean isNumber() {
    return false;
  }

  public boolean isString() {
    return false;
  }

  public boolean isArray() {
    return false;
  }

  public boolean isSet() {
    return false;
  }

  public boolean isObject() {
    return false;
  }

  /** True for arrays, sets and objects. */
  public final boolean isComposite() {
    return kind().ordinal() >= Kind.ARRAY.ordinal();
  }

  // Convenience factories.

  public static NullValue nullValue() {
    return NullValue.INSTANCE;
  }

  public static BooleanValue of(boolean b) {
    return BooleanValue.of(b);
  }

  public static StringValue of(String s) {
    return StringValue.of(s);
  }

  public static NumberValue of(long n) {
    return NumberValue.of(n);
  }

  public static Value fromJson(JsonNode node) {
    return JsonConversion.fromJson(node);
  }
}
