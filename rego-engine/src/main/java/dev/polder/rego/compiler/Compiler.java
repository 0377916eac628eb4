package dev.polder.rego.compiler;

import dev.polder.rego.ast.Literal;
import dev.polder.rego.ast.Module;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.ast.RuleKind;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.Builtin;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.parser.RegoParseException;
import dev.polder.rego.parser.RegoParser;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles parsed modules into a {@link RuleNode} tree: names resolved, bodies ordered for safety,
 * calls checked, recursion refused. All problems are collected and thrown together.
 */
public final class Compiler {
  private final BuiltinRegistry builtins;
  private final List<CompileError> errors = new ArrayList<>();
  private final Map<List<String>, Set<String>> ruleNamesByPackage = new HashMap<>();
  private final Set<List<String>> functionPaths = new HashSet<>();
  private final Map<List<String>, Integer> functionArity = new HashMap<>();
  private final IdentityHashMap<List<Literal>, Set<Integer>> locals = new IdentityHashMap<>();
  private final RuleNode root = new RuleNode(List.of());

  private Compiler(BuiltinRegistry builtins) {
    this.builtins = builtins;
  }

  /** Compiles modules into the rule tree. */
  public static RuleNode compile(List<Module> modules, BuiltinRegistry builtins) {
    return new Compiler(builtins).run(modules);
  }

  private RuleNode run(List<Module> modules) {
    for (Module m : modules) {
      Set<String> names = ruleNamesByPackage.computeIfAbsent(m.packagePath(), k -> new HashSet<>());
      for (Rule r : m.rules()) {
        names.add(r.name());
        if (r.kind() == RuleKind.FUNCTION) {
          List<String> p = new ArrayList<>(m.packagePath());
          for (Term t : r.head()) {
            p.add(
                t instanceof Term.Var v
                    ? v.name()
                    : ((StringValue) ((Term.Scalar) t).value()).value());
          }
          functionPaths.add(p);
          functionArity.putIfAbsent(p, r.args().size());
        }
      }
    }
    for (Module m : modules) {
      RuleNode n = root;
      for (String p : m.packagePath()) {
        n = n.childOrCreate(StringValue.of(p));
      }
      n.isPackage = true;
    }
    List<Rule> resolved = new ArrayList<>();
    List<List<String>> packages = new ArrayList<>();
    RuleMetadata metadata = new RuleMetadata(modules, errors);
    for (Module m : modules) {
      NameResolver resolver =
          new NameResolver(
              m.packagePath(),
              ruleNamesByPackage.get(m.packagePath()),
              imports(m),
              builtins,
              functionPaths,
              errors);
      for (Rule r : m.rules()) {
        resolver.metadata =
            name -> name.equals("rego.metadata.chain") ? metadata.chain(m, r) : metadata.rule(r);
        resolved.add(resolver.resolveRule(r));
        packages.add(m.packagePath());
      }
      locals.putAll(resolver.locals);
    }
    TermAnalysis analysis = new TermAnalysis(locals, this::arity);
    SafetyReorderer safety = new SafetyReorderer(analysis, errors);
    for (int i = 0; i < resolved.size(); i++) {
      Rule r = orderRule(resolved.get(i), safety, analysis);
      insert(packages.get(i), r);
    }
    new CallChecker(root, builtins, functionArity, errors).check();
    if (errors.isEmpty()) {
      new RecursionChecker(root, errors).check();
    }
    if (errors.isEmpty()) {
      RuleTypes.check(root, builtins, errors);
    }
    if (!errors.isEmpty()) {
      throw new RegoCompileException(errors);
    }
    root.number();
    return root;
  }

  private int arity(Term.Call c) {
    if (c.target() == null) {
      return -1;
    }
    if (c.target().isBuiltin()) {
      Builtin b = builtins.lookup(c.target().builtin());
      return b == null || b.signature().variadic() != null ? -1 : b.signature().args().size();
    }
    return functionArity.getOrDefault(c.target().functionPath(), -1);
  }

  private Map<String, List<String>> imports(Module m) {
    Map<String, List<String>> out = new HashMap<>();
    for (Module.Import imp : m.imports()) {
      String root = imp.path().get(0);
      if (root.equals("rego") || root.equals("future")) {
        continue; // rego.v1, future.keywords.*: v1 has them all
      }
      if (!root.equals("data") && !root.equals("input")) {
        errors.add(
            new CompileError(
                CompileError.COMPILE,
                imp.loc(),
                "invalid path "
                    + String.join(".", imp.path())
                    + ": path must begin with input or data"));
        continue;
      }
      out.put(imp.name(), imp.path());
    }
    return out;
  }

  private Rule orderRule(Rule r, SafetyReorderer safety, TermAnalysis analysis) {
    Set<Integer> bound = new HashSet<>();
    if (r.args() != null) {
      for (Term a : r.args()) {
        analysis.patternVars(a, bound);
      }
    }
    List<Literal> body = safety.reorder(r.body(), bound);
    List<Term> headTerms = new ArrayList<>(r.head().subList(1, r.head().size()));
    headTerms.add(r.key());
    headTerms.add(r.value());
    safety.checkHead(headTerms, bound, r.loc());
    List<Term> head = new ArrayList<>();
    for (Term t : r.head()) {
      head.add(safety.nested(t, bound));
    }
    Term key = r.key() == null ? null : safety.nested(r.key(), bound);
    Term value = r.value() == null ? null : safety.nested(r.value(), bound);
    Rule elseRule = r.elseRule() == null ? null : orderRule(r.elseRule(), safety, analysis);
    return new Rule(
        r.loc(),
        head,
        r.kind(),
        r.args(),
        key,
        value,
        body,
        r.isDefault(),
        elseRule,
        r.annotations(),
        r.frameSize());
  }

  private void insert(List<String> pkg, Rule r) {
    RuleNode node = root;
    for (String p : pkg) {
      node = node.childOrCreate(StringValue.of(p));
    }
    node = node.childOrCreate(StringValue.of(r.name()));
    List<Term> head = r.head();
    int i = 1;
    for (; i < head.size(); i++) {
      if (!(head.get(i) instanceof Term.Scalar s)) {
        break;
      }
      if (r.kind() == RuleKind.PARTIAL_OBJECT && i == head.size() - 1) {
        break; // p[k] := v with a constant key is still an object entry
      }
      Value key = s.value();
      node = node.childOrCreate(key);
    }
    if (r.kind() == RuleKind.PARTIAL_OBJECT && i == head.size()) {
      // all constant: treated as a complete rule at that path
      r = asComplete(r);
    }
    if (r.kind() == RuleKind.FUNCTION) {
      if (r.isDefault()) {
        if (node.defaultFunction != null) {
          errors.add(
              new CompileError(
                  CompileError.TYPE,
                  r.loc(),
                  "multiple default functions " + node.pathString() + " found"));
        }
        node.defaultFunction = r;
      } else {
        node.functions.add(r);
      }
      return;
    }
    if (r.isDefault()) {
      if (node.defaultRule != null) {
        errors.add(
            new CompileError(
                CompileError.TYPE,
                r.loc(),
                "multiple default rules " + node.pathString() + " found"));
      }
      node.defaultRule = r;
      return;
    }
    for (Rule other : node.rules) {
      if (other.kind() != r.kind()
          && !(other.kind() == RuleKind.PARTIAL_OBJECT || r.kind() == RuleKind.PARTIAL_OBJECT)) {
        errors.add(
            new CompileError(
                CompileError.TYPE, r.loc(), "conflicting rules " + node.pathString() + " found"));
        break;
      }
    }
    if (!node.functions.isEmpty()) {
      errors.add(
          new CompileError(
              CompileError.TYPE, r.loc(), "conflicting rules " + node.pathString() + " found"));
    }
    node.rules.add(r);
  }

  private static Rule asComplete(Rule r) {
    return new Rule(
        r.loc(),
        r.head(),
        RuleKind.COMPLETE,
        r.args(),
        r.key(),
        r.value(),
        r.body(),
        r.isDefault(),
        r.elseRule(),
        r.annotations(),
        r.frameSize());
  }

  /**
   * Compiles a query against a compiled tree (for call arities). The query's variables become the
   * columns of each result row, in order of appearance.
   */
  public static CompiledQuery compileQuery(String query, RuleNode tree, BuiltinRegistry builtins) {
    List<Literal> parsed;
    try {
      parsed = RegoParser.parseQuery(query);
    } catch (RegoParseException e) {
      throw new RegoCompileException(
          List.of(new CompileError(CompileError.PARSE, e.location(), e.detail())));
    }
    Compiler c = new Compiler(builtins);
    c.indexFunctions(tree);
    NameResolver resolver =
        new NameResolver(List.of(), Set.of(), Map.of(), builtins, c.functionPaths, c.errors);
    Scope scope = new Scope(null);
    List<Literal> body = resolver.resolveQuery(parsed, scope);
    c.locals.putAll(resolver.locals);
    TermAnalysis analysis = new TermAnalysis(c.locals, c::arity);
    SafetyReorderer safety = new SafetyReorderer(analysis, c.errors);
    List<Literal> ordered = safety.reorder(body, new HashSet<>());
    new CallChecker(null, builtins, c.functionArity, c.errors).checkBody(ordered);
    if (c.errors.isEmpty()) {
      new TypeChecker(builtins, TypeChecker.Documents.NONE, c.errors::add)
          .body(ordered, new TypeChecker.Env());
    }
    if (!c.errors.isEmpty()) {
      throw new RegoCompileException(c.errors);
    }
    Set<Term.Var> outputs = new LinkedHashSet<>();
    for (Term.Var v : scope.vars.values()) {
      if (!v.name().startsWith("$")) {
        outputs.add(v);
      }
    }
    return new CompiledQuery(ordered, resolver.frameSize(), new ArrayList<>(outputs));
  }

  private void indexFunctions(RuleNode node) {
    if (!node.functions.isEmpty() || node.defaultFunction != null) {
      List<String> p = new ArrayList<>();
      for (Value v : node.path()) {
        p.add(((StringValue) v).value());
      }
      functionPaths.add(p);
      Rule any = node.functions.isEmpty() ? node.defaultFunction : node.functions.get(0);
      functionArity.put(p, any.args().size());
    }
    for (RuleNode c : node.children.values()) {
      indexFunctions(c);
    }
  }
}
