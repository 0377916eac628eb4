package dev.polder.rego.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.rego.EvalOptions;
import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.compiler.RegoCompileException;
import dev.polder.rego.eval.RegoEvalException;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Language features, one row each: module, entry point, input, expected JSON (or undefined). */
class EvaluatorTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> features() {
    return Stream.of(
        row("complete rule", "p := 1 + 2", "p", null, "3"),
        row(
            "default when undefined",
            "default p := false\np if input.x > 1",
            "p",
            "{\"x\": 0}",
            "false"),
        row(
            "partial set",
            "s contains x if { some x in input.xs; x > 1 }",
            "s",
            "{\"xs\": [1, 2, 3]}",
            "[2, 3]"),
        row(
            "partial object",
            "o[k] := v if { some k, v in input }",
            "o",
            "{\"a\": 1}",
            "{\"a\": 1}"),
        row(
            "ref head",
            "a.b[k].c := 1 if some k in [\"x\"]",
            "a",
            null,
            "{\"b\": {\"x\": {\"c\": 1}}}"),
        row(
            "function, several definitions",
            "f(1) := \"one\"\nf(x) := \"many\" if x > 1\nr := [f(1), f(2)]",
            "r",
            null,
            "[\"one\", \"many\"]"),
        row(
            "else chain",
            "p := 1 if input.x == 1\nelse := 2 if input.x == 2\nelse := 3",
            "p",
            "{\"x\": 2}",
            "2"),
        row("every", "ok if every x in input.xs { x > 0 }", "ok", "{\"xs\": [1, 2]}", "true"),
        row("every fails", "ok if every x in input.xs { x > 1 }", "ok", "{\"xs\": [1, 2]}", null),
        row("not", "p if not input.deny", "p", "{}", "true"),
        row(
            "comprehensions",
            "p := {\"a\": [x | some x in [1, 2]], \"s\": {x | some x in [1, 1]}, \"o\": {k: 1 | some k in [\"z\"]}}",
            "p",
            null,
            "{\"a\": [1, 2], \"s\": [1], \"o\": {\"z\": 1}}"),
        row("with input", "p := input.x\nq := y if { y := p with input.x as 7 }", "q", null, "7"),
        row("with function mock", "f(x) := x\np := y if { y := f(1) with f as 9 }", "p", null, "9"),
        row("unification", "p := y if [1, y] = [1, 2]", "p", null, "2"),
        row("big numbers", "p := 18446744073709551615 + 1", "p", null, "18446744073709551616"),
        row("decimals", "p := 1 / 3 * 3 < 1.0000001", "p", null, "true"),
        row("set operators", "p := ({1, 2} | {3}) - {1}", "p", null, "[2, 3]"),
        row(
            "membership",
            "p := [2 in [1, 2], \"k\", 1 in {\"k\": 1}]",
            "p",
            null,
            "[true, \"k\", true]"),
        row("template string", "p := $\"n={input.n}\"", "p", "{\"n\": 4}", "\"n=4\""),
        row("package document", "a := 1\nb if false", "", null, "{\"a\": 1}"));
  }

  private static Arguments row(String name, String body, String entry, String input, String want) {
    return Arguments.of(name, "package t\n" + body + "\n", entry, input, want);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("features")
  void evaluates(String name, String module, String entry, String input, String want)
      throws Exception {
    PreparedPolicy p =
        PreparedPolicy.compile(
            Map.of("t.rego", module), ObjectValue.EMPTY, BuiltinRegistry.standard());
    Value in = input == null ? null : Value.fromJson(JSON.readTree(input));
    Value got = p.evaluate(entry.isEmpty() ? "t" : "t/" + entry, in, EvalOptions.DEFAULT);
    if (want == null) {
      assertEquals(null, got, name);
    } else {
      assertEquals(
          Value.fromJson(JSON.readTree(want)),
          got == null ? null : Value.fromJson(got.toJson()),
          name);
    }
  }

  static Stream<Arguments> compileErrors() {
    return Stream.of(
        Arguments.of("p := ", "t.rego:3:1: rego_parse_error"),
        Arguments.of("p if { q := 1 } {", "rego_parse_error"),
        Arguments.of("p if x > 1", "t.rego:2:6: rego_unsafe_var_error: var x is unsafe"),
        Arguments.of("p if q\nq if p", "is recursive: data.t."),
        Arguments.of(
            "p := no.such_builtin(1)", "rego_type_error: undefined function no.such_builtin"),
        Arguments.of("p := count(1, 2, 3)", "rego_type_error: count: too many arguments"),
        Arguments.of(
            "p := count(1)", "rego_type_error: count: invalid argument(s)\n\thave: (number, ???)"),
        Arguments.of("p := 1 + \"a\"", "rego_type_error: plus: invalid argument(s)"),
        Arguments.of("p if startswith(\"a\", [\"b\"])", "have: (string, array<string>)"),
        Arguments.of("p if { x := 1; x := 2 }", "rego_compile_error: var x assigned above"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("compileErrors")
  void refusesAtCompileTime(String body, String want) {
    RegoCompileException e =
        assertThrows(
            RegoCompileException.class,
            () ->
                PreparedPolicy.compile(
                    Map.of("t.rego", "package t\n" + body + "\n"),
                    ObjectValue.EMPTY,
                    BuiltinRegistry.standard()));
    assertTrue(e.getMessage().contains(want), e.getMessage());
  }

  static Stream<Arguments> evalErrors() {
    return Stream.of(
        Arguments.of(
            "p := 1 if true\np := 2 if true",
            false,
            "eval_conflict_error: complete rules must not produce multiple outputs"),
        Arguments.of(
            "o[k] := v if { some v in [1, 2]; k := \"a\" }",
            false,
            "eval_conflict_error: object keys must be unique"),
        Arguments.of(
            "f(x) := 1\nf(x) := 2\np := f(0)",
            false,
            "functions must not produce multiple outputs"),
        Arguments.of("p := 1 / 0", true, "t.rego:2: eval_builtin_error: div: divide by zero"),
        Arguments.of(
            "p := 1 + json.unmarshal(`\"a\"`)",
            true,
            "eval_type_error: plus: operand 2 must be number but got string"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("evalErrors")
  void reportsRuntimeErrors(String body, boolean strict, String want) {
    PreparedPolicy p =
        PreparedPolicy.compile(
            Map.of("t.rego", "package t\n" + body + "\n"),
            ObjectValue.EMPTY,
            BuiltinRegistry.standard());
    String entry = body.contains("o[k]") ? "t/o" : "t/p";
    RegoEvalException e =
        assertThrows(
            RegoEvalException.class,
            () -> p.evaluate(entry, null, EvalOptions.DEFAULT.withStrict(strict)));
    assertTrue(e.getMessage().contains(want), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void nonStrictBuiltinErrorsAreUndefined() {
    PreparedPolicy p =
        PreparedPolicy.compile(
            Map.of("t.rego", "package t\np := 1 / 0\n"),
            ObjectValue.EMPTY,
            BuiltinRegistry.standard());
    assertEquals(null, p.evaluate("t/p", null, EvalOptions.DEFAULT));
  }

  @org.junit.jupiter.api.Test
  void printGoesToTheSinkAndQueriesReturnRows() {
    PreparedPolicy p =
        PreparedPolicy.compile(
            Map.of("t.rego", "package t\nxs := [1, 2]\n"),
            ObjectValue.EMPTY,
            BuiltinRegistry.standard());
    List<String> printed = new ArrayList<>();
    var rows =
        p.queryValues(
            "some x in data.t.xs; print(\"x is\", x, input.none)",
            null,
            EvalOptions.DEFAULT.withPrintSink(printed::add));
    assertEquals(2, rows.size());
    assertEquals(List.of("x is 1 <undefined>", "x is 2 <undefined>"), printed);
    assertEquals(Value.of(2), rows.get(1).get("x"));
  }
}
