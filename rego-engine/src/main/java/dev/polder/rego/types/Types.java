package dev.polder.rego.types;

import java.util.List;

/** Shorthands for building signatures, named as in OPA's {@code types} package. */
public final class Types {
  private Types() {}

  public static final Type A = new Type.Any(List.of());
  public static final Type NL = new Type.Null();
  public static final Type B = new Type.Boolean();
  public static final Type N = new Type.Number();
  public static final Type S = new Type.Str();

  /** Any object: {@code object[any: any]}. */
  public static final Type OBJECT = new Type.Obj(A, A);

  /** Any array. */
  public static final Type ARRAY = new Type.Array(A);

  /** Any set. */
  public static final Type SET = new Type.SetOf(A);

  public static Type arrayOf(Type element) {
    return new Type.Array(element);
  }

  public static Type setOf(Type element) {
    return new Type.SetOf(element);
  }

  public static Type objectOf(Type key, Type value) {
    return new Type.Obj(key, value);
  }

  /** A union: {@code any<t1, t2, ...>}. */
  public static Type anyOf(Type... types) {
    return new Type.Any(List.of(types));
  }

  /** A fixed-arity signature. */
  public static Type.Function fn(Type result, Type... args) {
    return new Type.Function(List.of(args), result, null);
  }

  /** A signature accepting any number of further arguments of {@code variadic}. */
  public static Type.Function variadic(Type result, Type variadic, Type... args) {
    return new Type.Function(List.of(args), result, variadic);
  }
}
