package dev.polder.rego.eval;

import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.compiler.Roots;
import dev.polder.rego.compiler.RuleNode;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Values of terms: refs, composites, comprehensions, templates; and matching against patterns. */
abstract class TermEval extends EvalBase {

  TermEval(
      RuleNode root,
      Value baseData,
      BuiltinRegistry builtins,
      BuiltinContext bctx,
      EvalState state) {
    super(root, baseData, builtins, bctx, state);
  }

  abstract boolean evalData(List<Term> path, int i, Value[] f, ValueCont k);

  abstract boolean evalDataRef(Term.Ref r, Value[] f, ValueCont k);

  abstract boolean evalCall(Term.Call c, int nargs, Value[] f, ValueCont k);

  @Override
  final boolean eval(Term t, Value[] f, ValueCont k) {
    if (t instanceof Term.Scalar s) {
      return k.accept(s.value());
    }
    if (t instanceof Term.Var v) {
      return evalVar(v, f, k);
    }
    if (t instanceof Term.Ref r) {
      return evalRef(r, f, k);
    }
    if (t instanceof Term.Call c) {
      return evalCall(c, c.args().size(), f, k);
    }
    if (t instanceof Term.ArrayTerm a) {
      return evalItems(
          a.items(),
          0,
          new Value[a.items().size()],
          f,
          items -> k.accept(ArrayValue.wrap(items.clone())));
    }
    if (t instanceof Term.SetTerm s) {
      return evalItems(
          s.items(), 0, new Value[s.items().size()], f, items -> k.accept(SetValue.of(items)));
    }
    if (t instanceof Term.ObjectTerm o) {
      int n = o.keys().size();
      List<Term> all = new ArrayList<>(o.keys());
      all.addAll(o.values());
      return evalItems(
          all,
          0,
          new Value[2 * n],
          f,
          items -> {
            ObjectValue.Builder b = ObjectValue.builder();
            for (int i = 0; i < n; i++) {
              b.put(items[i], items[n + i]);
            }
            return k.accept(b.build());
          });
    }
    if (t instanceof Term.ArrayCompr ac) {
      List<Value> out = new ArrayList<>();
      comprehension(
          ac.body(),
          f,
          ac,
          () ->
              eval(
                  ac.head(),
                  f,
                  v -> {
                    out.add(v);
                    checkSize(out.size(), ac.loc());
                    return false;
                  }));
      return k.accept(ArrayValue.of(out));
    }
    if (t instanceof Term.SetCompr sc) {
      SetValue.Builder b = SetValue.builder();
      comprehension(
          sc.body(),
          f,
          sc,
          () ->
              eval(
                  sc.head(),
                  f,
                  v -> {
                    b.add(v);
                    checkSize(b.size(), sc.loc());
                    return false;
                  }));
      return k.accept(b.build());
    }
    if (t instanceof Term.ObjectCompr oc) {
      ObjectValue.Builder b = ObjectValue.builder();
      comprehension(
          oc.body(),
          f,
          oc,
          () ->
              eval(
                  oc.key(),
                  f,
                  key ->
                      eval(
                          oc.value(),
                          f,
                          val -> {
                            Value prev = b.get(key);
                            if (prev != null && !prev.equals(val)) {
                              throw new RegoEvalException(
                                  RegoEvalException.CONFLICT,
                                  oc.loc(),
                                  "object keys must be unique");
                            }
                            b.put(key, val);
                            checkSize(b.size(), oc.loc());
                            return false;
                          })));
      return k.accept(b.build());
    }
    if (t instanceof Term.Template tp) {
      return evalTemplate(tp, f, k);
    }
    throw new IllegalStateException("unknown term " + t);
  }

  /** Marks a term that may take several values (or needs the general evaluator). */
  static final Value NOT_SIMPLE = StringValue.of(new String("$not-simple"));

  /**
   * The value of a term that cannot iterate (constants, bound variables, refs whose path is
   * constant or bound), or null when undefined, or {@link #NOT_SIMPLE}. A fast path that avoids
   * continuations for the common case.
   */
  final Value single(Term t, Value[] f) {
    if (t instanceof Term.Scalar s) {
      return s.value();
    }
    if (t instanceof Term.Var v) {
      int slot = v.slot();
      if (slot >= 0) {
        Value x = f[slot];
        return x == null ? NOT_SIMPLE : x;
      }
      return slot == Roots.INPUT_SLOT ? state.input : NOT_SIMPLE;
    }
    if (!(t instanceof Term.Ref r)) {
      return NOT_SIMPLE;
    }
    List<Term> path = r.path();
    for (int i = 0; i < path.size(); i++) {
      Term p = path.get(i);
      if (!(p instanceof Term.Scalar)
          && !(p instanceof Term.Var pv && pv.slot() >= 0 && f[pv.slot()] != null)) {
        return NOT_SIMPLE;
      }
    }
    Term head = r.head();
    Value cur;
    if (Roots.isData(head)) {
      return evalDataRef(r, f, capture) ? captured : null;
    } else if (Roots.isInput(head)) {
      cur = state.input;
    } else if (head instanceof Term.Var hv && hv.slot() >= 0 && f[hv.slot()] != null) {
      cur = f[hv.slot()];
    } else {
      return NOT_SIMPLE;
    }
    for (int i = 0; i < path.size() && cur != null; i++) {
      Term p = path.get(i);
      Value key = p instanceof Term.Scalar s ? s.value() : f[((Term.Var) p).slot()];
      Value next = lookup(cur, key);
      if (next == null
          && cur instanceof ObjectValue
          && key instanceof dev.polder.rego.value.NumberValue n) {
        next = lookup(cur, StringValue.of(n.format()));
      }
      cur = next;
    }
    return cur;
  }

  private void comprehension(List<Literal> body, Value[] f, Term at, Cont each) {
    enter(at.loc());
    try {
      evalBody(body, 0, f, each);
    } finally {
      leave();
    }
  }

  @FunctionalInterface
  interface ItemsCont {
    boolean accept(Value[] items);
  }

  /** Evaluates items left to right; each may take several values (iteration). */
  final boolean evalItems(List<Term> items, int from, Value[] acc, Value[] f, ItemsCont k) {
    int n = items.size();
    int i = from;
    // Single-valued items in a loop: only items that may take several values nest (iteration),
    // so a long literal does not cost a stack frame per element.
    while (i < n) {
      Value v = single(items.get(i), f);
      if (v == null) {
        return false;
      }
      if (v == NOT_SIMPLE) {
        break;
      }
      acc[i++] = v;
    }
    if (i == n) {
      return k.accept(acc);
    }
    int at = i;
    return eval(
        items.get(at),
        f,
        v -> {
          acc[at] = v;
          return evalItems(items, at + 1, acc, f, k);
        });
  }

  private boolean evalVar(Term.Var v, Value[] f, ValueCont k) {
    int slot = v.slot();
    if (slot >= 0) {
      Value x = f[slot];
      if (x == null) {
        throw new RegoEvalException(
            RegoEvalException.INTERNAL, v.loc(), "var " + v.name() + " is unbound");
      }
      return k.accept(x);
    }
    if (slot == Roots.INPUT_SLOT) {
      return state.input != null && k.accept(state.input);
    }
    return evalData(List.of(), 0, f, k);
  }

  private boolean evalRef(Term.Ref r, Value[] f, ValueCont k) {
    Term head = r.head();
    if (Roots.isData(head)) {
      return evalDataRef(r, f, k);
    }
    if (Roots.isInput(head)) {
      return state.input != null && evalPath(state.input, r.path(), 0, f, k);
    }
    if (head instanceof Term.Var v && v.slot() >= 0 && f[v.slot()] != null) {
      return evalPath(f[v.slot()], r.path(), 0, f, k);
    }
    return eval(head, f, h -> evalPath(h, r.path(), 0, f, k));
  }

  /** Walks {@code path[i:]} from {@code cur}, iterating where a path element is unbound. */
  final boolean evalPath(Value cur, List<Term> path, int i, Value[] f, ValueCont k) {
    if (i == path.size()) {
      return k.accept(cur);
    }
    Term p = path.get(i);
    if (p instanceof Term.Scalar s) {
      Value child = lookup(cur, s.value());
      return child != null && evalPath(child, path, i + 1, f, k);
    }
    if (p instanceof Term.Var v && v.slot() >= 0) {
      Value bound = f[v.slot()];
      if (bound != null) {
        Value child = lookup(cur, bound);
        return child != null && evalPath(child, path, i + 1, f, k);
      }
      int slot = v.slot();
      return forEach(
          cur,
          (key, child) -> {
            f[slot] = key;
            try {
              return evalPath(child, path, i + 1, f, k);
            } finally {
              f[slot] = null;
            }
          });
    }
    if (p instanceof Term.ArrayTerm || p instanceof Term.ObjectTerm) {
      return forEach(
          cur, (key, child) -> unifyValue(p, key, f, () -> evalPath(child, path, i + 1, f, k)));
    }
    return eval(
        p,
        f,
        key -> {
          Value child = lookup(cur, key);
          return child != null && evalPath(child, path, i + 1, f, k);
        });
  }

  @Override
  final boolean unifyValue(Term pattern, Value v, Value[] f, Cont k) {
    if (pattern instanceof Term.Var var && var.slot() >= 0) {
      Value cur = f[var.slot()];
      if (cur == null) {
        return bind(f, var.slot(), v, k);
      }
      return cur.equals(v) && k.go();
    }
    if (pattern instanceof Term.Scalar s) {
      return s.value().equals(v) && k.go();
    }
    if (pattern instanceof Term.ArrayTerm a) {
      if (!(v instanceof ArrayValue av) || av.size() != a.items().size()) {
        return false;
      }
      return unifyItems(a.items(), av, 0, f, k);
    }
    if (pattern instanceof Term.ObjectTerm o) {
      if (!(v instanceof ObjectValue ov) || ov.size() != o.keys().size()) {
        return false;
      }
      return unifyEntries(o, ov, 0, f, k);
    }
    return eval(pattern, f, x -> x.equals(v) && k.go());
  }

  private boolean unifyItems(List<Term> items, ArrayValue av, int i, Value[] f, Cont k) {
    if (i == items.size()) {
      return k.go();
    }
    return unifyValue(items.get(i), av.get(i), f, () -> unifyItems(items, av, i + 1, f, k));
  }

  private boolean unifyEntries(Term.ObjectTerm o, ObjectValue ov, int i, Value[] f, Cont k) {
    if (i == o.keys().size()) {
      return k.go();
    }
    return eval(
        o.keys().get(i),
        f,
        key -> {
          Value val = ov.get(key);
          return val != null
              && unifyValue(o.values().get(i), val, f, () -> unifyEntries(o, ov, i + 1, f, k));
        });
  }

  /** A template part with {@code with} modifiers: the parser made it a set comprehension. */
  private static boolean isModifiedPart(Term part) {
    return part instanceof Term.SetCompr sc
        && sc.head() instanceof Term.Var v
        && v.name().startsWith(Term.Template.MODIFIED_PART_VAR);
  }

  /** {@code $"a {x} b"}: strings inserted as they are, other values in Rego syntax. */
  private boolean evalTemplate(Term.Template tp, Value[] f, ValueCont k) {
    StringBuilder sb = new StringBuilder();
    for (Term part : tp.parts()) {
      if (part instanceof Term.Scalar s && s.value() instanceof StringValue str) {
        sb.append(str.value());
        continue;
      }
      List<Value> values = new ArrayList<>();
      eval(
          part,
          f,
          v -> {
            values.add(v);
            return false;
          });
      if (isModifiedPart(part) && values.size() == 1 && values.get(0) instanceof SetValue set) {
        values.clear();
        set.forEach(values::add);
      }
      if (values.isEmpty()) {
        sb.append("<undefined>");
      } else if (values.size() == 1) {
        Value v = values.get(0);
        sb.append(v instanceof StringValue s ? s.value() : v.toString());
      } else {
        throw new RegoEvalException(
            RegoEvalException.CONFLICT,
            part.loc(),
            "template expression produced multiple outputs");
      }
    }
    return k.accept(StringValue.of(sb.toString()));
  }
}
