package dev.polder.rego.eval;

import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.RuleKind;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.compiler.RuleNode;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The {@code data} document: base data merged with the virtual documents rules define, evaluated
 * lazily and cached per evaluation; and user functions.
 */
abstract class DocEval extends CallEval {
  private static final Value UNDEFINED =
      SetValue.of(ObjectValue.ofStrings("$undefined", SetValue.EMPTY));

  DocEval(
      RuleNode root,
      Value baseData,
      BuiltinRegistry builtins,
      BuiltinContext bctx,
      EvalState state) {
    super(root, baseData, builtins, bctx, state);
  }

  @Override
  final boolean evalData(List<Term> path, int i, Value[] f, ValueCont k) {
    return dataStep(root, baseData, state.hasOverrides() ? List.of() : null, path, i, f, k);
  }

  /** Where a data ref's constant prefix leads: the same in every evaluation of this policy. */
  private record ResolvedPrefix(RuleNode node, Value base, int index) {}

  @Override
  final boolean evalDataRef(Term.Ref r, Value[] f, ValueCont k) {
    if (state.hasOverrides()) {
      return evalData(r.path(), 0, f, k);
    }
    ResolvedPrefix p = (ResolvedPrefix) r.cache().get();
    if (p == null) {
      p = resolvePrefix(r.path());
      r.cache().set(p);
    }
    return dataStep(p.node(), p.base(), null, r.path(), p.index(), f, k);
  }

  private ResolvedPrefix resolvePrefix(List<Term> path) {
    RuleNode node = root;
    Value base = baseData;
    int i = 0;
    while (i < path.size()
        && node != null
        && !node.hasRules()
        && !node.children().isEmpty()
        && path.get(i) instanceof Term.Scalar s) {
      node = node.child(s.value());
      base = lookupData(base, s.value());
      i++;
    }
    return new ResolvedPrefix(node, base, i);
  }

  private static List<Value> append(List<Value> cur, Value key) {
    if (cur == null) {
      return null;
    }
    List<Value> p = new ArrayList<>(cur.size() + 1);
    p.addAll(cur);
    p.add(key);
    return p;
  }

  private boolean dataStep(
      RuleNode node, Value base, List<Value> cur, List<Term> path, int i, Value[] f, ValueCont k) {
    if (cur != null) {
      Value ov = state.overrideAt(cur);
      if (ov != null) {
        return evalPath(ov, path, i, f, k);
      }
    }
    if (node == null || (!node.hasRules() && node.children().isEmpty() && !node.isPackage())) {
      Value b = cur == null ? base : applyOverridesBelow(base, cur);
      // Base data is read by storage path: a number key finds the string key ({@code data.x[2]}).
      int j = i;
      while (b instanceof ObjectValue && j < path.size()) {
        Value key = groundKey(path.get(j), f);
        if (key == null) {
          break;
        }
        b = lookupData(b, key);
        j++;
      }
      return b != null && evalPath(b, path, j, f, k);
    }
    if (node.hasRules() || i == path.size()) {
      Value doc = fullDoc(node, base, cur);
      return doc != null && evalPath(doc, path, i, f, k);
    }
    Term p = path.get(i);
    if (p instanceof Term.Scalar s) {
      Value key = s.value();
      return dataStep(node.child(key), lookupData(base, key), append(cur, key), path, i + 1, f, k);
    }
    if (p instanceof Term.Var v && v.slot() >= 0 && f[v.slot()] == null) {
      TreeSet<Value> keys = new TreeSet<>(node.children().keySet());
      if (base instanceof ObjectValue o) {
        keys.addAll(o.asMap().keySet());
      }
      int slot = v.slot();
      for (Value key : keys) {
        f[slot] = key;
        try {
          if (dataStep(node.child(key), lookup(base, key), append(cur, key), path, i + 1, f, k)) {
            return true;
          }
        } finally {
          f[slot] = null;
        }
      }
      return false;
    }
    if (p instanceof Term.Var v && v.slot() >= 0) {
      Value key = f[v.slot()];
      return dataStep(node.child(key), lookupData(base, key), append(cur, key), path, i + 1, f, k);
    }
    return eval(
        p,
        f,
        key ->
            dataStep(node.child(key), lookupData(base, key), append(cur, key), path, i + 1, f, k));
  }

  private static Value groundKey(Term p, Value[] f) {
    if (p instanceof Term.Scalar s) {
      return s.value();
    }
    if (p instanceof Term.Var v && v.slot() >= 0) {
      return f[v.slot()];
    }
    return null;
  }

  /** Base data keys are strings; OPA also finds them by an integer ({@code data[2]}). */
  private static Value lookupData(Value base, Value key) {
    Value v = lookup(base, key);
    if (v == null
        && base instanceof ObjectValue
        && key instanceof dev.polder.rego.value.NumberValue n) {
      v = lookup(base, dev.polder.rego.value.StringValue.of(n.format()));
    }
    return v;
  }

  private Value applyOverridesBelow(Value doc, List<Value> cur) {
    Value out = doc;
    for (EvalState.DataOverride o : state.overridesBelow(cur)) {
      out = patch(out, o.path(), cur.size(), o.value());
    }
    return out;
  }

  /** The whole document at a node: its rules' value, its children, the base data under it. */
  final Value fullDoc(RuleNode node, Value base, List<Value> cur) {
    if (cur == null) {
      Value cached = state.docCache[node.id()];
      if (cached != null) {
        return cached == UNDEFINED ? null : cached;
      }
    }
    Value v = null;
    ObjectDocBuilder built = null;
    if (node.hasRules()) {
      if (usesObjectBuilder(node.rules())) {
        built = new ObjectDocBuilder(this);
        v = built.build(node.rules());
      } else {
        v = ruleDoc(node);
      }
    }
    if (!node.children().isEmpty()) {
      ObjectValue.Builder kids = ObjectValue.builder();
      for (var e : node.children().entrySet()) {
        RuleNode child = e.getValue();
        if (!child.hasRules() && child.children().isEmpty() && !child.isPackage()) {
          continue; // a function: not part of the document
        }
        Value cv = fullDoc(child, lookup(base, e.getKey()), append(cur, e.getKey()));
        if (cv != null) {
          kids.put(e.getKey(), cv);
        }
      }
      if (v == null) {
        if (!node.hasRules() || kids.size() > 0) {
          v = kids.build();
        }
      } else if (kids.size() > 0) {
        v =
            built != null
                ? built.mergeChildren(kids.build(), locOf(node))
                : merge(v, kids.build(), node, Merge.STRICT);
      }
    }
    if (v == null && node.isPackage() && !node.hasRules()) {
      v = ObjectValue.EMPTY; // a package without (defined) rules is an empty object
    }
    if (base != null) {
      // At a rule's own node its value wins over base data; above it (a document merged from
      // children), OPA's merge keeps the base value where the two conflict.
      v = v == null ? base : merge(base, v, node, node.hasRules() ? Merge.VIRTUAL : Merge.BASE);
    }
    if (cur != null) {
      v = v == null && state.overridesBelow(cur).isEmpty() ? null : applyOverridesBelow(v, cur);
    } else {
      state.docCache[node.id()] = v == null ? UNDEFINED : v;
    }
    return v;
  }

  /** Who wins where two merged documents both hold a non-object value. */
  private enum Merge {
    STRICT,
    VIRTUAL,
    BASE
  }

  /** Deep merge of document {@code a} (base or rule value) and {@code b} (virtual). */
  private Value merge(Value a, Value b, RuleNode at, Merge mode) {
    if (a instanceof ObjectValue ao && b instanceof ObjectValue bo) {
      ObjectValue.Builder out = ObjectValue.builder();
      for (var e : ao.asMap().entrySet()) {
        out.put(e.getKey(), e.getValue());
      }
      for (var e : bo.asMap().entrySet()) {
        Value prev = out.get(e.getKey());
        out.put(e.getKey(), prev == null ? e.getValue() : merge(prev, e.getValue(), at, mode));
      }
      return out.build();
    }
    if (a instanceof SetValue as && b instanceof SetValue bs) {
      return as.union(bs);
    }
    if (a.equals(b) || mode == Merge.VIRTUAL) {
      return b;
    }
    if (mode == Merge.BASE) {
      return a;
    }
    throw new RegoEvalException(
        RegoEvalException.CONFLICT, locOf(at), "object keys must be unique");
  }

  private static dev.polder.rego.ast.Location locOf(RuleNode n) {
    if (!n.rules().isEmpty()) {
      return n.rules().get(0).loc();
    }
    return n.defaultRule() != null ? n.defaultRule().loc() : null;
  }

  /** True if the rules build an object keyed by their (dynamic) head suffixes. */
  private static boolean usesObjectBuilder(List<Rule> rules) {
    for (Rule r : rules) {
      if (r.kind() == RuleKind.PARTIAL_OBJECT
          || (r.kind() == RuleKind.PARTIAL_SET && ObjectDocBuilder.hasDynamicSuffix(r))) {
        return true;
      }
    }
    return false;
  }

  private Value ruleDoc(RuleNode node) {
    List<Rule> rules = node.rules();
    if (rules.isEmpty()) {
      return defaultValue(node.defaultRule());
    }
    RuleKind kind = rules.get(0).kind();
    if (usesObjectBuilder(rules)) {
      return new ObjectDocBuilder(this).build(rules);
    }
    if (kind == RuleKind.PARTIAL_SET) {
      SetValue.Builder b = SetValue.builder();
      for (Rule r : rules) {
        Value[] f = frame(r.frameSize());
        enter(r.loc());
        try {
          evalBody(
              r.body(),
              0,
              f,
              () ->
                  eval(
                      r.key(),
                      f,
                      v -> {
                        b.add(v);
                        checkSize(b.size(), r.loc());
                        return false;
                      }));
        } finally {
          leave();
        }
      }
      return b.build();
    }
    if (kind == RuleKind.PARTIAL_OBJECT) {
      return new ObjectDocBuilder(this).build(rules);
    }
    CompleteValues values = new CompleteValues();
    for (int i = 0; i < rules.size(); i++) {
      values.collect(rules.get(i));
    }
    return values.result != null ? values.result : defaultValue(node.defaultRule());
  }

  private static final Value[] NO_VARS = new Value[0];

  /** A fresh frame; rules without variables share one empty frame (nothing is ever stored). */
  static Value[] frame(int size) {
    return size == 0 ? NO_VARS : new Value[size];
  }

  private Value defaultValue(Rule d) {
    if (d == null) {
      return null;
    }
    Value[] out = new Value[1];
    eval(
        d.value(),
        new Value[Math.max(1, d.frameSize())],
        v -> {
          out[0] = v;
          return true;
        });
    return out[0];
  }

  /**
   * The value of complete rules: per rule, the values of the first branch of its else chain that
   * succeeds; two different values are a conflict. One object serves as the continuation of every
   * body (no closures per rule).
   */
  private final class CompleteValues implements Cont, ValueCont {
    Value result;
    private Rule rule;
    private Rule branch;
    private Value[] frame;
    private boolean produced;

    void collect(Rule r) {
      rule = r;
      produced = false;
      enter(r.loc());
      try {
        for (Rule b = r; b != null && !produced; b = b.elseRule()) {
          branch = b;
          frame = frame(r.frameSize());
          evalBody(b.body(), 0, frame, this);
        }
      } finally {
        leave();
      }
    }

    @Override
    public boolean go() {
      Term value = branch.value();
      return value instanceof Term.Scalar s ? accept(s.value()) : eval(value, frame, this);
    }

    @Override
    public boolean accept(Value v) {
      produced = true;
      if (result == null) {
        result = v;
      } else if (!result.equals(v)) {
        throw new RegoEvalException(
            RegoEvalException.CONFLICT,
            rule.loc(),
            "complete rules must not produce multiple outputs");
      }
      return branch.value() instanceof Term.Scalar; // a constant has no other values to find
    }
  }

  @Override
  final boolean callFunction(List<String> path, Value[] args, Term.Call at, ValueCont k) {
    RuleNode node = root.descendant(path);
    if (node == null) {
      return false;
    }
    Value result = null;
    enter(at.loc());
    try {
      for (Rule r : node.functions()) {
        if (r.args().size() != args.length) {
          continue;
        }
        for (Rule b = r; b != null; b = b.elseRule()) {
          Value[] f = frame(r.frameSize());
          List<Value> outs = new ArrayList<>(1);
          Rule branch = b;
          boolean constant = branch.value() instanceof Term.Scalar;
          unifyArgs(
              branch.args(),
              args,
              0,
              f,
              () ->
                  evalBody(
                      branch.body(),
                      0,
                      f,
                      () ->
                          eval(
                              branch.value(),
                              f,
                              v -> {
                                if (!outs.contains(v)) {
                                  outs.add(v);
                                }
                                return constant;
                              })));
          if (!outs.isEmpty()) {
            for (Value v : outs) {
              if (result == null) {
                result = v;
              } else if (!result.equals(v)) {
                throw new RegoEvalException(
                    RegoEvalException.CONFLICT,
                    at.loc(),
                    "functions must not produce multiple outputs for same inputs");
              }
            }
            break;
          }
        }
      }
      if (result == null && node.defaultFunction() != null) {
        result = defaultValue(node.defaultFunction());
      }
    } finally {
      leave();
    }
    return result != null && k.accept(result);
  }

  private boolean unifyArgs(List<Term> params, Value[] args, int i, Value[] f, Cont k) {
    if (i == params.size()) {
      return k.go();
    }
    return unifyValue(params.get(i), args[i], f, () -> unifyArgs(params, args, i + 1, f, k));
  }
}
