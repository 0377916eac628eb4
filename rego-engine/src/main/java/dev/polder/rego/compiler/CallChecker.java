package dev.polder.rego.compiler;

import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinRegistry;
import java.util.List;
import java.util.Map;

/** Checks that calls name existing functions with a fitting number of arguments. */
final class CallChecker {
  private final RuleNode root;
  private final BuiltinRegistry builtins;
  private final Map<List<String>, Integer> functionArity;
  private final List<CompileError> errors;

  CallChecker(
      RuleNode root,
      BuiltinRegistry builtins,
      Map<List<String>, Integer> functionArity,
      List<CompileError> errors) {
    this.root = root;
    this.builtins = builtins;
    this.functionArity = functionArity;
    this.errors = errors;
  }

  void check() {
    walk(root);
  }

  private void walk(RuleNode node) {
    for (Rule r : node.rules) {
      TermWalker.rule(r, this::visit);
    }
    for (Rule r : node.functions) {
      TermWalker.rule(r, this::visit);
      if (r.args().size() != functionArity.getOrDefault(pathOf(node), r.args().size())) {
        errors.add(
            new CompileError(
                CompileError.TYPE,
                r.loc(),
                "conflicting rules " + node.pathString() + " found (arity mismatch)"));
      }
    }
    if (node.defaultRule != null) {
      TermWalker.rule(node.defaultRule, this::visit);
    }
    for (RuleNode c : node.children.values()) {
      walk(c);
    }
  }

  private static List<String> pathOf(RuleNode n) {
    return n.path().stream().map(v -> ((dev.polder.rego.value.StringValue) v).value()).toList();
  }

  void checkBody(List<Literal> body) {
    TermWalker.body(body, this::visit);
  }

  private void visit(Term t) {
    if (!(t instanceof Term.Call c) || c.target() == null) {
      return;
    }
    int n = c.args().size();
    boolean mockMarker = n == 0 && c.target() != null && false;
    if (c.target().isBuiltin()) {
      Builtin b = builtins.lookup(c.target().builtin());
      if (b == null) {
        errors.add(new CompileError(CompileError.TYPE, c.loc(), "undefined function " + c.name()));
        return;
      }
      int want = b.signature().args().size();
      if (b.signature().variadic() == null && n != want && n != want + 1 && !isWithMarker(c)) {
        errors.add(
            new CompileError(
                CompileError.TYPE,
                c.loc(),
                c.name()
                    + ": arity mismatch\n\thave: "
                    + n
                    + " argument(s)\n\twant: "
                    + b.signature()));
      }
      return;
    }
    Integer want = functionArity.get(c.target().functionPath());
    if (want == null) {
      if (!isWithMarker(c)) {
        errors.add(
            new CompileError(
                CompileError.TYPE,
                c.loc(),
                "undefined function data." + String.join(".", c.target().functionPath())));
      }
      return;
    }
    if (n != want && n != want + 1 && !isWithMarker(c) && !mockMarker) {
      errors.add(
          new CompileError(
              CompileError.TYPE,
              c.loc(),
              "function data."
                  + String.join(".", c.target().functionPath())
                  + " has arity "
                  + want
                  + ", got "
                  + n
                  + " arguments"));
    }
  }

  /** {@code with f as g} names functions by zero-argument call terms. */
  private static boolean isWithMarker(Term.Call c) {
    return c.args().isEmpty();
  }
}
