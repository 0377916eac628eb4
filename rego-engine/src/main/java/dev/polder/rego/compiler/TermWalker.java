package dev.polder.rego.compiler;

import dev.polder.rego.ast.Expr;
import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.Term;
import java.util.List;
import java.util.function.Consumer;

/** Visits every term of a rule or body, comprehensions and {@code every} bodies included. */
final class TermWalker {
  private TermWalker() {}

  static void rule(Rule r, Consumer<Term> visit) {
    for (Rule b = r; b != null; b = b.elseRule()) {
      for (Term t : b.head()) {
        term(t, visit);
      }
      if (b.args() != null) {
        b.args().forEach(a -> term(a, visit));
      }
      if (b.key() != null) {
        term(b.key(), visit);
      }
      if (b.value() != null) {
        term(b.value(), visit);
      }
      body(b.body(), visit);
    }
  }

  static void body(List<Literal> body, Consumer<Term> visit) {
    for (Literal l : body) {
      if (l.expr() instanceof Expr.TermExpr te) {
        term(te.term(), visit);
      } else if (l.expr() instanceof Expr.Unify u) {
        term(u.left(), visit);
        term(u.right(), visit);
      } else if (l.expr() instanceof Expr.SomeIn in) {
        if (in.key() != null) {
          term(in.key(), visit);
        }
        term(in.value(), visit);
        term(in.collection(), visit);
      } else if (l.expr() instanceof Expr.Every ev) {
        term(ev.domain(), visit);
        body(ev.body(), visit);
      } else if (l.expr() instanceof Expr.SomeDecl d) {
      }
      for (Literal.With w : l.withs()) {
        term(w.target(), visit);
        term(w.value(), visit);
      }
    }
  }

  static void term(Term t, Consumer<Term> visit) {
    visit.accept(t);
    if (t instanceof Term.Ref r) {
      term(r.head(), visit);
      r.path().forEach(p -> term(p, visit));
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(i -> term(i, visit));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(i -> term(i, visit));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(i -> term(i, visit));
      o.values().forEach(i -> term(i, visit));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(i -> term(i, visit));
    } else if (t instanceof Term.Template tp) {
      tp.parts().forEach(i -> term(i, visit));
    } else if (t instanceof Term.ArrayCompr ac) {
      term(ac.head(), visit);
      body(ac.body(), visit);
    } else if (t instanceof Term.SetCompr sc) {
      term(sc.head(), visit);
      body(sc.body(), visit);
    } else if (t instanceof Term.ObjectCompr oc) {
      term(oc.key(), visit);
      term(oc.value(), visit);
      body(oc.body(), visit);
    } else {
    }
  }
}
