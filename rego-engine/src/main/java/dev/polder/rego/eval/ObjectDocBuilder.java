package dev.polder.rego.eval;

import dev.polder.rego.ast.Location;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.Term;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the object that partial object rules ({@code p[k] := v}, {@code p[a].b[c] := v}) define,
 * refusing two different values for one key ({@code object keys must be unique}).
 */
final class ObjectDocBuilder {
  private final DocEval eval;
  private final Map<Value, Object> tree = new HashMap<>(); // Value leaf or nested Map

  ObjectDocBuilder(DocEval eval) {
    this.eval = eval;
  }

  Value build(List<Rule> rules) {
    for (Rule r : rules) {
      List<Term> head = r.head();
      int start = 1;
      while (start < head.size() && head.get(start) instanceof Term.Scalar) {
        start++;
      }
      List<Term> suffix = head.subList(start, head.size());
      Value[] f = DocEval.frame(r.frameSize());
      boolean set = r.kind() == dev.polder.rego.ast.RuleKind.PARTIAL_SET;
      eval.enter(r.loc());
      try {
        if (set) {
          eval.evalBody(
              r.body(),
              0,
              f,
              () ->
                  eval.evalItems(
                      suffix,
                      0,
                      new Value[suffix.size()],
                      f,
                      keys ->
                          eval.eval(
                              r.key(),
                              f,
                              v -> {
                                insertMember(keys, v, r.loc());
                                return false;
                              })));
          continue;
        }
        eval.evalBody(
            r.body(),
            0,
            f,
            () ->
                eval.evalItems(
                    suffix,
                    0,
                    new Value[suffix.size()],
                    f,
                    keys ->
                        eval.eval(
                            r.value(),
                            f,
                            v -> {
                              insert(keys, v, r.loc());
                              return false;
                            })));
      } finally {
        eval.leave();
      }
    }
    return toValue(tree);
  }

  /** True if the rule's head has a variable part after the name ({@code p[q] contains r}). */
  static boolean hasDynamicSuffix(Rule r) {
    for (int i = 1; i < r.head().size(); i++) {
      if (!(r.head().get(i) instanceof Term.Scalar)) {
        return true;
      }
    }
    return false;
  }

  /** A set being collected at a leaf. */
  private static final class SetLeaf {
    final java.util.Set<Value> members = new java.util.HashSet<>();
  }

  /**
   * The object node that holds the last key, created along the path; a leaf on the way conflicts.
   */
  @SuppressWarnings("unchecked")
  private Map<Value, Object> parentOf(Value[] keys, Location at) {
    Map<Value, Object> node = tree;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = node.get(keys[i]);
      if (next == null) {
        Map<Value, Object> m = new HashMap<>();
        node.put(keys[i], m);
        node = m;
      } else if (next instanceof Map) {
        node = (Map<Value, Object>) next;
      } else {
        throw conflict(at);
      }
    }
    return node;
  }

  private void insertMember(Value[] keys, Value member, Location at) {
    Map<Value, Object> node = parentOf(keys, at);
    Value last = keys[keys.length - 1];
    Object prev = node.get(last);
    if (prev == null) {
      prev = new SetLeaf();
      node.put(last, prev);
    } else if (!(prev instanceof SetLeaf)) {
      throw conflict(at);
    }
    ((SetLeaf) prev).members.add(member);
    eval.checkSize(((SetLeaf) prev).members.size(), at);
  }

  private void insert(Value[] keys, Value v, Location at) {
    Map<Value, Object> node = parentOf(keys, at);
    Value last = keys[keys.length - 1];
    Object prev = node.get(last);
    if (prev == null) {
      node.put(last, v);
      eval.checkSize(node.size(), at);
    } else if (prev instanceof Map || !prev.equals(v)) {
      throw conflict(at);
    }
  }

  /**
   * The built document with the documents of child rule nodes merged in. A value a rule defines at
   * a leaf is complete: another rule may not inject keys into it (only sets at set leaves union).
   */
  Value mergeChildren(ObjectValue kids, Location at) {
    mergeInto(tree, kids, at);
    return toValue(tree);
  }

  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<Value, Object> node, ObjectValue kids, Location at) {
    for (var e : kids.asMap().entrySet()) {
      Object prev = node.get(e.getKey());
      Value v = e.getValue();
      if (prev == null) {
        node.put(e.getKey(), v);
      } else if (prev instanceof Map) {
        if (!(v instanceof ObjectValue vo)) {
          throw conflict(at);
        }
        mergeInto((Map<Value, Object>) prev, vo, at);
      } else if (prev instanceof SetLeaf leaf) {
        if (!(v instanceof dev.polder.rego.value.SetValue sv)) {
          throw conflict(at);
        }
        for (Value m : sv) {
          leaf.members.add(m);
        }
      } else if (!prev.equals(v)) {
        throw conflict(at);
      }
    }
  }

  private static RegoEvalException conflict(Location at) {
    return new RegoEvalException(RegoEvalException.CONFLICT, at, "object keys must be unique");
  }

  @SuppressWarnings("unchecked")
  private static Value toValue(Map<Value, Object> m) {
    ObjectValue.Builder b = ObjectValue.builder();
    for (var e : m.entrySet()) {
      Object o = e.getValue();
      if (o instanceof SetLeaf leaf) {
        b.put(e.getKey(), dev.polder.rego.value.SetValue.of(leaf.members));
      } else {
        b.put(e.getKey(), o instanceof Map ? toValue((Map<Value, Object>) o) : (Value) o);
      }
    }
    return b.build();
  }
}
