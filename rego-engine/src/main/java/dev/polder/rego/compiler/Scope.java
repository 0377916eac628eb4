package dev.polder.rego.compiler;

import dev.polder.rego.ast.Term;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Variables visible in one body: its own, then those of enclosing bodies (closures). */
final class Scope {
  final Scope parent;
  final Map<String, Term.Var> vars = new java.util.LinkedHashMap<>();
  final Set<String> assigned = new HashSet<>();

  /** Names assigned with := further down this body: not yet visible to nested bodies. */
  final Set<String> hidden = new HashSet<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  Term.Var lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Term.Var v = s.vars.get(name);
      if (v != null && (s == this || !s.hidden.contains(name))) {
        return v;
      }
    }
    return null;
  }

  boolean declaredHere(String name) {
    return vars.containsKey(name);
  }
}
