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
 * type error, is {@code any} (as in OPA). Each rule is checked once.
 */
final class RuleTypes implements TypeChecker.Documents {
  /**
   * A rule checked once: the union of its branches' key and value types, its errors, and for a
   * function the types its arguments have at the end of its body (null otherwise).
   */
  private record Checked(Type key, Type value, List<CompileError> errors, List<Type> args) {}

  private final RuleNode root;
  private final TypeChecker checker;
  private final Map<Rule, Checked> checked = new IdentityHashMap<>();
  private final Map<RuleNode, Type> documents = new IdentityHashMap<>();
  private final Map<RuleNode, Type> results = new IdentityHashMap<>();
  private final Set<RuleNode> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private List<CompileError> sink = new ArrayList<>();

  private RuleTypes(RuleNode root, BuiltinRegistry builtins) {
    this.root = root;
    this.checker = new TypeChecker(builtins, this, e -> sink.add(e));
  }

  /** Type-checks every rule and function of the tree, adding what it finds to {@code errors}. */
  static void check(RuleNode root, BuiltinRegistry builtins, List<CompileError> errors) {
    new RuleTypes(root, builtins).checkTree(root, errors);
  }

  private void checkTree(RuleNode node, List<CompileError> errors) {
    for (Rule r : node.rules) {
      errors.addAll(checked(r).errors());
    }
    for (Rule r : node.functions) {
      errors.addAll(checked(r).errors());
    }
    if (node.defaultRule != null) {
      errors.addAll(checked(node.defaultRule).errors());
    }
    if (node.defaultFunction != null) {
      errors.addAll(checked(node.defaultFunction).errors());
    }
    for (RuleNode c : node.children.values()) {
      checkTree(c, errors);
    }
  }

  /**
   * Checks each branch ({@code else} included) of a rule once, whether first reached by the walk
   * over the tree or by a rule referring to it.
   */
  private Checked checked(Rule r) {
    Checked known = checked.get(r);
    if (known != null) {
      return known;
    }
    List<CompileError> outer = sink;
    sink = new ArrayList<>();
    List<Type> keys = new ArrayList<>();
    List<Type> values = new ArrayList<>();
    List<Type> args = r.args() == null ? null : new ArrayList<>();
    try {
      for (Rule b = r; b != null; b = b.elseRule()) {
        TypeChecker.Env env = new TypeChecker.Env();
        checker.body(b.body(), env);
        Type last = Types.A;
        for (int i = 1; i < b.head().size(); i++) {
          last = checker.term(b.head().get(i), env);
        }
        keys.add(b.key() != null ? checker.term(b.key(), env) : last);
        values.add(b.value() != null ? checker.term(b.value(), env) : Types.A);
        if (args != null) {
          addArgs(args, b.args(), env);
        }
      }
      Checked c =
          new Checked(
              TypeOps.union(keys),
              TypeOps.union(values),
              List.copyOf(sink),
              args == null ? null : List.copyOf(args));
      checked.put(r, c);
      return c;
    } finally {
      sink = outer;
    }
  }

  /** The union of the rules' value ({@code key}: key) types; a rule with an error makes it any. */
  private Type infer(List<Rule> rules, boolean key) {
    List<Type> out = new ArrayList<>();
    for (Rule r : rules) {
      Checked c = checked(r);
      if (!c.errors().isEmpty()) {
        return Types.A;
      }
      out.add(key ? c.key() : c.value());
    }
    return TypeOps.union(out);
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
    if (allOfKind(rules, RuleKind.COMPLETE)) {
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

  private static boolean allOfKind(List<Rule> rules, RuleKind kind) {
    for (Rule r : rules) {
      if (r.kind() != kind) {
        return false;
      }
    }
    return true;
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

  /**
   * Unions a branch's argument types into {@code into}: a variable has the type its uses gave it
   * ({@code any} if none), a constant its own; patterns ({@code f([a, b])}) are {@code any}.
   */
  private void addArgs(List<Type> into, List<Term> args, TypeChecker.Env env) {
    if (args == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      Term a = args.get(i);
      Type t = Types.A;
      if (a instanceof Term.Var v && !v.isWildcard() && env.get(v) != null) {
        t = env.get(v);
      } else if (a instanceof Term.Scalar s) {
        t = TypeOps.of(s.value());
      }
      if (i < into.size()) {
        into.set(i, TypeOps.union(into.get(i), t));
      } else {
        into.add(t);
      }
    }
  }

  /**
   * A function's argument types, the union over its definitions (a default function's {@code _}
   * makes them any), and its result; null while inferred, or if a definition has an error.
   */
  @Override
  public Type.Function function(List<String> path) {
    RuleNode n = root.descendant(path);
    if (n == null || inProgress.contains(n)) {
      return null;
    }
    List<Rule> rules = new ArrayList<>(n.functions);
    if (n.defaultFunction != null) {
      rules.add(n.defaultFunction);
    }
    if (rules.isEmpty()) {
      return null;
    }
    List<Type> args = null;
    inProgress.add(n);
    try {
      for (Rule r : rules) {
        Checked c = checked(r);
        if (!c.errors().isEmpty() || c.args() == null) {
          return null;
        }
        if (args == null) {
          args = new ArrayList<>(c.args());
        } else if (args.size() != c.args().size()) {
          return null;
        } else {
          for (int i = 0; i < args.size(); i++) {
            args.set(i, TypeOps.union(args.get(i), c.args().get(i)));
          }
        }
      }
    } finally {
      inProgress.remove(n);
    }
    return new Type.Function(args, functionResult(path), null);
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
