package dev.polder.rego.compiler;

import dev.polder.rego.ast.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds variables in terms, in the ways the resolver and the safety check need. */
final class VarCollector {
  private VarCollector() {}

  /** Variables a term binds when used as a unification pattern ({@code [a, {"k": b}]}). */
  static List<Term.Var> patternVars(Term t) {
    List<Term.Var> out = new ArrayList<>();
    patternVars(t, out);
    return out;
  }

  private static void patternVars(Term t, List<Term.Var> out) {
    if (t instanceof Term.Var v) {
      if (v.slot() < -1) {
        return; // input/data
      }
      out.add(v);
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(i -> patternVars(i, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.values().forEach(i -> patternVars(i, out));
    } else {
    }
  }

  /** Every variable occurring in a term, not entering comprehension bodies. */
  static void shallowVars(Term t, Collection<Term.Var> out) {
    if (t instanceof Term.Var v) {
      out.add(v);
    } else if (t instanceof Term.Scalar s) {
    } else if (t instanceof Term.Ref r) {
      shallowVars(r.head(), out);
      r.path().forEach(p -> shallowVars(p, out));
    } else if (t instanceof Term.ArrayTerm a) {
      a.items().forEach(i -> shallowVars(i, out));
    } else if (t instanceof Term.SetTerm s) {
      s.items().forEach(i -> shallowVars(i, out));
    } else if (t instanceof Term.ObjectTerm o) {
      o.keys().forEach(i -> shallowVars(i, out));
      o.values().forEach(i -> shallowVars(i, out));
    } else if (t instanceof Term.Call c) {
      c.args().forEach(i -> shallowVars(i, out));
    } else if (t instanceof Term.Template tp) {
      tp.parts().forEach(i -> shallowVars(i, out));
    } else if (t instanceof Term.ArrayCompr ac) {
    } else if (t instanceof Term.SetCompr sc) {
    } else if (t instanceof Term.ObjectCompr oc) {
    }
  }
}
