package dev.polder.rego.compiler;

import dev.polder.rego.ast.Expr;
import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders each body so that every variable is bound before it is read, as OPA does (original order
 * kept where possible), and reports the variables that nothing binds ({@code
 * rego_unsafe_var_error}). Unifications come out oriented: {@code left} is the pattern, {@code
 * right} the side that is evaluated.
 */
final class SafetyReorderer {
  private final TermAnalysis analysis;
  private final List<CompileError> errors;

  SafetyReorderer(TermAnalysis analysis, List<CompileError> errors) {
    this.analysis = analysis;
    this.errors = errors;
  }

  /** Reorders {@code body}; {@code bound} holds the slots bound on entry and gains the body's. */
  List<Literal> reorder(List<Literal> body, Set<Integer> bound) {
    LinkedList<Literal> pending = new LinkedList<>();
    for (Literal l : body) {
      if (!(l.expr() instanceof Expr.SomeDecl)) {
        pending.add(l);
      }
    }
    List<Literal> out = new ArrayList<>();
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (int i = 0; i < pending.size(); i++) {
        Literal lit = pending.get(i);
        List<Literal> split = decompose(lit, bound);
        if (split != null) {
          pending.remove(i);
          pending.addAll(i, split);
          progress = true;
          break;
        }
        Literal scheduled = schedule(lit, bound);
        if (scheduled != null) {
          pending.remove(i);
          out.add(scheduled);
          progress = true;
          break;
        }
      }
      if (!progress) {
        reportUnsafe(pending, bound);
        out.addAll(pending);
        return out;
      }
    }
    return out;
  }

  /** {@code [a, b] = [c, d]} with composite terms on both sides becomes {@code a = c; b = d}. */
  private List<Literal> decompose(Literal lit, Set<Integer> bound) {
    if (lit.negated() || !lit.withs().isEmpty() || !(lit.expr() instanceof Expr.Unify u)) {
      return null;
    }
    if (u.left() instanceof Term.ArrayTerm a
        && u.right() instanceof Term.ArrayTerm b
        && a.items().size() == b.items().size()
        && !evaluable(a, bound)
        && !evaluable(b, bound)) {
      List<Literal> out = new ArrayList<>();
      for (int i = 0; i < a.items().size(); i++) {
        out.add(lit.withExpr(new Expr.Unify(a.items().get(i), b.items().get(i), u.assign())));
      }
      return out;
    }
    if (u.left() instanceof Term.ObjectTerm a
        && u.right() instanceof Term.ObjectTerm b
        && a.keys().size() == b.keys().size()
        && !evaluable(a, bound)
        && !evaluable(b, bound)) {
      List<Literal> out = new ArrayList<>();
      for (int i = 0; i < a.keys().size(); i++) {
        if (!(a.keys().get(i) instanceof Term.Scalar ka)) {
          return null;
        }
        int j = -1;
        for (int x = 0; x < b.keys().size(); x++) {
          if (b.keys().get(x) instanceof Term.Scalar kb && kb.value().equals(ka.value())) {
            j = x;
          }
        }
        if (j < 0) {
          return null;
        }
        out.add(lit.withExpr(new Expr.Unify(a.values().get(i), b.values().get(j), u.assign())));
      }
      return out;
    }
    return null;
  }

  private boolean evaluable(Term t, Set<Integer> bound) {
    Set<Integer> avail = new HashSet<>(bound);
    analysis.outputs(t, avail);
    return avail.containsAll(analysis.inputNeeds(t));
  }

  /** The literal, rewritten for evaluation, if all it reads is bound; else null. */
  private Literal schedule(Literal lit, Set<Integer> bound) {
    Set<Integer> withNeeds = new HashSet<>();
    for (Literal.With w : lit.withs()) {
      analysis.inputNeeds(w.value(), withNeeds);
    }
    if (!bound.containsAll(withNeeds)) {
      return null;
    }
    Set<Integer> binds = new HashSet<>();
    Expr e = lit.expr();
    Expr rewritten = e;
    if (e instanceof Expr.TermExpr te) {
      if (!evaluable(te.term(), bound)) {
        return null;
      }
      analysis.outputs(te.term(), binds);
      rewritten = new Expr.TermExpr(nested(te.term(), bound));
    } else if (e instanceof Expr.Unify u) {
      boolean lr = orientable(u.left(), u.right(), bound);
      boolean rl = !u.assign() && orientable(u.right(), u.left(), bound);
      Term pattern;
      Term value;
      if (lr && rl) {
        boolean rightFree = u.right() instanceof Term.Var rv && !bound.contains(rv.slot());
        boolean leftFree = u.left() instanceof Term.Var lv && !bound.contains(lv.slot());
        boolean swap = rightFree && !leftFree;
        pattern = swap ? u.right() : u.left();
        value = swap ? u.left() : u.right();
      } else if (lr) {
        pattern = u.left();
        value = u.right();
      } else if (rl) {
        pattern = u.right();
        value = u.left();
      } else {
        return null;
      }
      analysis.outputs(value, binds);
      analysis.patternVars(pattern, binds);
      analysis.outputs(pattern, binds);
      rewritten = new Expr.Unify(nested(pattern, bound), nested(value, bound), u.assign());
    } else if (e instanceof Expr.SomeIn in) {
      if (!evaluable(in.collection(), bound)) {
        return null;
      }
      Set<Integer> avail = new HashSet<>(bound);
      analysis.outputs(in.collection(), avail);
      if (!avail.containsAll(analysis.patternNeeds(in.value()))
          || (in.key() != null && !avail.containsAll(analysis.patternNeeds(in.key())))) {
        return null;
      }
      analysis.outputs(in.collection(), binds);
      analysis.patternVars(in.value(), binds);
      if (in.key() != null) {
        analysis.patternVars(in.key(), binds);
      }
      rewritten =
          new Expr.SomeIn(
              in.key() == null ? null : nested(in.key(), bound),
              nested(in.value(), bound),
              nested(in.collection(), bound));
    } else if (e instanceof Expr.Every ev) {
      Set<Integer> needs = new HashSet<>(analysis.inputNeeds(ev.domain()));
      analysis.bodyClosureNeeds(ev.body(), needs);
      if (!bound.containsAll(needs)) {
        return null;
      }
      Set<Integer> inner = new HashSet<>(bound);
      if (ev.key() instanceof Term.Var k) {
        inner.add(k.slot());
      }
      inner.add(((Term.Var) ev.value()).slot());
      rewritten =
          new Expr.Every(
              ev.key(), ev.value(), nested(ev.domain(), bound), reorder(ev.body(), inner));
    } else if (e instanceof Expr.SomeDecl d) {
      rewritten = d;
    }
    List<Literal.With> withs = new ArrayList<>();
    for (Literal.With w : lit.withs()) {
      withs.add(new Literal.With(w.target(), nested(w.value(), bound), w.loc()));
    }
    if (!lit.negated()) {
      bound.addAll(binds);
    }
    return new Literal(rewritten, lit.negated(), withs, lit.loc());
  }

  /** Can {@code value} be evaluated and {@code pattern} then matched against it? */
  private boolean orientable(Term pattern, Term value, Set<Integer> bound) {
    if (!evaluable(value, bound)) {
      return false;
    }
    Set<Integer> avail = new HashSet<>(bound);
    analysis.outputs(value, avail);
    return avail.containsAll(analysis.patternNeeds(pattern));
  }

  /** Reorders the bodies of comprehensions inside a term (their closures are bound by now). */
  Term nested(Term t, Set<Integer> bound) {
    if (t instanceof Term.ArrayCompr ac) {
      Set<Integer> b = new HashSet<>(bound);
      List<Literal> body = reorder(ac.body(), b);
      checkHead(List.of(ac.head()), b, ac.loc());
      return new Term.ArrayCompr(nested(ac.head(), b), body, ac.loc());
    } else if (t instanceof Term.SetCompr sc) {
      Set<Integer> b = new HashSet<>(bound);
      List<Literal> body = reorder(sc.body(), b);
      checkHead(List.of(sc.head()), b, sc.loc());
      return new Term.SetCompr(nested(sc.head(), b), body, sc.loc());
    } else if (t instanceof Term.ObjectCompr oc) {
      Set<Integer> b = new HashSet<>(bound);
      List<Literal> body = reorder(oc.body(), b);
      checkHead(List.of(oc.key(), oc.value()), b, oc.loc());
      return new Term.ObjectCompr(nested(oc.key(), b), nested(oc.value(), b), body, oc.loc());
    } else if (t instanceof Term.Ref r) {
      return new Term.Ref(nested(r.head(), bound), nestedAll(r.path(), bound), r.loc());
    } else if (t instanceof Term.ArrayTerm a) {
      return new Term.ArrayTerm(nestedAll(a.items(), bound), a.loc());
    } else if (t instanceof Term.SetTerm s) {
      return new Term.SetTerm(nestedAll(s.items(), bound), s.loc());
    } else if (t instanceof Term.ObjectTerm o) {
      return new Term.ObjectTerm(nestedAll(o.keys(), bound), nestedAll(o.values(), bound), o.loc());
    } else if (t instanceof Term.Call c) {
      return new Term.Call(c.name(), nestedAll(c.args(), bound), c.loc(), c.target());
    } else if (t instanceof Term.Template tp) {
      return new Term.Template(nestedAll(tp.parts(), bound), tp.loc());
    } else {
      return t;
    }
  }

  private List<Term> nestedAll(List<Term> ts, Set<Integer> bound) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(nested(t, bound));
    }
    return out;
  }

  /** Head terms (rule value, key, comprehension head) may only read bound variables. */
  void checkHead(List<Term> head, Set<Integer> bound, Location at) {
    Set<Integer> needs = new TreeSet<>();
    for (Term t : head) {
      if (t != null) {
        analysis.inputNeeds(t, needs);
      }
    }
    needs.removeAll(bound);
    for (int slot : needs) {
      String name = analysis.names.get(slot);
      if (name != null && !name.startsWith("$")) {
        errors.add(new CompileError(CompileError.UNSAFE_VAR, at, "var " + name + " is unsafe"));
      } else {
        errors.add(new CompileError(CompileError.UNSAFE_VAR, at, "var _ is unsafe"));
      }
    }
  }

  private void reportUnsafe(List<Literal> pending, Set<Integer> bound) {
    Set<String> reported = new HashSet<>();
    for (Literal lit : pending) {
      Set<Integer> needs = new TreeSet<>();
      Set<Integer> outs = new HashSet<>();
      if (lit.expr() instanceof Expr.TermExpr te) {
        analysis.inputNeeds(te.term(), needs);
      } else if (lit.expr() instanceof Expr.Unify u) {
        analysis.inputNeeds(u.left(), needs);
        analysis.inputNeeds(u.right(), needs);
      } else if (lit.expr() instanceof Expr.SomeIn in) {
        analysis.inputNeeds(in.collection(), needs);
      } else if (lit.expr() instanceof Expr.Every ev) {
        analysis.inputNeeds(ev.domain(), needs);
        analysis.bodyClosureNeeds(ev.body(), needs);
      } else if (lit.expr() instanceof Expr.SomeDecl d) {
      }
      for (Literal.With w : lit.withs()) {
        analysis.inputNeeds(w.value(), needs);
      }
      needs.removeAll(bound);
      needs.removeAll(outs);
      for (int slot : needs) {
        String name = analysis.names.getOrDefault(slot, "_");
        if (name.startsWith("$")) {
          name = "_";
        }
        if (reported.add(name)) {
          errors.add(
              new CompileError(CompileError.UNSAFE_VAR, lit.loc(), "var " + name + " is unsafe"));
        }
      }
    }
    if (reported.isEmpty() && !pending.isEmpty()) {
      errors.add(
          new CompileError(CompileError.UNSAFE_VAR, pending.get(0).loc(), "expression is unsafe"));
    }
  }
}
