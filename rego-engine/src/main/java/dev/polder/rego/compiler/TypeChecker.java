package dev.polder.rego.compiler;

import dev.polder.rego.ast.Expr;
import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.ArgumentNames;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.types.Type;
import dev.polder.rego.types.TypeOps;
import dev.polder.rego.types.Types;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OPA's type checker, conservatively: infers the types of variables from constants, built-in
 * results, rule values and comprehensions, walking a body in its evaluation (safety) order, and
 * reports a built-in argument whose type can never be what the built-in takes ({@code x := 1;
 * startswith(x, "a")}). Anything not known precisely is {@code any}, which never fails a check.
 * Arity and undefined functions are {@link CallChecker}'s business.
 */
final class TypeChecker {
  /** Variable slot to inferred type; a slot absent here is not bound (yet) on this path. */
  static final class Env {
    private final Map<Integer, Type> slots = new HashMap<>();

    Type get(Term.Var v) {
      return slots.get(v.slot());
    }

    boolean isUnbound(Term t) {
      return t instanceof Term.Var v && v.slot() >= 0 && !slots.containsKey(v.slot());
    }

    void bind(Term.Var v, Type t) {
      if (v.slot() >= 0 && !v.isWildcard()) {
        slots.put(v.slot(), t == null ? Types.A : t);
      }
    }
  }

  /** Where {@code data} refs and user function calls get their types from. */
  interface Documents {
    Type data(List<Term> path);

    Type functionResult(List<String> path);

    /** A user function's argument types (inferred from its definitions) and result, or null. */
    default Type.Function function(List<String> path) {
      return null;
    }

    Documents NONE =
        new Documents() {
          @Override
          public Type data(List<Term> path) {
            return Types.A;
          }

          @Override
          public Type functionResult(List<String> path) {
            return Types.A;
          }
        };
  }

  private final BuiltinRegistry builtins;
  private final Documents documents;
  private final Consumer<CompileError> errors;

  /**
   * Inside a comprehension or {@code every} body. OPA checks those in an environment of their own,
   * so what a use there says about an outer variable (a function argument) is not kept.
   */
  private int closureDepth;

  /**
   * The call that is a whole literal ({@code startswith(x, "a")}). OPA gives every other call
   * (nested, assigned, an operand) a hidden output variable, shown as {@code ???} in {@code have:}.
   */
  private Term statement;

  TypeChecker(BuiltinRegistry builtins, Documents documents, Consumer<CompileError> errors) {
    this.builtins = builtins;
    this.documents = documents;
    this.errors = errors;
  }

  /** Checks a body in order, binding the types of the variables it introduces into {@code env}. */
  void body(List<Literal> body, Env env) {
    for (Literal l : body) {
      if (l.withs().isEmpty()) {
        literal(l.expr(), env);
      } // else `with` may replace functions and documents: types are not static there
      // Whatever a literal binds and was not typed above (patterns, `with`) is any from here on,
      // so that a later use cannot be mistaken for the binding one.
      TermWalker.body(
          List.of(l),
          t -> {
            if (env.isUnbound(t)) {
              env.bind((Term.Var) t, Types.A);
            }
          });
    }
  }

  private void literal(Expr e, Env env) {
    if (e instanceof Expr.TermExpr te) {
      statement = te.term();
      term(te.term(), env);
    } else if (e instanceof Expr.Unify u) {
      unify(u.left(), u.right(), env);
    } else if (e instanceof Expr.SomeIn in) {
      Type coll = term(in.collection(), env);
      bindPattern(in.value(), TypeOps.element(coll), env);
      if (in.key() != null) {
        bindPattern(in.key(), TypeOps.key(coll), env);
      }
    } else if (e instanceof Expr.Every ev) {
      // The domain only: OPA's checker stops at the every expression and never checks its body
      // (only comprehensions get a check of their own), so neither do we.
      term(ev.domain(), env);
    }
  }

  private void unify(Term left, Term right, Env env) {
    if (env.isUnbound(left)) {
      env.bind((Term.Var) left, term(right, env));
    } else if (env.isUnbound(right)) {
      env.bind((Term.Var) right, term(left, env));
    } else if (left instanceof Term.ArrayTerm || left instanceof Term.ObjectTerm) {
      bindPattern(left, term(right, env), env);
    } else if (right instanceof Term.ArrayTerm || right instanceof Term.ObjectTerm) {
      bindPattern(right, term(left, env), env);
    } else {
      Type a = term(left, env);
      Type b = term(right, env);
      if (TypeOps.isScalar(a) && TypeOps.isScalar(b) && !TypeOps.overlaps(a, b)) {
        errors.accept(
            new CompileError(
                CompileError.TYPE, left.loc(), "match error\n\tleft  : " + a + "\n\tright : " + b));
      }
    }
  }

  /**
   * Binds the variables of a pattern matched against a value of type {@code t}: a plain variable
   * gets {@code t}, variables inside arrays and objects get {@code any} unless the element type is
   * known. Bound variables and other terms are only checked.
   */
  private void bindPattern(Term p, Type t, Env env) {
    if (env.isUnbound(p)) {
      env.bind((Term.Var) p, t);
    } else if (p instanceof Term.ArrayTerm a) {
      // [a, b] := [1, "x"]: a static array of the same length types each position
      boolean positional =
          t instanceof Type.Array arr && arr.isStatic() && arr.items().size() == a.items().size();
      Type elem = t instanceof Type.Array arr ? arr.element() : Types.A;
      for (int i = 0; i < a.items().size(); i++) {
        bindPattern(a.items().get(i), positional ? TypeOps.index(t, i) : elem, env);
      }
    } else if (p instanceof Term.ObjectTerm o) {
      for (Term v : o.values()) {
        bindPattern(v, Types.A, env);
      }
    } else {
      term(p, env);
    }
  }

  /** The type of a term, checking the calls inside it. Unbound variables are {@code any}. */
  Type term(Term t, Env env) {
    if (t instanceof Term.Scalar s) {
      return TypeOps.of(s.value());
    }
    if (t instanceof Term.Var v) {
      Type known = env.get(v);
      return known == null ? Types.A : known;
    }
    if (t instanceof Term.Ref r) {
      return ref(r, env);
    }
    if (t instanceof Term.Call c) {
      return call(c, env);
    }
    if (t instanceof Term.ArrayTerm a) {
      List<Type> items = new ArrayList<>(a.items().size());
      for (Term item : a.items()) {
        items.add(term(item, env));
      }
      return TypeOps.tuple(items);
    }
    if (t instanceof Term.SetTerm s) {
      return s.items().isEmpty() ? Types.SET : new Type.SetOf(union(s.items(), env));
    }
    if (t instanceof Term.ObjectTerm o) {
      return o.keys().isEmpty()
          ? Types.OBJECT
          : new Type.Obj(union(o.keys(), env), union(o.values(), env));
    }
    if (t instanceof Term.ArrayCompr ac) {
      closure(ac.body(), env);
      return new Type.Array(term(ac.head(), env));
    }
    if (t instanceof Term.SetCompr sc) {
      closure(sc.body(), env);
      return new Type.SetOf(term(sc.head(), env));
    }
    if (t instanceof Term.ObjectCompr oc) {
      closure(oc.body(), env);
      return new Type.Obj(term(oc.key(), env), term(oc.value(), env));
    }
    if (t instanceof Term.Template tp) {
      for (Term part : tp.parts()) {
        term(part, env);
      }
      return Types.S;
    }
    return Types.A;
  }

  private void closure(List<Literal> body, Env env) {
    closureDepth++;
    try {
      body(body, env);
    } finally {
      closureDepth--;
    }
  }

  /**
   * A variable not bound yet passed where {@code want} is expected: in a function body, one of its
   * arguments. As OPA's {@code unify1}, its first use gives it that type (outside closures).
   */
  private Type firstUse(Term arg, Type have, Type want, Env env) {
    if (closureDepth == 0 && want != null && env.isUnbound(arg) && !((Term.Var) arg).isWildcard()) {
      env.bind((Term.Var) arg, want);
      return want;
    }
    return have;
  }

  private Type union(List<Term> terms, Env env) {
    List<Type> types = new ArrayList<>(terms.size());
    for (Term t : terms) {
      types.add(term(t, env));
    }
    return TypeOps.union(types);
  }

  private Type ref(Term.Ref r, Env env) {
    boolean global = Roots.isData(r.head()) || Roots.isInput(r.head());
    Type t = global ? Types.A : term(r.head(), env);
    for (int i = 0; i < r.path().size(); i++) {
      Term p = r.path().get(i);
      if (TypeOps.isScalar(t)) {
        undefinedRef(r, i, t);
        return Types.A;
      }
      if (env.isUnbound(p)) {
        env.bind((Term.Var) p, TypeOps.key(t));
      } else if (!(p instanceof Term.Scalar)) {
        term(p, env);
      }
      t =
          p instanceof Term.Scalar s && s.value() instanceof NumberValue n && n.isInt()
              ? TypeOps.index(t, n.asInt())
              : TypeOps.element(t);
    }
    if (!Roots.isData(r.head())) {
      return t; // input: any (no schemas)
    }
    // data: the rule tree types the ref; selecting into a rule's scalar value is undefined
    for (int k = 1; k < r.path().size(); k++) {
      Type prefix = documents.data(r.path().subList(0, k));
      if (TypeOps.isScalar(prefix)) {
        undefinedRef(r, k, prefix);
        return Types.A;
      }
    }
    return documents.data(r.path());
  }

  /**
   * OPA's {@code undefined ref} for a ref that selects into a value whose type is a scalar ({@code
   * x := 1; x.a}): a number, string, boolean or null has no elements. Only for refs OPA would print
   * the same way (variables and constants); anything else is left to run time (undefined).
   */
  private void undefinedRef(Term.Ref r, int pos, Type have) {
    String message = TypeErrors.undefinedRef(r, pos, have);
    if (message != null) {
      errors.accept(new CompileError(CompileError.TYPE, r.head().loc(), message));
    }
  }

  private Type call(Term.Call c, Env env) {
    // read before the arguments are typed: typing them may check other rules' bodies
    boolean hidden = c != statement;
    List<Term> args = c.args();
    Type.Function sig = null;
    Builtin b = null;
    if (c.target() != null && c.target().isBuiltin()) {
      b = builtins.lookup(c.target().builtin());
      sig = b == null ? null : b.signature();
    }
    int declared = sig != null ? sig.args().size() : -1;
    boolean hasOutput = sig != null && sig.variadic() == null && args.size() == declared + 1;
    Type[] have = new Type[args.size()];
    for (int i = 0; i < args.size(); i++) {
      boolean output = (hasOutput && i == declared) || (sig == null && i == args.size() - 1);
      have[i] = output && env.isUnbound(args.get(i)) ? null : term(args.get(i), env);
    }
    if (c.target() == null || args.isEmpty()) {
      return Types.A;
    }
    if (!c.target().isBuiltin()) {
      return functionCall(c, have, env, hidden);
    }
    if (sig == null || sig.variadic() != null || args.size() < declared) {
      return Types.A;
    }
    if (args.size() > declared + 1) {
      return Types.A;
    }
    if (!b.checksOwnArguments()) {
      for (int i = 0; i < declared; i++) {
        have[i] = firstUse(args.get(i), have[i], sig.args().get(i), env);
        if (!TypeOps.overlaps(have[i], sig.args().get(i))) {
          errors.accept(
              new CompileError(
                  CompileError.TYPE,
                  TypeErrors.start(c),
                  c.name()
                      + ": invalid argument(s)"
                      + TypeErrors.details(c, have, sig, ArgumentNames.of(b.name()), hidden)));
          return Types.A;
        }
      }
    }
    Type result = sig.result() == null ? Types.A : sig.result();
    if (hasOutput) {
      if (have[declared] == null) {
        env.bind((Term.Var) args.get(declared), result);
      } else if (!TypeOps.overlaps(have[declared], result)) {
        errors.accept(
            new CompileError(
                CompileError.TYPE,
                TypeErrors.start(c),
                c.name()
                    + ": invalid argument(s)"
                    + TypeErrors.details(c, have, sig, ArgumentNames.of(b.name()), hidden)));
      }
      return Types.B;
    }
    return result;
  }

  /**
   * A call of a user function: arguments checked against the types its definitions give them (OPA
   * infers them from each definition's head and body), the result bound to an output.
   */
  private Type functionCall(Term.Call c, Type[] have, Env env, boolean hidden) {
    List<Term> args = c.args();
    List<String> path = c.target().functionPath();
    Type.Function sig = documents.function(path);
    Type result = documents.functionResult(path);
    if (sig != null && args.size() >= sig.args().size()) {
      for (int i = 0; i < sig.args().size(); i++) {
        Type want = sig.args().get(i);
        have[i] = firstUse(args.get(i), have[i], want, env);
        if (!TypeOps.overlaps(have[i], want)) {
          errors.accept(
              new CompileError(
                  CompileError.TYPE,
                  TypeErrors.start(c),
                  "data."
                      + String.join(".", path)
                      + ": invalid argument(s)"
                      + TypeErrors.details(c, have, sig, List.of(), hidden)));
          return Types.A;
        }
      }
    }
    Term last = args.get(args.size() - 1);
    if (have[args.size() - 1] == null && result != null) {
      // f(x, out): only reached when the call has one argument more than f takes
      env.bind((Term.Var) last, result);
    }
    return result == null ? Types.A : result;
  }

  /** A string path element of a data ref, or null. */
  static String name(Term t) {
    return t instanceof Term.Scalar s && s.value() instanceof StringValue str ? str.value() : null;
  }
}
