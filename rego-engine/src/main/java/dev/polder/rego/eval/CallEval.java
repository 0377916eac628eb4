package dev.polder.rego.eval;

import dev.polder.rego.ast.CallTarget;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinException;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.core.PrintBuiltin;
import dev.polder.rego.compiler.RuleNode;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Calls: built-ins (with OPA's error handling), user functions, and {@code with} mocks. */
abstract class CallEval extends TermEval {

  CallEval(
      RuleNode root,
      Value baseData,
      BuiltinRegistry builtins,
      BuiltinContext bctx,
      EvalState state) {
    super(root, baseData, builtins, bctx, state);
  }

  abstract boolean callFunction(List<String> path, Value[] args, Term.Call at, ValueCont k);

  @Override
  final boolean evalCall(Term.Call c, int nargs, Value[] f, ValueCont k) {
    CallTarget target = c.target();
    if (target.isBuiltin() && target.builtin().equals(PrintBuiltin.NAME)) {
      return print(c, f) && k.accept(dev.polder.rego.value.BooleanValue.TRUE);
    }
    if (nargs == 0) {
      return invoke(c, target, new Value[0], k);
    }
    List<Term> args = nargs == c.args().size() ? c.args() : c.args().subList(0, nargs);
    Value[] direct = new Value[nargs];
    boolean simple = true;
    for (int i = 0; i < nargs; i++) {
      Value v = single(args.get(i), f);
      if (v == null) {
        return false; // an undefined argument makes the call undefined
      }
      if (v == NOT_SIMPLE) {
        simple = false;
        break;
      }
      direct[i] = v;
    }
    if (simple) {
      return invoke(c, target, direct, k);
    }
    int unbound = -1;
    for (int i = 0; i < nargs; i++) {
      if (args.get(i) instanceof Term.Var v && v.slot() >= 0 && f[v.slot()] == null) {
        unbound = i;
      }
    }
    if (unbound >= 0) {
      // e.g. foo == xs[foo]: the ref binds foo, so evaluate it first
      List<Term> reordered = new ArrayList<>(args);
      Term last = reordered.remove(unbound);
      reordered.add(last);
      int u = unbound;
      return evalItems(
          reordered,
          0,
          new Value[nargs],
          f,
          values -> {
            Value[] ordered = new Value[nargs];
            for (int i = 0, j = 0; i < nargs; i++) {
              ordered[i] = i == u ? values[nargs - 1] : values[j++];
            }
            return invoke(c, target, ordered, k);
          });
    }
    return evalItems(args, 0, new Value[nargs], f, values -> invoke(c, target, values, k));
  }

  /**
   * The value of a call whose arguments each have one value and that yields at most one result (not
   * a relation like {@code walk}), or null when undefined, or {@link #NOT_SIMPLE} when the call
   * must be evaluated with a continuation. Saves the closures of the general path.
   */
  final Value evalCallSingle(Term.Call c, Value[] f) {
    CallTarget target = c.target();
    int nargs = c.args().size();
    if (nargs == 0 || (target.isBuiltin() && target.builtin().equals(PrintBuiltin.NAME))) {
      return NOT_SIMPLE;
    }
    if (target.isBuiltin()) {
      Builtin b = builtins.lookup(target.builtin());
      if (b == null || b.isRelation()) {
        return NOT_SIMPLE;
      }
    }
    Value[] direct = new Value[nargs];
    for (int i = 0; i < nargs; i++) {
      Value v = single(c.args().get(i), f);
      if (v == null || v == NOT_SIMPLE) {
        return v;
      }
      direct[i] = v;
    }
    return invoke(c, target, direct, capture) ? captured : null;
  }

  private static String mockKey(CallTarget t) {
    return t.isBuiltin() ? "b:" + t.builtin() : "f:" + String.join(".", t.functionPath());
  }

  final boolean invoke(Term.Call c, CallTarget target, Value[] args, ValueCont k) {
    if (!state.mocks.isEmpty()) {
      Object mock = state.mocks.get(mockKey(target));
      if (mock instanceof Value v) {
        return k.accept(v);
      }
      if (mock instanceof CallTarget other && !other.equals(target)) {
        // The replacement sees the originals (a mock of count may call count).
        EvalState saved = state;
        // Mocks do not apply inside a replacement function (OPA: a mock never calls another mock).
        java.util.Map<String, Object> rest = java.util.Map.of();
        state = new EvalState(saved.input, saved.overrides, rest, root.nodeCount());
        try {
          return invokeUnmocked(
              c,
              other,
              args,
              v -> {
                EvalState inner = state;
                state = saved;
                try {
                  return k.accept(v);
                } finally {
                  state = inner;
                }
              });
        } finally {
          state = saved;
        }
      }
    }
    return invokeUnmocked(c, target, args, k);
  }

  private boolean invokeUnmocked(Term.Call c, CallTarget target, Value[] args, ValueCont k) {
    if (!target.isBuiltin()) {
      return callFunction(target.functionPath(), args, c, k);
    }
    Builtin b = builtins.lookup(target.builtin());
    if (b == null) {
      throw new RegoEvalException(
          RegoEvalException.INTERNAL, c.loc(), "undefined function " + target.builtin());
    }
    step(c.loc());
    try {
      checkArguments(b, args);
      List<Value> argList = Arrays.asList(args);
      if (b.isRelation()) {
        List<Value> results = new ArrayList<>();
        b.iterate(bctx, argList, results::add);
        for (Value r : results) {
          if (k.accept(r)) {
            return true;
          }
        }
        return false;
      }
      Value result = b.call(bctx, argList);
      return result != null && k.accept(result);
    } catch (BuiltinException e) {
      if (bctx.strict()) {
        throw new RegoEvalException(e.code(), c.loc(), b.name() + ": " + e.getMessage());
      }
      return false;
    } catch (RegoEvalException e) {
      throw e;
    } catch (StackOverflowError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RegoEvalException(
          RegoEvalException.INTERNAL, c.loc(), b.name() + ": internal error: " + e);
    }
  }

  private static void checkArguments(Builtin b, Value[] args) throws BuiltinException {
    if (b.checksOwnArguments()) {
      return;
    }
    List<Type> declared = b.signature().args();
    for (int i = 0; i < args.length && i < declared.size(); i++) {
      if (!declared.get(i).accepts(args[i])) {
        throw BuiltinException.operandType(i + 1, declared.get(i), args[i]);
      }
    }
    Type rest = b.signature().variadic();
    if (rest != null) {
      for (int i = declared.size(); i < args.length; i++) {
        if (!rest.accepts(args[i])) {
          throw BuiltinException.operandType(i + 1, rest, args[i]);
        }
      }
    }
  }

  /** {@code print}: every operand's first value, or {@code <undefined>}. */
  private boolean print(Term.Call c, Value[] f) {
    List<Value> values = new ArrayList<>();
    for (Term arg : c.args()) {
      Value[] first = new Value[1];
      eval(
          arg,
          f,
          v -> {
            first[0] = v;
            return true;
          });
      values.add(first[0]);
    }
    new PrintBuiltin().call(bctx, values);
    return true;
  }
}
