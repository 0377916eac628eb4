package dev.polder.rego.ast;

import java.util.List;

/** The expression of a literal. */
public sealed interface Expr
    permits Expr.TermExpr, Expr.Unify, Expr.SomeDecl, Expr.SomeIn, Expr.Every {

  /** A term used as a test (true unless undefined or false), including calls and comparisons. */
  record TermExpr(Term term) implements Expr {}

  /** {@code left = right}, or {@code left := right} when {@code assign}. */
  record Unify(Term left, Term right, boolean assign) implements Expr {}

  /** {@code some x, y}: declares local variables. */
  record SomeDecl(List<Term.Var> vars) implements Expr {
    public SomeDecl {
      vars = List.copyOf(vars);
    }
  }

  /** {@code some [key,] value in collection}; key is null when absent. */
  record SomeIn(Term key, Term value, Term collection) implements Expr {}

  /** {@code every [key,] value in domain { body }}. */
  record Every(Term key, Term value, Term domain, List<Literal> body) implements Expr {
    public Every {
      body = List.copyOf(body);
    }
  }
}
