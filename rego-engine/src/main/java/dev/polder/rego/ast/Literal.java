package dev.polder.rego.ast;

import java.util.List;

/** One expression of a body, possibly negated and with {@code with} modifiers. */
public record Literal(Expr expr, boolean negated, List<With> withs, Location loc) {
  public Literal {
    withs = List.copyOf(withs);
  }

  public Literal withExpr(Expr e) {
    return new Literal(e, negated, withs, loc);
  }

  /** {@code with target as value}. */
  public record With(Term target, Term value, Location loc) {}
}
