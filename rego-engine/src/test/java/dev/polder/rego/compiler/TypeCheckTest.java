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
                + "\thave: (number, string)\n\twant: (search: string, base: string, result: boolean)"),
        Arguments.of(
            "r := \"s\"\np if { r + 1 > 0 }",
            "t.rego:3:8: rego_type_error: plus: invalid argument(s)\n"
                + "\thave: (string, number, ???)\n\twant: (x: number, y: number, z: number)"),
        Arguments.of(
            "p if { n := count(input.xs); upper(n) }",
            "t.rego:2:30: rego_type_error: upper: invalid argument(s)\n"
                + "\thave: (number)\n\twant: (x: string, y: string)"),
        Arguments.of(
            "p if { s := {1, 2}; s + 1 > 0 }",
            "t.rego:2:21: rego_type_error: plus: invalid argument(s)\n"
                + "\thave: (set[number], number, ???)\n\twant: (x: number, y: number, z: number)"),
        Arguments.of(
            "xs := [\"a\", \"b\"]\np if { some x in xs; x * 2 > 1 }",
            "t.rego:3:22: rego_type_error: mul: invalid argument(s)\n"
                + "\thave: (string, number, ???)\n\twant: (x: number, y: number, z: number)"),
        Arguments.of(
            "p if { ys := [n | some n in numbers.range(1, 3)]; concat(\",\", ys) }",
            "t.rego:2:51: rego_type_error: concat: invalid argument(s)\n"
                + "\thave: (string, array[number])\n"
                + "\twant: (delimiter: string, collection: any<array[string], set[string]>, output: string)"),
        Arguments.of(
            "names contains n if { some n in [\"a\"] }\np if { count(names) + names > 0 }",
            "t.rego:3:8: rego_type_error: plus: invalid argument(s)\n"
                + "\thave: (number, set[string], ???)\n\twant: (x: number, y: number, z: number)"),
        Arguments.of(
            "f(x) := sprintf(\"%v\", [x])\np if { f(1) > 0; f(2) * 3 }",
            "t.rego:3:18: rego_type_error: mul: invalid argument(s)\n"
                + "\thave: (string, number)\n\twant: (x: number, y: number, z: number)"),
        Arguments.of(
            "o := {\"a\": true}\np if { lower(o.a) }",
            "t.rego:3:8: rego_type_error: lower: invalid argument(s)\n"
                + "\thave: (boolean)\n\twant: (x: string, y: string)"),
        Arguments.of(
            "p if { count(input.xs, n); startswith(n, \"1\") }",
            "t.rego:2:28: rego_type_error: startswith: invalid argument(s)\n"
                + "\thave: (number, string)\n\twant: (search: string, base: string, result: boolean)"),
        Arguments.of(
            "p if { x := \"a\"; x = 1 }",
            "t.rego:2:18: rego_type_error: match error\n\tleft  : string\n\tright : number"),
        Arguments.of(
            "p := count(1, 2, 3)",
            "t.rego:2:6: rego_type_error: count: too many arguments\n"
                + "\thave: (number, number, number)\n"
                + "\twant: (collection: any<array[any], object[any: any], set[any], string>, n: number)"),
        Arguments.of(
            "f(x) := x\np := f(1, 2, 3)",
            "t.rego:3:6: rego_type_error: function data.t.f has arity 1, got 3 arguments"),
        Arguments.of(
            "p if { x := \"a\"; count(input.xs, x) }",
            "t.rego:2:18: rego_type_error: count: invalid argument(s)\n"
                + "\thave: (any, string)\n"
                + "\twant: (collection: any<array[any], object[any: any], set[any], string>, n: number)"),
        Arguments.of(
            "r := 1\np if { r(1) }", "t.rego:3:8: rego_type_error: undefined function data.t.r"),
        Arguments.of(
            "p if { x := [1] | {2} }",
            "t.rego:2:13: rego_type_error: or: invalid argument(s)\n"
                + "\thave: (array<number>, set[number], ???)\n\twant: (x: set[any], y: set[any], z: set[any])"),
        Arguments.of(
            "p if { [a, b] := [1, \"x\"]; upper(a) }",
            "t.rego:2:28: rego_type_error: upper: invalid argument(s)\n"
                + "\thave: (number)\n\twant: (x: string, y: string)"),
        Arguments.of(
            "p if { x := [1, \"a\"]; concat(\",\", x) }",
            "t.rego:2:23: rego_type_error: concat: invalid argument(s)\n"
                + "\thave: (string, array<number, string>)\n"
                + "\twant: (delimiter: string, collection: any<array[string], set[string]>,"
                + " output: string)"),
        Arguments.of(
            "p if { x := [1, \"a\"]; upper(x[0]) }",
            "t.rego:2:23: rego_type_error: upper: invalid argument(s)\n"
                + "\thave: (number)\n\twant: (x: string, y: string)"),
        Arguments.of(
            "p if { x := 1; x.a }",
            "t.rego:2:16: rego_type_error: undefined ref: x.a\n\tx.a\n\t^\n\thave: number"),
        Arguments.of(
            "p if { s := {\"a\": \"b\"}; s.a.b == 1 }",
            "t.rego:2:25: rego_type_error: undefined ref: s.a.b\n\ts.a.b\n\t^^^\n\thave: string"),
        Arguments.of(
            "r := 1\np if r.a",
            "t.rego:3:6: rego_type_error: undefined ref: data.t.r.a\n"
                + "\tdata.t.r.a\n\t^^^^^^^^\n\thave: number"),
        Arguments.of(
            "f(x) if startswith(x, \"a\")\np if f(1)",
            "t.rego:3:6: rego_type_error: data.t.f: invalid argument(s)\n"
                + "\thave: (number)\n\twant: (string, boolean)"),
        Arguments.of(
            "f(x) if startswith(x, \"a\")\np if { y := f(1); y }",
            "t.rego:3:13: rego_type_error: data.t.f: invalid argument(s)\n"
                + "\thave: (number, ???)\n\twant: (string, boolean)"),
        Arguments.of(
            "f(x) := y if { y := x + 1 }\np if f(\"a\")",
            "t.rego:3:6: rego_type_error: data.t.f: invalid argument(s)\n"
                + "\thave: (string)\n\twant: (number, number)"),
        Arguments.of(
            "f(\"a\") := 1\nf(\"b\") := 2\np if f(true)",
            "t.rego:4:6: rego_type_error: data.t.f: invalid argument(s)\n"
                + "\thave: (boolean)\n\twant: (string, number)"),
        Arguments.of(
            "f(x) if startswith(x, \"a\")\ng(y) if f(y)\np if g(1)",
            "t.rego:4:6: rego_type_error: data.t.g: invalid argument(s)\n"
                + "\thave: (number)\n\twant: (string, boolean)"),
        Arguments.of(
            "p := count(1)",
            "t.rego:2:6: rego_type_error: count: invalid argument(s)\n"
                + "\thave: (number, ???)\n"
                + "\twant: (collection: any<array[any], object[any: any], set[any], string>, n: number)"));
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
        "rego_type_error: upper: invalid argument(s)\n\thave: (number)\n\twant: (x: string, y: string)",
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
        // OPA's checker does not descend into every bodies (only comprehensions get their own
        // check), so a mistyped call there is a run-time matter, as in OPA.
        "p if { every x in [\"a\"] { x * 2 } }",
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
        "p if { x := \"a\"; x == 1 }",
        "p if { [a, b] := [1, \"x\"]; upper(b); a + 1 }",
        "p if { x := [1, \"a\"]; upper(x[1]); x[0] + 1 }",
        "p if { concat(\",\", [\"a\", input.x]) }",
        "p if { x := [1, 2]; sum(x) > 0; count(x, 2) }",
        "p if { x := {\"a\": 1}; x.a == 1 }",
        "p if { x := [1]; x[0] == 1 }",
        "p if { x := input.n; x.a }",
        "p if { x := 1; input.y[x] }",
        "r := 1 if input.a\nr := {\"a\": 1} if input.b\np if r.a",
        "r := {\"a\": 1}\np if r.a",
        "a.b := 1\np if data.t.a.b",
        "r := 1\np if r.a with data.t.r as {\"a\": 1}",
        "p if { x := 1; data.t.q[x] }\nq := {1: true}",
        "f(x) if startswith(x, \"a\")\np if f(input.x)",
        "f(x) if startswith(x, \"a\")\nf(x) if x > 1\np if f(2)",
        "default f(_) := false\nf(x) if startswith(x, \"a\")\np if f(1)",
        "f(x) := upper(x) if is_string(x)\np if f(1)",
        "f(x) if { count([y | y := upper(x)]) > 0 }\np if f(1)",
        "f(x) if { every y in [1] { upper(x) } }\np if f(1)",
        "f([a, b]) if upper(a)\np if f([1, 2, 3])",
        "f(x) if x.a\np if f(1)",
        "f(x) := x\np if f([1, \"a\"])",
        "f(x) if startswith(x, \"a\")\np if f(input.x) with input.x as 1",
        "f(x) := y if { y := startswith(x, \"a\") }\np if { f(\"a\", z); z }");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void compilesValidLookAlikes(String rules) {
    assertDoesNotThrow(() -> compile(rules));
  }
}
