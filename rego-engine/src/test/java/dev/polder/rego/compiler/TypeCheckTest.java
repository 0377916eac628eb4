package dev.polder.rego.compiler;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.value.ObjectValue;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The type checker against invalid policies (the exact error OPA's checker gives, in our format)
 * and valid look-alikes that must compile: where a type is not known it is {@code any}, and {@code
 * any} never fails.
 */
class TypeCheckTest {

  private static PreparedPolicy compile(String rules) {
    return PreparedPolicy.compile(
        Map.of("t.rego", "package t\n" + rules + "\n"),
        ObjectValue.EMPTY,
        BuiltinRegistry.standard());
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            "p if { x := 1; startswith(x, \"a\") }",
            "t.rego:2:16: rego_type_error: startswith: invalid argument(s)\n"
                + "\thave: (number, string)\n\twant: (string, string, boolean)"),
        Arguments.of(
            "r := \"s\"\np if { r + 1 > 0 }",
            "t.rego:3:8: rego_type_error: plus: invalid argument(s)\n"
                + "\thave: (string, number)\n\twant: (number, number, number)"),
        Arguments.of(
            "p if { n := count(input.xs); upper(n) }",
            "t.rego:2:30: rego_type_error: upper: invalid argument(s)\n"
                + "\thave: (number)\n\twant: (string, string)"),
        Arguments.of(
            "p if { s := {1, 2}; s + 1 > 0 }",
            "t.rego:2:21: rego_type_error: plus: invalid argument(s)\n"
                + "\thave: (set[number], number)\n\twant: (number, number, number)"),
        Arguments.of(
            "xs := [\"a\", \"b\"]\np if { some x in xs; x * 2 > 1 }",
            "t.rego:3:22: rego_type_error: mul: invalid argument(s)\n"
                + "\thave: (string, number)\n\twant: (number, number, number)"),
        Arguments.of(
            "p if { ys := [n | some n in numbers.range(1, 3)]; concat(\",\", ys) }",
            "t.rego:2:51: rego_type_error: concat: invalid argument(s)\n"
                + "\thave: (string, array[number])\n"
                + "\twant: (string, any<array[string], set[string]>, string)"),
        Arguments.of(
            "names contains n if { some n in [\"a\"] }\np if { count(names) + names > 0 }",
            "t.rego:3:8: rego_type_error: plus: invalid argument(s)\n"
                + "\thave: (number, set[string])\n\twant: (number, number, number)"),
        Arguments.of(
            "f(x) := sprintf(\"%v\", [x])\np if { f(1) > 0; f(2) * 3 }",
            "t.rego:3:18: rego_type_error: mul: invalid argument(s)\n"
                + "\thave: (string, number)\n\twant: (number, number, number)"),
        Arguments.of(
            "o := {\"a\": true}\np if { lower(o.a) }",
            "t.rego:3:8: rego_type_error: lower: invalid argument(s)\n"
                + "\thave: (boolean)\n\twant: (string, string)"),
        Arguments.of(
            "p if { count(input.xs, n); startswith(n, \"1\") }",
            "t.rego:2:28: rego_type_error: startswith: invalid argument(s)\n"
                + "\thave: (number, string)\n\twant: (string, string, boolean)"),
        Arguments.of(
            "p if { x := \"a\"; x = 1 }",
            "t.rego:2:18: rego_type_error: match error\n\tleft  : string\n\tright : number"),
        Arguments.of(
            "p := count(1, 2, 3)",
            "t.rego:2:6: rego_type_error: count: too many arguments\n"
                + "\thave: (number, number, number)\n"
                + "\twant: (any<array[any], object[any: any], set[any], string>, number)"),
        Arguments.of(
            "f(x) := x\np := f(1, 2, 3)",
            "t.rego:3:6: rego_type_error: function data.t.f has arity 1, got 3 arguments"),
        Arguments.of(
            "p if { x := \"a\"; count(input.xs, x) }",
            "t.rego:2:18: rego_type_error: count: invalid argument(s)\n"
                + "\thave: (any, string)\n"
                + "\twant: (any<array[any], object[any: any], set[any], string>, number)"),
        Arguments.of(
            "p if { every x in [\"a\"] { x * 2 } }",
            "t.rego:2:27: rego_type_error: mul: invalid argument(s)\n"
                + "\thave: (string, number)\n\twant: (number, number, number)"),
        Arguments.of(
            "r := 1\np if { r(1) }", "t.rego:3:8: rego_type_error: undefined function data.t.r"),
        Arguments.of(
            "p if { x := [1] | {2} }",
            "t.rego:2:13: rego_type_error: or: invalid argument(s)\n"
                + "\thave: (array<number>, set[number])\n\twant: (set[any], set[any], set[any])"),
        Arguments.of(
            "p := count(1)",
            "t.rego:2:6: rego_type_error: count: invalid argument(s)\n"
                + "\thave: (number)\n"
                + "\twant: (any<array[any], object[any: any], set[any], string>, number)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void reportsTypeErrorsAsOpaDoes(String rules, String want) {
    RegoCompileException e = assertThrows(RegoCompileException.class, () -> compile(rules));
    assertEquals(want, e.errors().get(0).toString(), e.getMessage());
    assertEquals(1, e.errors().size(), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void checksQueriesWithDataAsAny() {
    PreparedPolicy p = compile("r := 1");
    RegoCompileException e =
        assertThrows(RegoCompileException.class, () -> p.prepareQuery("x := 1; upper(x)"));
    assertEquals(
        "rego_type_error: upper: invalid argument(s)\n\thave: (number)\n\twant: (string, string)",
        e.errors().get(0).code() + ": " + e.errors().get(0).message());
    assertDoesNotThrow(() -> p.prepareQuery("upper(data.t.r)"));
  }

  static Stream<String> valid() {
    return Stream.of(
        "p if { x := input.x; startswith(x, \"a\") }",
        "r := input.r\np if { r + 1 > 0 }",
        "p if { n := count(input.xs); n + 1 > 0 }",
        "p if { s := {1, 2}; count(s - {1}) > 0 }",
        "xs := [\"a\", 1]\np if { some x in xs; x * 2 > 1 }",
        "p if { ys := [n | some n in input.xs]; concat(\",\", ys) }",
        "default r := 1\nr := \"s\" if input.s\np if { r + 1 > 0 }",
        "r := 1 if input.a\nr := \"s\" if input.b\np if upper(r)",
        "f(x) := x\np if { f(1) + 1; upper(f(\"a\")) }",
        "f(1) := \"one\"\nf(2) := 2\np if { f(input.n) * 2 }",
        "o := {\"a\": true, \"b\": \"x\"}\np if { lower(o.b) }",
        "p if { x := json.unmarshal(\"1\"); x + 1 }",
        "default f(_) := 1\nf(x) := \"a\" if x\np if upper(f(true))",
        "r := 1\np if { upper(r) with data.t.r as \"a\" }",
        "p if { x := [1, \"a\"]; [a, b] := x; upper(b) }",
        "p if { some i, v in [\"a\"]; i + 1; upper(v) }",
        "p if { every k, v in {\"a\": 1} { upper(k); v + 1 } }",
        "s := {x | some x in [1, 2]}\np if { s | {3} }",
        "m := {k: 1 | some k in [\"a\"]}\np if { m.a + 1 > 0 }",
        "a.b.c := \"s\"\np if { upper(data.t.a.b.c) }",
        "p if { x := $\"n={1}\"; upper(x) }",
        "p if { not startswith(input.x, \"a\") }",
        "p if { x := input.x with input as {\"x\": 1}; count(input.ys, x); x + 1 }",
        "p if { walk(input, [path, value]); count(path) > 0; upper(value) }",
        "p if { [_, v] := split(input.s, \".\"); upper(v) }",
        "f(x) := x + 1\np if { f(1) > 0 with f as upper }",
        "deny contains msg if { msg := sprintf(\"%v\", [1]) }\np if { count(deny) > 0 }",
        "p if { x := \"a\"; x == 1 }");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void compilesValidLookAlikes(String rules) {
    assertDoesNotThrow(() -> compile(rules));
  }
}
