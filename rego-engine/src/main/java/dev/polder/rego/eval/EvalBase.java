package dev.polder.rego.eval;

import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.Limits;
import dev.polder.rego.compiler.RuleNode;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.List;

/** State of one evaluation and the helpers every layer of the evaluator shares. */
abstract class EvalBase {
  final RuleNode root;
  final Value baseData;
  final BuiltinRegistry builtins;
  final BuiltinContext bctx;
  final Limits limits;
  EvalState state;
  private long steps;
  int depth;

  /**
   * Receives the single value of a term evaluated for its first value ({@link #captured}); one per
   * evaluation instead of a closure and a holder per call. Read {@code captured} right after the
   * evaluation that used it returns true: nested uses finish before the outer one accepts.
   */
  Value captured;

  final ValueCont capture =
      v -> {
        captured = v;
        return true;
      };

  EvalBase(
      RuleNode root,
      Value baseData,
      BuiltinRegistry builtins,
      BuiltinContext bctx,
      EvalState state) {
    this.root = root;
    this.baseData = baseData;
    this.builtins = builtins;
    this.bctx = bctx;
    this.limits = bctx.limits();
    this.state = state;
  }

  // Layers implemented further down.
  abstract boolean eval(Term t, Value[] f, ValueCont k);

  abstract boolean evalBody(List<Literal> body, int i, Value[] f, Cont k);

  abstract boolean unifyValue(Term pattern, Value v, Value[] f, Cont k);

  final void step(Location at) {
    if (++steps > limits.maxSteps()) {
      throw new RegoEvalException(
          RegoEvalException.CANCEL, at, "evaluation exceeded " + limits.maxSteps() + " steps");
    }
    if ((steps & 0x3ff) == 0 && bctx.cancelled()) {
      throw new RegoEvalException(RegoEvalException.CANCEL, at, "evaluation cancelled");
    }
  }

  final void enter(Location at) {
    if (++depth > limits.maxDepth()) {
      depth = 0;
      throw new RegoEvalException(
          RegoEvalException.CANCEL, at, "evaluation exceeded depth " + limits.maxDepth());
    }
  }

  final void leave() {
    depth--;
  }

  final void checkSize(int n, Location at) {
    if (n > limits.maxOutputElements()) {
      throw new RegoEvalException(
          RegoEvalException.CANCEL,
          at,
          "collection exceeds " + limits.maxOutputElements() + " elements");
    }
  }

  /** {@code coll[key]}, or null when undefined. */
  static Value lookup(Value coll, Value key) {
    if (coll instanceof ObjectValue o) {
      return o.get(key);
    }
    if (coll instanceof ArrayValue a) {
      if (key instanceof NumberValue n && n.isInt()) {
        int i = n.asInt();
        return i >= 0 && i < a.size() ? a.get(i) : null;
      }
      return null;
    }
    if (coll instanceof SetValue s) {
      return s.contains(key) ? key : null;
    }
    return null;
  }

  /** Receives key and value of each element of a collection. */
  @FunctionalInterface
  interface EntryCont {
    boolean accept(Value key, Value value);
  }

  /** Iterates a collection in OPA's order: arrays by index, objects by key, sets by member. */
  static boolean forEach(Value coll, EntryCont k) {
    if (coll instanceof ArrayValue a) {
      for (int i = 0; i < a.size(); i++) {
        if (k.accept(NumberValue.of(i), a.get(i))) {
          return true;
        }
      }
    } else if (coll instanceof ObjectValue o) {
      for (Value key : o.sortedKeys()) {
        if (k.accept(key, o.get(key))) {
          return true;
        }
      }
    } else if (coll instanceof SetValue s) {
      for (Value m : s.sortedMembers()) {
        if (k.accept(m, m)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Binds an unbound slot for the duration of the continuation. */
  static boolean bind(Value[] f, int slot, Value v, Cont k) {
    f[slot] = v;
    try {
      return k.go();
    } finally {
      f[slot] = null;
    }
  }

  /** A copy of {@code doc} with {@code value} at {@code path} (objects created on the way). */
  static Value patch(Value doc, List<Value> path, int i, Value value) {
    if (i == path.size()) {
      return value;
    }
    ObjectValue obj = doc instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    Value child = obj.get(path.get(i));
    return obj.with(path.get(i), patch(child, path, i + 1, value));
  }
}
