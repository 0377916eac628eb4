package dev.polder.rego.compiler;

import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.ArgumentNames;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.types.Type;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
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
    if (c.target().isBuiltin()) {
      Builtin b = builtins.lookup(c.target().builtin());
      if (b == null) {
        errors.add(new CompileError(CompileError.TYPE, c.loc(), "undefined function " + c.name()));
        return;
      }
      Type.Function sig = b.signature();
      int want = sig.args().size();
      if (isWithMarker(c) || sig.variadic() != null) {
        return;
      }
      if (n > want + 1 || n < want) {
        errors.add(
            new CompileError(
                CompileError.TYPE,
                c.loc(),
                c.name()
                    + (n > want ? ": too many arguments" : ": too few arguments")
                    + details(c, sig, ArgumentNames.of(b.name()))));
        return;
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
    if (n != want && n != want + 1 && !isWithMarker(c)) {
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

  /** OPA's detail lines: the argument types the call has and the ones the built-in wants. */
  private static String details(Term.Call c, Type.Function sig, List<String> names) {
    StringBuilder have = new StringBuilder("(");
    for (int i = 0; i < c.args().size(); i++) {
      have.append(i > 0 ? ", " : "")
          .append(c.args().get(i) instanceof Term.Scalar s ? typeOf(s.value()) : "any");
    }
    return "\n\thave: " + have + ")\n\twant: " + TypeErrors.want(sig, names);
  }

  /** The type OPA gives a constant: arrays and objects element by element. */
  static String typeOf(Value v) {
    if (v instanceof ArrayValue a) {
      StringBuilder sb = new StringBuilder("array<");
      for (int i = 0; i < a.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(typeOf(a.get(i)));
      }
      return sb.append('>').toString();
    }
    if (v instanceof ObjectValue o) {
      StringBuilder sb = new StringBuilder("object<");
      int i = 0;
      for (var e : o.asMap().entrySet()) {
        sb.append(i++ > 0 ? ", " : "").append(e.getKey()).append(": ").append(typeOf(e.getValue()));
      }
      return sb.append('>').toString();
    }
    if (v instanceof SetValue st) {
      java.util.TreeSet<String> types = new java.util.TreeSet<>();
      for (Value e : st) {
        types.add(typeOf(e));
      }
      return types.size() == 1
          ? "set[" + types.first() + "]"
          : types.isEmpty() ? "set[???]" : "set[any<" + String.join(", ", types) + ">]";
    }
    return v.typeName();
  }

  /** {@code with f as g} names functions by zero-argument call terms. */
  private static boolean isWithMarker(Term.Call c) {
    return c.args().isEmpty();
  }
}
