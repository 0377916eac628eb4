package dev.polder.rego.compiler;

import dev.polder.rego.ast.Location;

/** One compile-time problem with OPA's code, e.g. {@code rego_unsafe_var_error}. */
public record CompileError(String code, Location location, String message) {
  public static final String PARSE = "rego_parse_error";
  public static final String COMPILE = "rego_compile_error";
  public static final String TYPE = "rego_type_error";
  public static final String UNSAFE_VAR = "rego_unsafe_var_error";
  public static final String RECURSION = "rego_recursion_error";

  @Override
  public String toString() {
    return location + ": " + code + ": " + message;
  }
}
