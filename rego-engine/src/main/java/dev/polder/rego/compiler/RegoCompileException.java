package dev.polder.rego.compiler;

import java.util.List;

/** Compilation failed; {@link #errors()} lists every problem found (OPA's format). */
public final class RegoCompileException extends RuntimeException {
  private final List<CompileError> errors;

  public RegoCompileException(List<CompileError> errors) {
    super(format(errors));
    this.errors = List.copyOf(errors);
  }

  public List<CompileError> errors() {
    return errors;
  }

  private static String format(List<CompileError> errors) {
    StringBuilder sb = new StringBuilder();
    sb.append(errors.size()).append(errors.size() == 1 ? " error occurred: " : " errors occurred:");
    for (int i = 0; i < errors.size(); i++) {
      sb.append(errors.size() == 1 ? "" : "\n").append(errors.get(i));
    }
    return sb.toString();
  }
}
