package dev.polder.rego.compiler;

import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.Term;
import dev.polder.rego.value.StringValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Refuses rules that depend on themselves ({@code rego_recursion_error}), as OPA does. */
final class RecursionChecker {
  private final RuleNode root;
  private final List<CompileError> errors;
  private final Map<RuleNode, Set<RuleNode>> deps = new java.util.LinkedHashMap<>();
  private final Map<RuleNode, Rule> firstRule = new IdentityHashMap<>();

  RecursionChecker(RuleNode root, List<CompileError> errors) {
    this.root = root;
    this.errors = errors;
  }

  void check() {
    collect(root);
    Map<RuleNode, Integer> state = new IdentityHashMap<>();
    for (RuleNode n : deps.keySet()) {
      List<RuleNode> stack = new ArrayList<>();
      if (visit(n, state, stack)) {
        return; // one report is enough; OPA reports each cycle once
      }
    }
  }

  private boolean visit(RuleNode n, Map<RuleNode, Integer> state, List<RuleNode> stack) {
    Integer s = state.get(n);
    if (s != null && s == 2) {
      return false;
    }
    if (s != null && s == 1) {
      int from = stack.indexOf(n);
      List<RuleNode> cycle = new ArrayList<>(stack.subList(from, stack.size()));
      cycle.add(n);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cycle.size(); i++) {
        sb.append(i > 0 ? " -> " : "").append(cycle.get(i).pathString());
      }
      Rule r = firstRule.get(n);
      errors.add(
          new CompileError(
              CompileError.RECURSION, r.loc(), "rule " + n.pathString() + " is recursive: " + sb));
      return true;
    }
    state.put(n, 1);
    stack.add(n);
    for (RuleNode d : deps.getOrDefault(n, Set.of())) {
      if (visit(d, state, stack)) {
        return true;
      }
    }
    stack.remove(stack.size() - 1);
    state.put(n, 2);
    return false;
  }

  private void collect(RuleNode node) {
    List<Rule> all = new ArrayList<>(node.rules);
    all.addAll(node.functions);
    if (node.defaultRule != null) {
      all.add(node.defaultRule);
    }
    if (!all.isEmpty()) {
      Set<RuleNode> out = new LinkedHashSet<>();
      firstRule.put(node, all.get(0));
      for (Rule r : all) {
        TermWalker.rule(r, t -> dependencies(t, out));
      }
      deps.put(node, out);
    }
    for (RuleNode c : node.children.values()) {
      collect(c);
    }
  }

  private void dependencies(Term t, Set<RuleNode> out) {
    if (t instanceof Term.Call c && c.target() != null && !c.target().isBuiltin()) {
      RuleNode n = root;
      for (String p : c.target().functionPath()) {
        n = n == null ? null : n.child(StringValue.of(p));
      }
      if (n != null) {
        out.add(n);
      }
      return;
    }
    if (!(t instanceof Term.Ref r) || !Roots.isData(r.head())) {
      return;
    }
    reachable(root, r.path(), 0, out);
  }

  /**
   * The rule nodes a data ref can read: a dynamic path element matches any child, so {@code
   * data[x].allow} depends on {@code data.pkg.allow} but not on rules without an {@code allow}.
   */
  private static void reachable(RuleNode n, List<Term> path, int i, Set<RuleNode> out) {
    if (n.hasRules() || !n.functions.isEmpty()) {
      out.add(n);
    }
    if (i == path.size()) {
      addAll(n, out);
      return;
    }
    if (path.get(i) instanceof Term.Scalar s) {
      RuleNode c = n.child(s.value());
      if (c != null) {
        reachable(c, path, i + 1, out);
      }
      return;
    }
    for (RuleNode c : n.children.values()) {
      reachable(c, path, i + 1, out);
    }
  }

  private static void addAll(RuleNode n, Set<RuleNode> out) {
    if (n.hasRules() || !n.functions.isEmpty()) {
      out.add(n);
    }
    for (RuleNode c : n.children.values()) {
      addAll(c, out);
    }
  }
}
