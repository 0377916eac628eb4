package dev.polder.rego.builtins.aggregates;

import static dev.polder.rego.builtins.testing.BuiltinTable.json;
import static dev.polder.rego.builtins.testing.BuiltinTable.set;

import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Aggregates, arrays and sets. */
class CollectionBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          sum            | [[1, 2, 3, 4]]                  | 10
          sum            | [[49649733057, 1]]              | 49649733058
          sum            | [[0.1, 0.2]]                    | 0.3
          sum            | [[1, "a"]]                      | error:sum: operand 1 must be array of number but got array containing string
          product        | [[1, 2, 3, 4]]                  | 24
          max            | [[1, 2, 3, 4]]                  | 4
          max            | [[]]                            | undefined
          min            | [[3, 2, 1, 4, 6, -7, 10]]       | -7
          min            | [["b", 1, null]]                | null
          sort           | [[4, 3, 2, 1]]                  | [1, 2, 3, 4]
          sort           | [[{"a": 1}, "x", 2, null]]       | [null, 2, "x", {"a": 1}]
          array.concat   | [[1, 2], [3, 4]]                | [1, 2, 3, 4]
          array.concat   | [{"a": 1}, [3]]                 | error:array.concat: operand 1 must be array but got object
          array.slice    | [[1, 2, 3, 4, 5], 1, 3]         | [2, 3]
          array.slice    | [[1, 2, 3, 4, 5], -4, -1]       | []
          array.slice    | [[1, 2, 3, 4, 5], 4, 1]         | []
          array.slice    | [[1, 2, 3, 4, 5], -1, 2]        | [1, 2]
          array.slice    | [[1, 2, 3, 4, 5], 3, 6]         | [4, 5]
          array.slice    | [[1, 2, 3], 1000, 2000]         | []
          array.reverse  | [[1, 2, 3]]                     | [3, 2, 1]
          array.flatten  | [[[1, 2], "s", [3, [4]], 5]]    | [1, 2, "s", 3, [4], 5]
          array.flatten  | [42]                            | error:array.flatten: operand 1 must be array but got number
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void setsAndSetOfSets() {
    Value sets = json("[]");
    BuiltinTable.check("sum", new Value[] {set("[1, 2, 3, 4]")}, "10");
    BuiltinTable.check("sort", new Value[] {set("[3, 1, 2]")}, "[1, 2, 3]");
    BuiltinTable.check(
        "union",
        new Value[] {dev.polder.rego.value.SetValue.of(set("[1, 2]"), set("[2, 3]"))},
        "[1, 2, 3]");
    BuiltinTable.check(
        "intersection",
        new Value[] {dev.polder.rego.value.SetValue.of(set("[1, 2, 3]"), set("[2, 3, 4]"))},
        "[2, 3]");
    BuiltinTable.check("intersection", new Value[] {dev.polder.rego.value.SetValue.EMPTY}, "[]");
    BuiltinTable.check(
        "intersection",
        new Value[] {dev.polder.rego.value.SetValue.of(set("[]"), set("[1, 2]"))},
        "[]");
    BuiltinTable.check("count", new Value[] {sets}, "0");
  }
}
