package dev.polder.rego.compiler;

import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.RuleKind;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.types.Type;
import dev.polder.rego.types.TypeOps;
import dev.polder.rego.types.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Types of the documents rules define and of user function results, inferred on demand (rules refer
 * to each other in any order) and memoised; a rule still being inferred, or one whose body has a
 * type error, is {@code any} (as in OPA). Then {@link #check} type-checks every rule.
 */
final class RuleTypes implements TypeChecker.Documents {
  private final RuleNode root;
  private final TypeChecker inference;
  private final Map<RuleNode, Type> documents = new IdentityHashMap<>();
  private final Map<RuleNode, Type> results = new IdentityHashMap<>();
  private final Set<RuleNode> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private int inferenceErrors;

  private RuleTypes(RuleNode root, BuiltinRegistry builtins) {
    this.root = root;
    this.inference = new TypeChecker(builtins, this, e -> inferenceErrors++);
  }

  /** Type-checks every rule and function of the tree, adding what it finds to {@code errors}. */
  static void check(RuleNode root, BuiltinRegistry builtins, List<CompileError> errors) {
    RuleTypes types = new RuleTypes(root, builtins);
    TypeChecker checker = new TypeChecker(builtins, types, errors::add);
    types.checkTree(root, checker);
  }

  private void checkTree(RuleNode node, TypeChecker checker) {
    for (Rule r : node.rules) {
      branches(r, checker, false);
    }
    for (Rule r : node.functions) {
      branches(r, checker, false);
    }
    if (node.defaultRule != null) {
      branches(node.defaultRule, checker, false);
    }
    if (node.defaultFunction != null) {
      branches(node.defaultFunction, checker, false);
    }
    for (RuleNode c : node.children.values()) {
      checkTree(c, checker);
    }
  }

  /**
   * Checks each branch ({@code else} included) of a rule; returns the union of their values' types
   * ({@code key}: of their keys — the set member, the object key).
   */
  private Type branches(Rule r, TypeChecker checker, boolean key) {
    List<Type> out = new ArrayList<>();
    for (Rule b = r; b != null; b = b.elseRule()) {
      TypeChecker.Env env = new TypeChecker.Env();
      checker.body(b.body(), env);
      Type last = Types.A;
      for (int i = 1; i < b.head().size(); i++) {
        last = checker.term(b.head().get(i), env);
      }
      Type k = b.key() != null ? checker.term(b.key(), env) : last;
      Type v = b.value() != null ? checker.term(b.value(), env) : Types.A;
      out.add(key ? k : v);
    }
    return TypeOps.union(out);
  }

  /** Inference without reporting: a body with an error makes the result {@code any}. */
  private Type infer(List<Rule> rules, boolean key) {
    int before = inferenceErrors;
    List<Type> out = new ArrayList<>();
    for (Rule r : rules) {
      out.add(branches(r, inference, key));
    }
    return inferenceErrors > before ? Types.A : TypeOps.union(out);
  }

  @Override
  public Type data(List<Term> path) {
    RuleNode n = root;
    int i = 0;
    for (; i < path.size() && !n.hasRules(); i++) {
      if (!(path.get(i) instanceof Term.Scalar s) || (n = n.child(s.value())) == null) {
        return Types.A; // dynamic, base data, or undefined: nothing known
      }
    }
    if (!n.hasRules() || !n.children.isEmpty()) {
      return Types.A;
    }
    Type t = document(n);
    for (; i < path.size(); i++) {
      t = TypeOps.element(t);
    }
    return t;
  }

  private Type document(RuleNode n) {
    Type known = documents.get(n);
    if (known != null) {
      return known;
    }
    if (!inProgress.add(n)) {
      return Types.A;
    }
    Type t;
    try {
      t = inferDocument(n);
    } finally {
      inProgress.remove(n);
    }
    documents.put(n, t);
    return t;
  }

  private Type inferDocument(RuleNode n) {
    List<Rule> rules = new ArrayList<>(n.rules);
    if (rules.stream().allMatch(r -> r.kind() == RuleKind.COMPLETE)) {
      if (n.defaultRule != null) {
        rules.add(n.defaultRule);
      }
      return infer(rules, false);
    }
    if (n.defaultRule != null) {
      return Types.A;
    }
    if (rules.stream().allMatch(r -> r.kind() == RuleKind.PARTIAL_SET && constantHead(r))) {
      return new Type.SetOf(infer(rules, true));
    }
    if (rules.stream().allMatch(r -> r.kind() == RuleKind.PARTIAL_OBJECT && oneDynamicKey(r))) {
      Type key = infer(rules, true);
      return new Type.Obj(key, infer(rules, false));
    }
    return Types.A; // nested dynamic heads, sets of objects: not modelled
  }

  private static boolean constantHead(Rule r) {
    return r.head().stream().skip(1).allMatch(t -> t instanceof Term.Scalar);
  }

  /** {@code p[k] := v} or {@code a.b[k] := v}: only the last head element is not a constant. */
  private static boolean oneDynamicKey(Rule r) {
    List<Term> head = r.head();
    for (int i = 1; i < head.size() - 1; i++) {
      if (!(head.get(i) instanceof Term.Scalar)) {
        return false;
      }
    }
    return head.size() >= 2 && !(head.get(head.size() - 1) instanceof Term.Scalar);
  }

  @Override
  public Type functionResult(List<String> path) {
    RuleNode n = root.descendant(path);
    if (n == null) {
      return Types.A;
    }
    Type known = results.get(n);
    if (known != null) {
      return known;
    }
    if (!inProgress.add(n)) {
      return Types.A;
    }
    Type t;
    try {
      List<Rule> rules = new ArrayList<>(n.functions);
      if (n.defaultFunction != null) {
        rules.add(n.defaultFunction);
      }
      t = rules.isEmpty() ? Types.A : infer(rules, false);
    } finally {
      inProgress.remove(n);
    }
    results.put(n, t);
    return t;
  }
}
