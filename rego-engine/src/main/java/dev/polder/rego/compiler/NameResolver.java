package dev.polder.rego.compiler;

import dev.polder.rego.ast.CallTarget;
import dev.polder.rego.ast.Expr;
import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.value.StringValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves names in one package's rules (or a query): local variables get frame slots, closures see
 * enclosing bodies, and other names become refs to {@code input}, {@code data}, imports and the
 * package's rules; calls are bound to built-ins or function paths.
 */
final class NameResolver {
  private final List<String> pkg;
  private final Set<String> ruleNames;
  private final Map<String, List<String>> imports;
  private final BuiltinRegistry builtins;
  private final Set<List<String>> functionPaths;
  private final List<CompileError> errors;
  private int nextSlot;

  /**
   * The constant a {@code rego.metadata.chain()}/{@code rego.metadata.rule()} call stands for in
   * the rule being resolved (null outside rules: the built-in then refuses at run time).
   */
  java.util.function.Function<String, dev.polder.rego.value.Value> metadata;

  /** The slots each (resolved) body declares, by identity: closures are everything else. */
  final java.util.IdentityHashMap<List<Literal>, Set<Integer>> locals =
      new java.util.IdentityHashMap<>();

  NameResolver(
      List<String> pkg,
      Set<String> ruleNames,
      Map<String, List<String>> imports,
      BuiltinRegistry builtins,
      Set<List<String>> functionPaths,
      List<CompileError> errors) {
    this.functionPaths = functionPaths;
    this.pkg = pkg;
    this.ruleNames = ruleNames;
    this.imports = imports;
    this.builtins = builtins;
    this.errors = errors;
  }

  int frameSize() {
    return nextSlot;
  }

  Rule resolveRule(Rule r) {
    nextSlot = 0;
    Rule resolved = resolveBranch(r);
    return withFrame(resolved, nextSlot);
  }

  private static Rule withFrame(Rule r, int size) {
    Rule e = r.elseRule() == null ? null : withFrame(r.elseRule(), size);
    return new Rule(
        r.loc(),
        r.head(),
        r.kind(),
        r.args(),
        r.key(),
        r.value(),
        r.body(),
        r.isDefault(),
        e,
        r.annotations(),
        size);
  }

  private Rule resolveBranch(Rule r) {
    Scope root = new Scope(null);
    List<Term> args = null;
    if (r.args() != null) {
      for (Term a : r.args()) {
        for (Term.Var v : VarCollector.patternVars(a)) {
          if (!root.declaredHere(v.name())) {
            declare(root, v.name(), v.loc());
          }
        }
      }
    }
    collect(r.body(), root);
    List<Term> headTerms = new ArrayList<>(r.head().subList(1, r.head().size()));
    if (r.key() != null) {
      headTerms.add(r.key());
    }
    if (r.value() != null) {
      headTerms.add(r.value());
    }
    declareFree(headTerms, root);
    if (r.args() != null) {
      args = new ArrayList<>();
      for (Term a : r.args()) {
        args.add(term(a, root));
      }
    }
    List<Literal> body = body(r.body(), root);
    List<Term> head = new ArrayList<>();
    head.add(r.head().get(0));
    for (int i = 1; i < r.head().size(); i++) {
      head.add(unfolded(r.head().get(i), root));
    }
    Term key = r.key() == null ? null : term(r.key(), root);
    Term value = r.value() == null ? null : term(r.value(), root);
    Rule elseRule = r.elseRule() == null ? null : resolveBranch(r.elseRule());
    return new Rule(
        r.loc(),
        head,
        r.kind(),
        args,
        key,
        value,
        body,
        r.isDefault(),
        elseRule,
        r.annotations(),
        0);
  }

  /** Resolves a query; its own variables are declared in {@code root}. */
  List<Literal> resolveQuery(List<Literal> query, Scope root) {
    nextSlot = 0;
    collect(query, root);
    return body(query, root);
  }

  private Term.Var declare(Scope s, String name, Location l) {
    Term.Var v = new Term.Var(name, nextSlot++, l);
    s.vars.put(name, v);
    return v;
  }

  private boolean isGlobal(String name) {
    return name.equals("input")
        || name.equals("data")
        || imports.containsKey(name)
        || ruleNames.contains(name);
  }

  /** Declares the variables a body introduces (its own scope); nested bodies are not entered. */
  private void collect(List<Literal> body, Scope s) {
    List<Term> free = new ArrayList<>();
    for (Literal lit : body) {
      if (lit.expr() instanceof Expr.SomeDecl d) {
        for (Term.Var v : d.vars()) {
          if (!s.declaredHere(v.name())) {
            declare(s, v.name(), v.loc());
          }
        }
      } else if (lit.expr() instanceof Expr.SomeIn in) {
        for (Term t : keyValue(in.key(), in.value())) {
          for (Term.Var v : VarCollector.patternVars(t)) {
            if (!s.declaredHere(v.name())) {
              declare(s, v.name(), v.loc());
            }
          }
          free.add(t);
        }
        free.add(in.collection());
      } else if (lit.expr() instanceof Expr.Unify u) {
        if (u.assign()) {
          for (Term.Var v : VarCollector.patternVars(u.left())) {
            if (v.isWildcard()) {
              continue;
            }
            if (s.assigned.contains(v.name()) || (s.declaredHere(v.name()) && !v.isWildcard())) {
              errors.add(
                  new CompileError(
                      CompileError.COMPILE, v.loc(), "var " + v.name() + " assigned above"));
            } else if (s.parent == null && ruleNames.contains(v.name()) && false) {
              // shadowing a rule name with := is allowed locally
            }
            s.assigned.add(v.name());
            declare(s, v.name(), v.loc());
          }
        }
        free.add(u.left());
        free.add(u.right());
      } else if (lit.expr() instanceof Expr.TermExpr t) {
        free.add(t.term());
      } else if (lit.expr() instanceof Expr.Every ev) {
        free.add(ev.domain());
      }
      for (Literal.With w : lit.withs()) {
        String name = dottedName(w.value());
        if (name != null && s.lookup(firstPart(name)) == null) {
          CallTarget t = resolveCall(name, w.loc(), true);
          if (t != null && (t.isBuiltin() || functionPaths.contains(t.functionPath()))) {
            continue;
          }
        }
        free.add(w.value());
      }
    }
    declareFree(free, s);
  }

  private static List<Term> keyValue(Term k, Term v) {
    return k == null ? List.of(v) : List.of(k, v);
  }

  private void declareFree(List<Term> terms, Scope s) {
    Set<Term.Var> vars = new LinkedHashSet<>();
    for (Term t : terms) {
      VarCollector.shallowVars(t, vars);
    }
    for (Term.Var v : vars) {
      String n = v.name();
      if (s.lookup(n) != null) {
        continue;
      }
      if (!v.isWildcard() && isGlobal(n)) {
        continue;
      }
      declare(s, n, v.loc());
    }
  }

  private Expr expr(Expr expr, Scope s) {
    if (expr instanceof Expr.SomeDecl d) {
      List<Term.Var> vs = new ArrayList<>();
      for (Term.Var v : d.vars()) {
        vs.add(s.lookup(v.name()));
      }
      return new Expr.SomeDecl(vs);
    }
    if (expr instanceof Expr.SomeIn in) {
      return new Expr.SomeIn(
          in.key() == null ? null : term(in.key(), s),
          term(in.value(), s),
          term(in.collection(), s));
    }
    if (expr instanceof Expr.Unify u) {
      return new Expr.Unify(term(u.left(), s), term(u.right(), s), u.assign());
    }
    if (expr instanceof Expr.TermExpr t) {
      return new Expr.TermExpr(term(t.term(), s));
    }
    Expr.Every ev = (Expr.Every) expr;
    Term domain = term(ev.domain(), s);
    Scope inner = new Scope(s);
    Term key = null;
    if (ev.key() != null) {
      key = declare(inner, ((Term.Var) ev.key()).name(), ev.key().loc());
    }
    Term value = declare(inner, ((Term.Var) ev.value()).name(), ev.value().loc());
    collect(ev.body(), inner);
    return new Expr.Every(key, value, domain, body(ev.body(), inner));
  }

  private List<Literal> body(List<Literal> body, Scope s) {
    List<Literal> out = new ArrayList<>(body.size());
    s.hidden.addAll(s.assigned);
    for (Literal lit : body) {
      Expr e = expr(lit.expr(), s);
      if (e instanceof Expr.Unify u && u.assign()) {
        for (Term.Var v : VarCollector.patternVars(u.left())) {
          s.hidden.remove(v.name());
        }
      }
      List<Literal.With> withs = new ArrayList<>();
      for (Literal.With w : lit.withs()) {
        withs.add(new Literal.With(withTarget(w.target()), withValue(w.value(), s), w.loc()));
      }
      out.add(new Literal(e, lit.negated(), withs, lit.loc()));
    }
    List<Literal> result = List.copyOf(out);
    Set<Integer> slots = new java.util.HashSet<>();
    for (Term.Var v : s.vars.values()) {
      slots.add(v.slot());
    }
    locals.put(result, slots);
    return result;
  }

  /** A with target: {@code input...}, {@code data...} or a function/built-in name. */
  private Term withTarget(Term t) {
    String name = dottedName(t);
    if (name != null) {
      String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      if (!first.equals("input") && !first.equals("data") && !imports.containsKey(first)) {
        CallTarget target = resolveCall(name, t.loc(), true);
        if (target != null && (target.isBuiltin() || functionPathHint(target))) {
          return new Term.Call(name, List.of(), t.loc(), target);
        }
      }
    }
    Term r = term(t, new Scope(null));
    if (r instanceof Term.Ref ref && Roots.isData(ref.head())) {
      String full = dottedName(t);
      CallTarget target = full == null ? null : resolveCall(full, t.loc(), true);
      if (target != null && !target.isBuiltin() && functionPaths.contains(target.functionPath())) {
        return new Term.Call(full, List.of(), t.loc(), target);
      }
    }
    return r;
  }

  private Term withValue(Term t, Scope s) {
    String name = dottedName(t);
    if (name != null && s.lookup(firstPart(name)) == null) {
      CallTarget target = resolveCall(name, t.loc(), true);
      if (target != null && (target.isBuiltin() || functionPathHint(target))) {
        return new Term.Call(name, List.of(), t.loc(), target);
      }
    }
    return term(t, s);
  }

  /** Function paths are confirmed later by the compiler; here any data path may name one. */
  private boolean functionPathHint(CallTarget t) {
    return functionPaths.contains(t.functionPath());
  }

  private static String firstPart(String name) {
    int i = name.indexOf('.');
    return i < 0 ? name : name.substring(0, i);
  }

  static String dottedName(Term t) {
    if (t instanceof Term.Var v) {
      return v.name();
    }
    if (t instanceof Term.Ref r && r.head() instanceof Term.Var v) {
      StringBuilder sb = new StringBuilder(v.name());
      for (Term p : r.path()) {
        if (p instanceof Term.Scalar s && s.value() instanceof StringValue str) {
          sb.append('.').append(str.value());
        } else {
          return null;
        }
      }
      return sb.toString();
    }
    return null;
  }

  /**
   * The target of a call by dotted name, or null (with an error unless {@code quiet}) when it names
   * nothing.
   */
  CallTarget resolveCall(String name, Location l, boolean quiet) {
    String[] parts = name.split("\\.");
    String first = parts[0];
    if (first.equals("data")) {
      return CallTarget.function(List.of(parts).subList(1, parts.length));
    }
    List<String> imp = imports.get(first);
    if (imp != null && imp.get(0).equals("data")) {
      List<String> p = new ArrayList<>(imp.subList(1, imp.size()));
      p.addAll(List.of(parts).subList(1, parts.length));
      return CallTarget.function(p);
    }
    if (ruleNames.contains(first)) {
      List<String> p = new ArrayList<>(pkg);
      p.addAll(List.of(parts));
      return CallTarget.function(p);
    }
    if (builtins.contains(name)) {
      return CallTarget.builtin(name);
    }
    if (!quiet) {
      errors.add(new CompileError(CompileError.TYPE, l, "undefined function " + name));
    }
    return null;
  }

  Term term(Term t, Scope s) {
    if (t instanceof Term.Scalar sc) {
      return sc;
    } else if (t instanceof Term.Var v) {
      return variable(v, s);
    } else if (t instanceof Term.Ref r) {
      Term head = term(r.head(), s);
      List<Term> path = new ArrayList<>();
      if (head instanceof Term.Ref hr) {
        path.addAll(hr.path());
        head = hr.head();
      }
      for (Term p : r.path()) {
        path.add(unfolded(p, s));
      }
      return path.isEmpty() ? head : new Term.Ref(head, path, r.loc());
    } else if (t instanceof Term.ArrayTerm a) {
      return foldConstant(new Term.ArrayTerm(terms(a.items(), s), a.loc()));
    } else if (t instanceof Term.SetTerm st) {
      return foldConstant(new Term.SetTerm(terms(st.items(), s), st.loc()));
    } else if (t instanceof Term.ObjectTerm o) {
      return foldConstant(new Term.ObjectTerm(terms(o.keys(), s), terms(o.values(), s), o.loc()));
    } else if (t instanceof Term.Call c) {
      CallTarget target = c.target() != null ? c.target() : resolveCall(c.name(), c.loc(), false);
      if (metadata != null
          && c.args().isEmpty()
          && target != null
          && target.isBuiltin()
          && (c.name().equals("rego.metadata.chain") || c.name().equals("rego.metadata.rule"))) {
        return new Term.Scalar(metadata.apply(c.name()), c.loc());
      }
      return new Term.Call(c.name(), terms(c.args(), s), c.loc(), target);
    } else if (t instanceof Term.ArrayCompr ac) {
      Scope inner = new Scope(s);
      collect(ac.body(), inner);
      declareFree(List.of(ac.head()), inner);
      List<Literal> b = body(ac.body(), inner);
      return new Term.ArrayCompr(term(ac.head(), inner), b, ac.loc());
    } else if (t instanceof Term.SetCompr sc) {
      Scope inner = new Scope(s);
      collect(sc.body(), inner);
      declareFree(List.of(sc.head()), inner);
      List<Literal> b = body(sc.body(), inner);
      return new Term.SetCompr(term(sc.head(), inner), b, sc.loc());
    } else if (t instanceof Term.ObjectCompr oc) {
      Scope inner = new Scope(s);
      collect(oc.body(), inner);
      declareFree(List.of(oc.key(), oc.value()), inner);
      List<Literal> b = body(oc.body(), inner);
      return new Term.ObjectCompr(term(oc.key(), inner), term(oc.value(), inner), b, oc.loc());
    } else if (t instanceof Term.Template tp) {
      return new Term.Template(terms(tp.parts(), s), tp.loc());
    }
    throw new IllegalStateException("unreachable");
  }

  /**
   * A composite of constants becomes one constant: built once at compile time instead of per
   * evaluation (and no evaluator recursion per element of a large literal).
   */
  private static Term foldConstant(Term t) {
    List<Term> parts;
    if (t instanceof Term.ArrayTerm a) {
      parts = a.items();
    } else if (t instanceof Term.SetTerm st) {
      parts = st.items();
    } else {
      Term.ObjectTerm o = (Term.ObjectTerm) t;
      parts = new ArrayList<>(o.keys());
      parts.addAll(o.values());
    }
    for (Term p : parts) {
      if (!(p instanceof Term.Scalar)) {
        return t;
      }
    }
    dev.polder.rego.value.Value v = GroundTerms.value(t);
    if (t instanceof Term.ObjectTerm o
        && ((dev.polder.rego.value.ObjectValue) v).size() != o.keys().size()) {
      return t; // duplicate keys: left to the evaluator
    }
    return new Term.Scalar(v, t.loc());
  }

  /** A ref or rule-head element: composite keys stay terms (the rule tree indexes constants). */
  private Term unfolded(Term t, Scope s) {
    if (t instanceof Term.ArrayTerm a) {
      return new Term.ArrayTerm(terms(a.items(), s), a.loc());
    } else if (t instanceof Term.SetTerm st) {
      return new Term.SetTerm(terms(st.items(), s), st.loc());
    } else if (t instanceof Term.ObjectTerm o) {
      return new Term.ObjectTerm(terms(o.keys(), s), terms(o.values(), s), o.loc());
    }
    return term(t, s);
  }

  private List<Term> terms(List<Term> ts, Scope s) {
    List<Term> out = new ArrayList<>(ts.size());
    for (Term t : ts) {
      out.add(term(t, s));
    }
    return out;
  }

  private Term variable(Term.Var v, Scope s) {
    if (v.slot() != -1) {
      return v; // already resolved (roots)
    }
    Term.Var local = s.lookup(v.name());
    if (local != null) {
      return new Term.Var(v.name(), local.slot(), v.loc());
    }
    Location l = v.loc();
    switch (v.name()) {
      case "input":
        return Roots.input(l);
      case "data":
        return Roots.data(l);
      default:
        break;
    }
    List<String> imp = imports.get(v.name());
    if (imp != null) {
      Term head = imp.get(0).equals("input") ? Roots.input(l) : Roots.data(l);
      List<Term> path = new ArrayList<>();
      for (String p : imp.subList(1, imp.size())) {
        path.add(new Term.Scalar(StringValue.of(p), l));
      }
      return path.isEmpty() ? head : new Term.Ref(head, path, l);
    }
    if (ruleNames.contains(v.name())) {
      List<Term> path = new ArrayList<>();
      for (String p : pkg) {
        path.add(new Term.Scalar(StringValue.of(p), l));
      }
      path.add(new Term.Scalar(StringValue.of(v.name()), l));
      return new Term.Ref(Roots.data(l), path, l);
    }
    // Not seen during collection (e.g. a head-only variable): a fresh local, reported unsafe later.
    return declare(s, v.name(), l);
  }
}
