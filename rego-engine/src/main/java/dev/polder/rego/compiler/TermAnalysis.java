package dev.polder.rego.compiler;

import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Term;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Which variables (slots) a term needs bound before it can be evaluated, and which it binds: the
 * basis of the safety check and of body reordering.
 */
final class TermAnalysis {
  private final Map<List<Literal>, Set<Integer>> locals;
  private final ToIntFunction<Term.Call> arity; // declared arity of a call target, -1 if unknown
  final Map<Integer, String> names = new java.util.HashMap<>();

  TermAnalysis(
      IdentityHashMap<List<Literal>, Set<Integer>> locals, ToIntFunction<Term.Call> arity) {
    this.locals = locals;
    this.arity = arity;
  }

  /** True if the call has one argument more than declared: the last one receives the result. */
  boolean hasOutputArg(Term.Call c) {
    int n = arity.applyAsInt(c);
    return n >= 0 && c.args().size() == n + 1;
  }

  Set<Integer> inputNeeds(Term t) {
    Set<Integer> s = new HashSet<>();
    inputNeeds(t, s);
    return s;
  }

  void inputNeeds(Term t, Set<Integer> out) {
    if (t instanceof Term.Var v) {
      if (v.slot() >= 0) {
        out.add(v.slot());
        names.put(v.slot(), v.name());
      }
    } else if (t instanceof Term.Scalar s) {
    } else if (t instanceof Term.Ref r) {
      inputNeeds(r.head(), out);
      for (Term p : r.path()) {
        patternNeeds(p, out);
      }
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(i -> inputNeeds(i, out));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(i -> inputNeeds(i, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(i -> inputNeeds(i, out));
      o.values().forEach(i -> inputNeeds(i, out));
    } else if (t instanceof Term.Call c) {
      boolean outArg = hasOutputArg(c);
      for (int i = 0; i < c.args().size(); i++) {
        if (outArg && i == c.args().size() - 1) {
          patternNeeds(c.args().get(i), out);
        } else {
          inputNeeds(c.args().get(i), out);
        }
      }
    } else if (t instanceof Term.Template tp) {
      tp.parts().forEach(i -> inputNeeds(i, out));
    } else if (t instanceof Term.ArrayCompr ac) {
      closureNeeds(t, out);
    } else if (t instanceof Term.SetCompr sc) {
      closureNeeds(t, out);
    } else if (t instanceof Term.ObjectCompr oc) {
      closureNeeds(t, out);
    }
  }

  /** Needs of a term used as a pattern: its plain variables are bound by it, not needed. */
  void patternNeeds(Term t, Set<Integer> out) {
    if (t instanceof Term.Var v) {
    } else if (t instanceof Term.Scalar s) {
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(i -> patternNeeds(i, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(i -> inputNeeds(i, out));
      o.values().forEach(i -> patternNeeds(i, out));
    } else {
      inputNeeds(t, out);
    }
  }

  Set<Integer> patternNeeds(Term t) {
    Set<Integer> s = new HashSet<>();
    patternNeeds(t, s);
    return s;
  }

  /** Variables bound as a side effect of evaluating {@code t} (ref iteration, output args). */
  void outputs(Term t, Set<Integer> out) {
    if (t instanceof Term.Ref r) {
      outputs(r.head(), out);
      for (Term p : r.path()) {
        patternVars(p, out);
        outputs(p, out);
      }
    } else if (t instanceof Term.Call c) {
      boolean outArg = hasOutputArg(c);
      for (int i = 0; i < c.args().size(); i++) {
        if (outArg && i == c.args().size() - 1) {
          patternVars(c.args().get(i), out);
        }
        outputs(c.args().get(i), out);
      }
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(i -> outputs(i, out));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(i -> outputs(i, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(i -> outputs(i, out));
      o.values().forEach(i -> outputs(i, out));
    } else if (t instanceof Term.Template tp) {
      tp.parts().forEach(i -> outputs(i, out));
    } else {
    }
  }

  Set<Integer> outputs(Term t) {
    Set<Integer> s = new HashSet<>();
    outputs(t, s);
    return s;
  }

  void patternVars(Term t, Set<Integer> out) {
    for (Term.Var v : VarCollector.patternVars(t)) {
      if (v.slot() >= 0) {
        out.add(v.slot());
        names.put(v.slot(), v.name());
      }
    }
  }

  Set<Integer> patternVars(Term t) {
    Set<Integer> s = new HashSet<>();
    patternVars(t, s);
    return s;
  }

  /** Variables of enclosing bodies that a comprehension reads. */
  void closureNeeds(Term compr, Set<Integer> out) {
    Set<Integer> all = new HashSet<>();
    Set<Integer> own = new HashSet<>();
    deep(compr, all, own);
    all.removeAll(own);
    out.addAll(all);
  }

  /** Closure needs of an {@code every} body. */
  void bodyClosureNeeds(List<Literal> body, Set<Integer> out) {
    Set<Integer> all = new HashSet<>();
    Set<Integer> own = new HashSet<>();
    deepBody(body, all, own);
    all.removeAll(own);
    out.addAll(all);
  }

  private void deep(Term t, Set<Integer> all, Set<Integer> own) {
    if (t instanceof Term.Var v) {
      if (v.slot() >= 0) {
        all.add(v.slot());
        names.put(v.slot(), v.name());
      }
    } else if (t instanceof Term.Scalar s) {
    } else if (t instanceof Term.Ref r) {
      deep(r.head(), all, own);
      r.path().forEach(p -> deep(p, all, own));
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(i -> deep(i, all, own));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(i -> deep(i, all, own));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(i -> deep(i, all, own));
      o.values().forEach(i -> deep(i, all, own));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(i -> deep(i, all, own));
    } else if (t instanceof Term.Template tp) {
      tp.parts().forEach(i -> deep(i, all, own));
    } else if (t instanceof Term.ArrayCompr ac) {
      deep(ac.head(), all, own);
      deepBody(ac.body(), all, own);
    } else if (t instanceof Term.SetCompr sc) {
      deep(sc.head(), all, own);
      deepBody(sc.body(), all, own);
    } else if (t instanceof Term.ObjectCompr oc) {
      deep(oc.key(), all, own);
      deep(oc.value(), all, own);
      deepBody(oc.body(), all, own);
    }
  }

  void deepBody(List<Literal> body, Set<Integer> all, Set<Integer> own) {
    Set<Integer> l = locals.get(body);
    if (l != null) {
      own.addAll(l);
    }
    for (Literal lit : body) {
      if (lit.expr() instanceof dev.polder.rego.ast.Expr.TermExpr te) {
        deep(te.term(), all, own);
      } else if (lit.expr() instanceof dev.polder.rego.ast.Expr.Unify u) {
        deep(u.left(), all, own);
        deep(u.right(), all, own);
      } else if (lit.expr() instanceof dev.polder.rego.ast.Expr.SomeDecl d) {
        d.vars().forEach(v -> deep(v, all, own));
      } else if (lit.expr() instanceof dev.polder.rego.ast.Expr.SomeIn in) {
        if (in.key() != null) {
          deep(in.key(), all, own);
        }
        deep(in.value(), all, own);
        deep(in.collection(), all, own);
      } else if (lit.expr() instanceof dev.polder.rego.ast.Expr.Every ev) {
        if (ev.key() != null) {
          deep(ev.key(), all, own);
          if (ev.key() instanceof Term.Var kv) {
            own.add(kv.slot());
          }
        }
        deep(ev.value(), all, own);
        if (ev.value() instanceof Term.Var vv) {
          own.add(vv.slot());
        }
        deep(ev.domain(), all, own);
        deepBody(ev.body(), all, own);
      }
      for (Literal.With w : lit.withs()) {
        deep(w.value(), all, own);
      }
    }
  }
}
