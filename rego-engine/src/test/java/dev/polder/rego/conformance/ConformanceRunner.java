package dev.polder.rego.conformance;

import dev.polder.rego.EvalOptions;
import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.builtins.Limits;
import dev.polder.rego.compiler.CompileError;
import dev.polder.rego.compiler.GroundTerms;
import dev.polder.rego.compiler.RegoCompileException;
import dev.polder.rego.eval.RegoEvalException;
import dev.polder.rego.parser.RegoParser;
import dev.polder.rego.value.ArrayValue;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs one case as OPA's test runner does; returns null on success or the failure reason. */
final class ConformanceRunner {
  private static final Limits LIMITS = new Limits(20_000_000L, 500, 1_000_000);

  private ConformanceRunner() {}

  static String run(ConformanceCase c) {
    List<Map<String, Value>> rows;
    try {
      Value data = c.data() == null ? ObjectValue.EMPTY : Value.fromJson(c.data());
      PreparedPolicy p = PreparedPolicy.compile(c.modules(), data, BuiltinRegistry.standard());
      Value input = null;
      if (c.inputTerm() != null) {
        input = GroundTerms.value(RegoParser.parseTerm("input", c.inputTerm()));
      } else if (c.input() != null) {
        input = Value.fromJson(c.input());
      }
      EvalOptions opts =
          EvalOptions.DEFAULT.withStrict(c.strict()).withLimits(LIMITS).withPrintSink(s -> {});
      rows = p.queryValues(c.query(), input, opts);
    } catch (RegoCompileException e) {
      String code = e.errors().isEmpty() ? "" : e.errors().get(0).code();
      return checkError(c, code, e.getMessage());
    } catch (RegoEvalException e) {
      return checkError(c, e.code(), e.getMessage());
    } catch (Throwable t) {
      return "crash: " + t;
    }
    if (c.wantErrorCode() != null || c.wantError() != null) {
      return "expected error " + c.wantErrorCode() + " " + c.wantError() + " but got " + rows;
    }
    if (c.wantResult() == null) {
      return "case has no expectation";
    }
    List<Value> actual = new ArrayList<>();
    for (Map<String, Value> row : rows) {
      ObjectValue.Builder b = ObjectValue.builder();
      row.forEach(
          (k, v) -> {
            if (c.ignoreGeneratedVars() && k.startsWith("__")) {
              return;
            }
            Value json = Value.fromJson(v.toJson());
            b.put(k, c.sortBindings() ? sorted(json) : json);
          });
      actual.add(b.build());
    }
    List<Value> expected = new ArrayList<>();
    for (var row : c.wantResult()) {
      Value v = Value.fromJson(row);
      if (c.sortBindings() && v instanceof ObjectValue o) {
        ObjectValue.Builder b = ObjectValue.builder();
        o.asMap().forEach((k, x) -> b.put(k, sorted(x)));
        v = b.build();
      }
      expected.add(v);
    }
    if (!sameSet(actual, expected)) {
      return "want " + expected + " got " + actual;
    }
    return null;
  }

  private static Value sorted(Value v) {
    if (v instanceof ArrayValue a) {
      List<Value> l = a.toMutableList();
      l.sort(null);
      return ArrayValue.of(l);
    }
    return v;
  }

  private static boolean sameSet(List<Value> a, List<Value> b) {
    Map<Value, Integer> ca = new HashMap<>();
    a.forEach(v -> ca.merge(v, 1, Integer::sum));
    Map<Value, Integer> cb = new HashMap<>();
    b.forEach(v -> cb.merge(v, 1, Integer::sum));
    return ca.keySet().equals(cb.keySet());
  }

  private static String checkError(ConformanceCase c, String code, String message) {
    if (c.wantErrorCode() == null && c.wantError() == null) {
      return "unexpected error: " + message;
    }
    if (c.wantErrorCode() != null && !c.wantErrorCode().equals(code)) {
      return "want error code " + c.wantErrorCode() + " got " + code + ": " + message;
    }
    if (c.wantError() != null && !message.contains(c.wantError())) {
      return "want error containing '" + c.wantError() + "' got: " + message;
    }
    return null;
  }

  static boolean isCompileCode(String code) {
    return code.equals(CompileError.PARSE) || code.startsWith("rego_");
  }
}
