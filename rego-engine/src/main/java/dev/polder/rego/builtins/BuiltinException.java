package dev.polder.rego.builtins;

import dev.polder.rego.types.Type;
import dev.polder.rego.value.Value;

/**
 * A built-in's error, carrying OPA's error code. The message is written without the built-in's
 * name: the evaluator prefixes it ({@code object.get: operand 1 must be object but got string}). In
 * non-strict mode (OPA's default) the evaluator turns it into an undefined expression; in strict
 * mode it stops the evaluation.
 */
public final class BuiltinException extends Exception {
  public static final String TYPE_ERROR = "eval_type_error";
  public static final String BUILTIN_ERROR = "eval_builtin_error";

  private final String code;

  public BuiltinException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public BuiltinException(String code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = code;
  }

  /** {@code eval_type_error}, {@code eval_builtin_error}, … */
  public String code() {
    return code;
  }

  /** {@code eval_builtin_error} with a free message, e.g. {@code divide by zero}. */
  public static BuiltinException error(String message) {
    return new BuiltinException(BUILTIN_ERROR, message);
  }

  /** {@code eval_type_error} with a free message. */
  public static BuiltinException typeError(String message) {
    return new BuiltinException(TYPE_ERROR, message);
  }

  /**
   * OPA's operand type error: {@code operand 2 must be string but got number}.
   *
   * @param operand 1-based position
   */
  public static BuiltinException operandType(int operand, Type expected, Value got) {
    return operandType(operand, expected.operandName(), got);
  }

  /** Same, with the expected type written out, e.g. {@code one of {string, set, array}}. */
  public static BuiltinException operandType(int operand, String expected, Value got) {
    return new BuiltinException(
        TYPE_ERROR, "operand " + operand + " must be " + expected + " but got " + got.typeName());
  }
}
