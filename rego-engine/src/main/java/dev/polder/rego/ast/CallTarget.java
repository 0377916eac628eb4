package dev.polder.rego.ast;

import java.util.List;

/** What a call resolves to: a built-in by name, or a user function at a data path. */
public record CallTarget(String builtin, List<String> functionPath) {
  public static CallTarget builtin(String name) {
    return new CallTarget(name, null);
  }

  public static CallTarget function(List<String> path) {
    return new CallTarget(null, List.copyOf(path));
  }

  public boolean isBuiltin() {
    return builtin != null;
  }
}
