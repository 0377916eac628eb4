package dev.polder.rego.types;

import dev.polder.rego.value.Value;

/**
 * A Rego type as OPA's {@code types} package models it, used for built-in signatures and the
 * compiler's type checks. {@link #accepts} checks a value's top-level kind (elements of composites
 * are the built-in's own business, as in OPA).
 */
public sealed interface Type
    permits Type.Any,
        Type.Null,
        Type.Boolean,
        Type.Number,
        Type.Str,
        Type.Array,
        Type.SetOf,
        Type.Obj,
        Type.Function {

  /** True if a value of this top-level kind may be passed where this type is declared. */
  boolean accepts(Value v);

  /** The name used in runtime operand errors: {@code string}, {@code one of {array, set}}. */
  String operandName();

  /** Any value, or any of the listed types (a union) when {@code of} is non-empty. */
  record Any(java.util.List<Type> of) implements Type {
    public Any {
      of = java.util.List.copyOf(of);
    }

    @Override
    public boolean accepts(Value v) {
      if (of.isEmpty()) {
        return true;
      }
      for (Type t : of) {
        if (t.accepts(v)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String operandName() {
      if (of.isEmpty()) {
        return "any";
      }
      StringBuilder sb = new StringBuilder("one of {");
      for (int i = 0; i < of.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(of.get(i).operandName());
      }
      return sb.append('}').toString();
    }

    @Override
    public String toString() {
      if (of.isEmpty()) {
        return "any";
      }
      StringBuilder sb = new StringBuilder("any<");
      for (int i = 0; i < of.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(of.get(i));
      }
      return sb.append('>').toString();
    }
  }

  record Null() implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.isNull();
    }

    @Override
    public String operandName() {
      return "null";
    }

    @Override
    public String toString() {
      return "null";
    }
  }

  record Boolean() implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.isBoolean();
    }

    @Override
    public String operandName() {
      return "boolean";
    }

    @Override
    public String toString() {
      return "boolean";
    }
  }

  record Number() implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.isNumber();
    }

    @Override
    public String operandName() {
      return "number";
    }

    @Override
    public String toString() {
      return "number";
    }
  }

  record Str() implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.isString();
    }

    @Override
    public String operandName() {
      return "string";
    }

    @Override
    public String toString() {
      return "string";
    }
  }

  /**
   * An array. Dynamic ({@code items} null): any length, every element an {@code element}. Static
   * (OPA's {@code types.NewArray(static, nil)}, e.g. the literal {@code [1, "x"]}): exactly {@code
   * items.size()} elements with a type per position, and {@code element} their union.
   */
  record Array(Type element, java.util.List<Type> items) implements Type {
    public Array {
      items = items == null ? null : java.util.List.copyOf(items);
    }

    /** A dynamic array of {@code element}s. */
    public Array(Type element) {
      this(element, null);
    }

    public boolean isStatic() {
      return items != null;
    }

    @Override
    public boolean accepts(Value v) {
      return v.isArray();
    }

    @Override
    public String operandName() {
      return "array";
    }

    @Override
    public String toString() {
      if (items == null) {
        return "array[" + element + "]";
      }
      StringBuilder sb = new StringBuilder("array<");
      for (int i = 0; i < items.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(items.get(i));
      }
      return sb.append('>').toString();
    }
  }

  record SetOf(Type element) implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.isSet();
    }

    @Override
    public String operandName() {
      return "set";
    }

    @Override
    public String toString() {
      return "set[" + element + "]";
    }
  }

  /** An object with keys of type {@code key} and values of type {@code value}. */
  record Obj(Type key, Type value) implements Type {
    @Override
    public boolean accepts(Value v) {
      return v.isObject();
    }

    @Override
    public String operandName() {
      return "object";
    }

    @Override
    public String toString() {
      return "object[" + key + ": " + value + "]";
    }
  }

  /**
   * A function signature: argument types and result type. {@code variadic} (may be null) is the
   * type of any further arguments.
   */
  record Function(java.util.List<Type> args, Type result, Type variadic) implements Type {
    public Function {
      args = java.util.List.copyOf(args);
    }

    @Override
    public boolean accepts(Value v) {
      return false;
    }

    @Override
    public String operandName() {
      return "function";
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < args.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(args.get(i));
      }
      if (variadic != null) {
        sb.append(args.isEmpty() ? "" : ", ").append(variadic).append("...");
      }
      return sb.append(") => ").append(result).toString();
    }
  }
}
