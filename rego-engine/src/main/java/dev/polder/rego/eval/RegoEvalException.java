package dev.polder.rego.eval;

import dev.polder.rego.ast.Location;

/**
 * An evaluation error with OPA's code ({@code eval_conflict_error}, {@code eval_builtin_error},
 * {@code eval_type_error}, …). Its message is {@code file:line: code: detail}, as OPA prints it.
 */
public final class RegoEvalException extends RuntimeException {
  public static final String CONFLICT = "eval_conflict_error";
  public static final String BUILTIN = "eval_builtin_error";
  public static final String TYPE = "eval_type_error";
  public static final String CANCEL = "eval_cancel_error";
  public static final String INTERNAL = "eval_internal_error";

  private final String code;
  private final Location location;
  private final String detail;

  public RegoEvalException(String code, Location location, String detail) {
    super(format(code, location, detail), null, false, false);
    this.code = code;
    this.location = location;
    this.detail = detail;
  }

  private static String format(String code, Location l, String detail) {
    if (l == null || l.line() == 0) {
      return code + ": " + detail;
    }
    return l.file() + ":" + l.line() + ": " + code + ": " + detail;
  }

  public String code() {
    return code;
  }

  public Location location() {
    return location;
  }

  public String detail() {
    return detail;
  }
}
