package dev.polder.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polder.rego.ast.Module;
import dev.polder.rego.ast.Term;
import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.compiler.CompileError;
import dev.polder.rego.compiler.CompiledQuery;
import dev.polder.rego.compiler.Compiler;
import dev.polder.rego.compiler.RegoCompileException;
import dev.polder.rego.compiler.RuleNode;
import dev.polder.rego.eval.Evaluation;
import dev.polder.rego.parser.RegoParseException;
import dev.polder.rego.parser.RegoParser;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled Rego modules plus base data: immutable and thread-safe, reused across requests.
 *
 * <pre>{@code
 * PreparedPolicy p = PreparedPolicy.compile(Map.of("access.rego", src), dataJson);
 * JsonNode allow = p.evaluate("polder/access/allow", inputJson); // null when undefined
 * List<Map<String, JsonNode>> rows = p.query("x := data.polder.access.deny[_]", inputJson);
 * }</pre>
 */
public final class PreparedPolicy {
  private final RuleNode tree;
  private final Value data;
  private final BuiltinRegistry builtins;
  private final List<Module> modules;
  private final Map<String, CompiledQuery> queries = new ConcurrentHashMap<>();

  private PreparedPolicy(
      RuleNode tree, Value data, BuiltinRegistry builtins, List<Module> modules) {
    this.tree = tree;
    this.data = data;
    this.builtins = builtins;
    this.modules = modules;
  }

  /**
   * Parses and compiles modules (file name to source) with the standard built-ins.
   *
   * @throws RegoCompileException listing every parse or compile error
   */
  public static PreparedPolicy compile(Map<String, String> modules, JsonNode data) {
    return compile(
        modules,
        data == null ? ObjectValue.EMPTY : Value.fromJson(data),
        BuiltinRegistry.standard());
  }

  /** Same with Rego values for data and a chosen built-in registry. */
  public static PreparedPolicy compile(
      Map<String, String> sources, Value data, BuiltinRegistry builtins) {
    List<Module> parsed = new ArrayList<>();
    List<CompileError> errors = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      try {
        parsed.add(RegoParser.parseModule(e.getKey(), e.getValue()));
      } catch (RegoParseException ex) {
        errors.add(new CompileError(CompileError.PARSE, ex.location(), ex.detail()));
      } catch (StackOverflowError ex) {
        errors.add(
            new CompileError(
                CompileError.PARSE,
                new dev.polder.rego.ast.Location(e.getKey(), 0, 0),
                "module too deeply nested"));
      }
    }
    if (!errors.isEmpty()) {
      throw new RegoCompileException(errors);
    }
    return compileModules(parsed, data, builtins);
  }

  /** Compiles already parsed modules. */
  public static PreparedPolicy compileModules(
      List<Module> modules, Value data, BuiltinRegistry builtins) {
    if (!(data instanceof ObjectValue)) {
      throw new IllegalArgumentException("data must be an object, got " + data.typeName());
    }
    RuleNode tree;
    try {
      tree = Compiler.compile(modules, builtins);
    } catch (StackOverflowError e) {
      throw new RegoCompileException(
          List.of(
              new CompileError(
                  CompileError.COMPILE,
                  dev.polder.rego.ast.Location.NONE,
                  "modules too deeply nested")));
    }
    return new PreparedPolicy(tree, data, builtins, List.copyOf(modules));
  }

  public List<Module> modules() {
    return modules;
  }

  public RuleNode ruleTree() {
    return tree;
  }

  /** Compiles (once; cached) a query against this policy. */
  public CompiledQuery prepareQuery(String query) {
    CompiledQuery q = queries.get(query);
    if (q == null) {
      q = Compiler.compileQuery(query, tree, builtins);
      if (queries.size() < 10_000) {
        queries.put(query, q);
      }
    }
    return q;
  }

  /** Runs a query; one row per solution, each mapping the query's variables to values. */
  public List<Map<String, Value>> queryValues(String query, Value input, EvalOptions options) {
    return run(prepareQuery(query), input, options);
  }

  public List<Map<String, Value>> run(CompiledQuery q, Value input, EvalOptions options) {
    Evaluation ev = new Evaluation(tree, data, input, builtins, context(options));
    List<Map<String, Value>> rows = new ArrayList<>();
    Value[] frame = new Value[q.frameSize()];
    ev.run(
        q.body(),
        frame,
        f -> {
          Map<String, Value> row = new LinkedHashMap<>();
          for (Term.Var v : q.outputs()) {
            if (f[v.slot()] != null) {
              row.put(v.name(), f[v.slot()]);
            }
          }
          rows.add(row);
          return false;
        });
    return rows;
  }

  private static BuiltinContext context(EvalOptions o) {
    long now = o.timeNowNs() != null ? o.timeNowNs() : System.currentTimeMillis() * 1_000_000L;
    return new BuiltinContext(o.strict(), now, o.printSink(), o.limits(), o.cancelled());
  }

  /** JSON form of {@link #queryValues}. */
  public List<Map<String, JsonNode>> query(String query, JsonNode input) {
    List<Map<String, JsonNode>> out = new ArrayList<>();
    for (Map<String, Value> row :
        queryValues(query, input == null ? null : Value.fromJson(input), EvalOptions.DEFAULT)) {
      Map<String, JsonNode> r = new LinkedHashMap<>();
      row.forEach((k, v) -> r.put(k, v.toJson()));
      out.add(r);
    }
    return out;
  }

  /**
   * The value of an entry point ({@code polder/access/allow} or {@code data.polder.access.allow}),
   * or null when it is undefined.
   */
  public Value evaluate(String entryPoint, Value input, EvalOptions options) {
    Term ref = entryRefs.computeIfAbsent(entryPoint, PreparedPolicy::entryRef);
    return new Evaluation(tree, data, input, builtins, context(options)).first(ref);
  }

  private final Map<String, Term> entryRefs = new ConcurrentHashMap<>();

  /** {@code polder/access/allow} or {@code data.polder.access.allow} as a data ref. */
  private static Term entryRef(String entryPoint) {
    String dotted =
        entryPoint.startsWith("data.")
            ? entryPoint.substring(5)
            : entryPoint.equals("data") ? "" : entryPoint.replace('/', '.');
    List<Term> path = new ArrayList<>();
    for (String part : dotted.split("\\.")) {
      if (!part.isEmpty()) {
        path.add(new Term.Scalar(Value.of(part), dev.polder.rego.ast.Location.NONE));
      }
    }
    Term.Var data = dev.polder.rego.compiler.Roots.data(dev.polder.rego.ast.Location.NONE);
    return path.isEmpty() ? data : new Term.Ref(data, path, dev.polder.rego.ast.Location.NONE);
  }

  public JsonNode evaluate(String entryPoint, JsonNode input) {
    Value v =
        evaluate(entryPoint, input == null ? null : Value.fromJson(input), EvalOptions.DEFAULT);
    return v == null ? null : v.toJson();
  }
}
