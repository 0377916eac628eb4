package dev.polder.runtime.decision.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.EvalOptions;
import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.ast.Module;
import dev.polder.rego.ast.Rule;
import dev.polder.rego.compiler.CompileError;
import dev.polder.rego.compiler.RegoCompileException;
import dev.polder.rego.eval.RegoEvalException;
import dev.polder.rego.value.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link RegoEngine} on Polder's embedded evaluator (module rego-engine). */
public final class PolderRegoEngine implements RegoEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEST_SUFFIX = "_test.rego";
  private static final String TEST_PREFIX = "test_";

  @Override
  public RegoProgram compile(Map<String, String> modules, Map<String, Object> data) {
    try {
      return new Program(PreparedPolicy.compile(modules, JSON.valueToTree(data)));
    } catch (RegoCompileException e) {
      throw new RegoFailure(
          "policies do not compile: "
              + e.errors().stream().map(CompileError::toString).collect(Collectors.joining("; ")));
    } catch (RuntimeException e) {
      throw new RegoFailure("policies do not compile: " + e.getMessage(), e);
    }
  }

  private static final class Program implements RegoProgram {
    private final PreparedPolicy policy;
    private final List<RuleDefinition> definitions = new ArrayList<>();

    Program(PreparedPolicy policy) {
      this.policy = policy;
      for (Module module : policy.modules()) {
        String pkg = String.join(".", module.packagePath());
        for (Rule rule : module.rules()) {
          JsonNode meta = rule.annotations();
          definitions.add(
              new RuleDefinition(
                  pkg,
                  rule.name(),
                  module.file(),
                  rule.loc().line(),
                  text(meta, "title"),
                  text(meta, "description")));
        }
      }
    }

    @Override
    public Object prepareInput(Map<String, Object> input) {
      return Value.fromJson(JSON.valueToTree(input));
    }

    @Override
    public Object evaluate(String reference, Object preparedInput, Duration limit) {
      long deadline = System.nanoTime() + limit.toNanos();
      // Strict: a built-in error fails the evaluation (and so the point) instead of going
      // unnoticed.
      EvalOptions options =
          EvalOptions.DEFAULT.withStrict(true).withCancelled(() -> System.nanoTime() > deadline);
      try {
        Value value = policy.evaluate(reference, (Value) preparedInput, options);
        return value == null ? null : JSON.convertValue(value.toJson(), Object.class);
      } catch (RegoEvalException e) {
        if (RegoEvalException.CANCEL.equals(e.code())) {
          throw new RegoFailure(
              reference + " took longer than " + limit.toMillis() + " ms and was stopped", e);
        }
        throw new RegoFailure(e.getMessage(), e);
      }
    }

    @Override
    public List<RuleDefinition> definitions() {
      return definitions;
    }

    @Override
    public RegoTestReport runTests() {
      List<RegoTestReport.Result> results = new ArrayList<>();
      for (Module module : policy.modules()) {
        if (!module.file().endsWith(TEST_SUFFIX)) {
          continue;
        }
        String pkg = "data." + String.join(".", module.packagePath());
        List<String> seen = new ArrayList<>();
        for (Rule rule : module.rules()) {
          String name = rule.name();
          if (!name.startsWith(TEST_PREFIX)
              || rule.head().size() != 1
              || rule.args() != null
              || seen.contains(name)) {
            continue;
          }
          seen.add(name);
          results.add(runTest(pkg + "." + name, module.file()));
        }
      }
      return new RegoTestReport(results);
    }

    private RegoTestReport.Result runTest(String path, String file) {
      try {
        Value value = policy.evaluate(path, null, EvalOptions.DEFAULT.withStrict(true));
        // As opa test (and rego-engine's PolicyTestRunner): any value but false passes.
        if (value != null && !value.equals(Value.of(false))) {
          return new RegoTestReport.Result(path, file, null);
        }
        return new RegoTestReport.Result(
            path, file, value == null ? "undefined" : "evaluated to " + value);
      } catch (RuntimeException e) {
        return new RegoTestReport.Result(path, file, "error: " + e.getMessage());
      }
    }
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.hasNonNull(field)) {
      return null;
    }
    return node.get(field).asText().strip();
  }
}
