package dev.polder.rego.eval;

import dev.polder.rego.ast.CallTarget;
import dev.polder.rego.ast.Expr;
import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.compiler.Roots;
import dev.polder.rego.compiler.RuleNode;
import dev.polder.rego.value.BooleanValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation (not thread-safe; cheap to create): bodies and their literals — negation, {@code
 * some … in}, {@code every}, {@code with} — on top of the term, call and document layers.
 */
public final class Evaluation extends DocEval {

  public Evaluation(
      RuleNode root, Value baseData, Value input, BuiltinRegistry builtins, BuiltinContext bctx) {
    super(
        root,
        baseData,
        builtins,
        bctx,
        new EvalState(input, List.of(), Map.of(), root.nodeCount()));
  }

  /** Runs a query body; {@code onRow} is called with the frame for each solution. */
  public void run(List<Literal> body, Value[] frame, java.util.function.Predicate<Value[]> onRow) {
    try {
      evalBody(body, 0, frame, () -> onRow.test(frame));
    } catch (StackOverflowError e) {
      throw new RegoEvalException(
          RegoEvalException.CANCEL, null, "evaluation too deep (stack exhausted)");
    }
  }

  private static final Cont FOUND = () -> true;

  @Override
  final boolean evalBody(List<Literal> body, int from, Value[] f, Cont k) {
    int n = body.size();
    int i = from;
    // Tests that bind nothing (negations, single-valued expressions) run in a loop; only
    // literals that bind or iterate continue through a closure.
    while (i < n) {
      Literal lit = body.get(i);
      step(lit.loc());
      if (!lit.withs().isEmpty()) {
        return evalWith(lit, f, next(body, i, f, k));
      }
      if (lit.negated()) {
        if (evalExpr(lit.expr(), f, FOUND)) {
          return false;
        }
        i++;
        continue;
      }
      Value test = lit.expr() instanceof Expr.TermExpr te ? testValue(te.term(), f) : NOT_SIMPLE;
      if (test == NOT_SIMPLE) {
        return evalExpr(lit.expr(), f, next(body, i, f, k));
      }
      if (test == null || BooleanValue.FALSE.equals(test)) {
        return false;
      }
      i++;
    }
    return k.go();
  }

  private Cont next(List<Literal> body, int i, Value[] f, Cont k) {
    return i + 1 == body.size() ? k : () -> evalBody(body, i + 1, f, k);
  }

  /** The value of a test expression when it has exactly one way to be computed, else NOT_SIMPLE. */
  private Value testValue(Term t, Value[] f) {
    if (t instanceof Term.Call c) {
      int arity = arity(c);
      if (arity >= 0 && c.args().size() == arity + 1) {
        return NOT_SIMPLE; // binds its output argument
      }
      return evalCallSingle(c, f);
    }
    return single(t, f);
  }

  private boolean evalLiteral(Literal lit, Value[] f, Cont k) {
    if (lit.negated()) {
      boolean found = evalExpr(lit.expr(), f, () -> true);
      return !found && k.go();
    }
    return evalExpr(lit.expr(), f, k);
  }

  private boolean evalExpr(Expr e, Value[] f, Cont k) {
    if (e instanceof Expr.TermExpr te) {
      return evalTermExpr(te.term(), f, k);
    }
    if (e instanceof Expr.Unify u) {
      Term pattern = u.left();
      Value direct = single(u.right(), f);
      if (direct == null) {
        return false;
      }
      if (direct != NOT_SIMPLE) {
        return unifyValue(pattern, direct, f, k);
      }
      if (pattern instanceof Term.Var v && v.slot() >= 0 && f[v.slot()] == null) {
        int slot = v.slot();
        return eval(u.right(), f, val -> bind(f, slot, val, k));
      }
      return eval(u.right(), f, val -> unifyValue(pattern, val, f, k));
    }
    if (e instanceof Expr.SomeIn in) {
      return eval(
          in.collection(),
          f,
          coll ->
              forEach(
                  coll,
                  (key, val) -> {
                    if (in.key() == null) {
                      return unifyValue(in.value(), val, f, k);
                    }
                    return unifyValue(in.key(), key, f, () -> unifyValue(in.value(), val, f, k));
                  }));
    }
    if (e instanceof Expr.Every ev) {
      return evalEvery(ev, f, k);
    }
    return k.go(); // some x: declarations only
  }

  private boolean evalTermExpr(Term t, Value[] f, Cont k) {
    if (t instanceof Term.Call c) {
      int arity = arity(c);
      if (arity >= 0 && c.args().size() == arity + 1) {
        Term out = c.args().get(arity);
        return evalCall(c, arity, f, v -> unifyValue(out, v, f, k));
      }
    }
    Value direct = single(t, f);
    if (direct != NOT_SIMPLE) {
      return direct != null && direct != BooleanValue.FALSE && k.go();
    }
    return eval(t, f, v -> !BooleanValue.FALSE.equals(v) && k.go());
  }

  /** The first value of a term in an empty frame, or null (entry points). */
  public Value first(Term t) {
    Value[] out = new Value[1];
    try {
      eval(
          t,
          new Value[0],
          v -> {
            out[0] = v;
            return true;
          });
    } catch (StackOverflowError e) {
      throw new RegoEvalException(
          RegoEvalException.CANCEL, null, "evaluation too deep (stack exhausted)");
    }
    return out[0];
  }

  private int arity(Term.Call c) {
    CallTarget target = c.target();
    if (target.isBuiltin()) {
      Builtin b = builtins.lookup(target.builtin());
      return b == null || b.signature().variadic() != null ? -1 : b.signature().args().size();
    }
    RuleNode n = root.descendant(target.functionPath());
    if (n == null) {
      return -1;
    }
    if (!n.functions().isEmpty()) {
      return n.functions().get(0).args().size();
    }
    return n.defaultFunction() == null ? -1 : n.defaultFunction().args().size();
  }

  /** {@code every k, v in domain { body }}: true when the body holds for each element. */
  private boolean evalEvery(Expr.Every ev, Value[] f, Cont k) {
    List<Value> domains = new ArrayList<>(1);
    eval(
        ev.domain(),
        f,
        d -> {
          domains.add(d);
          return false;
        });
    if (domains.isEmpty()) {
      return false; // an undefined domain makes every undefined, as in OPA
    }
    for (Value d : domains) {
      if (!d.isComposite()) {
        return false;
      }
      boolean all =
          !forEach(
              d,
              (key, val) -> {
                boolean holds = unifyEvery(ev, key, val, f);
                return !holds; // stop at the first counter-example
              });
      if (!all) {
        return false;
      }
    }
    return k.go();
  }

  private boolean unifyEvery(Expr.Every ev, Value key, Value val, Value[] f) {
    Cont body = () -> evalBody(ev.body(), 0, f, () -> true);
    if (ev.key() == null) {
      return unifyValue(ev.value(), val, f, body);
    }
    return unifyValue(ev.key(), key, f, () -> unifyValue(ev.value(), val, f, body));
  }

  /** A literal with {@code with} modifiers runs in a state where they apply; the rest does not. */
  private boolean evalWith(Literal lit, Value[] f, Cont k) {
    EvalState old = state;
    Value input = old.input;
    List<EvalState.DataOverride> overrides = new ArrayList<>(old.overrides);
    Map<String, Object> mocks = new HashMap<>(old.mocks);
    for (Literal.With w : lit.withs()) {
      Value value = null;
      Object mock = null;
      if (w.value() instanceof Term.Call c && c.args().isEmpty() && c.target() != null) {
        mock = c.target();
      } else {
        Value[] first = new Value[1];
        eval(
            w.value(),
            f,
            v -> {
              first[0] = v;
              return true;
            });
        value = first[0];
        if (value == null) {
          return false;
        }
        mock = value;
      }
      Term target = w.target();
      if (target instanceof Term.Call tc) {
        CallTarget t = tc.target();
        mocks.put(
            t.isBuiltin() ? "b:" + t.builtin() : "f:" + String.join(".", t.functionPath()), mock);
      } else if (Roots.isInput(target)
          || (target instanceof Term.Ref r && Roots.isInput(r.head()))) {
        List<Value> path = constantPath(target);
        input = path.isEmpty() ? value : patch(input, path, 0, value);
      } else {
        overrides.add(new EvalState.DataOverride(constantPath(target), value));
      }
    }
    EvalState inner = new EvalState(input, overrides, mocks, root.nodeCount());
    state = inner;
    try {
      return evalLiteral(
          lit,
          f,
          () -> {
            state = old;
            try {
              return k.go();
            } finally {
              state = inner;
            }
          });
    } finally {
      state = old;
    }
  }

  private static List<Value> constantPath(Term t) {
    List<Value> path = new ArrayList<>();
    if (t instanceof Term.Ref r) {
      for (Term p : r.path()) {
        if (p instanceof Term.Scalar s) {
          path.add(s.value());
        } else {
          throw new RegoEvalException(
              RegoEvalException.INTERNAL, t.loc(), "with target must be a constant path");
        }
      }
    }
    return path;
  }
}
