package dev.polder.rego.builtins.graph;

import static dev.polder.rego.builtins.testing.BuiltinTable.json;
import static dev.polder.rego.builtins.testing.BuiltinTable.set;

import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          graph.reachable       | [{}, ["a"]]                                      | []
          graph.reachable       | [{"a": ["b"], "b": ["c"], "c": ["a"]}, ["a"]]    | ["a", "b", "c"]
          graph.reachable       | [{"a": null}, ["a"]]                             | ["a"]
          graph.reachable       | [{"a": []}, "a"]                                 | error:graph.reachable: operand 2 must be one of
          graph.reachable_paths | [{"a": ["b"], "b": ["c"], "c": ["a"]}, ["a"]]    | [["a", "b", "c"]]
          graph.reachable_paths | [{"a": ["b", "c"], "b": ["c"], "c": []}, ["a"]]  | [["a", "b", "c"], ["a", "c"]]
          graph.reachable_paths | [{"a": ["b"], "b": ["nonexistent"]}, ["a", "b"]] | [["a", "b"], ["b"]]
          graph.reachable_paths | [{"one": ["two","five"], "two": ["four"], "three": [""], "four": ["three"], "five": ["seven","six"], "six": ["nine","seven"], "seven": ["eight"], "eight": ["three"], "nine": [""]}, ["one"]] | [["one", "five", "seven", "eight", "three"], ["one", "five", "six"], ["one", "five", "six", "nine"], ["one", "two", "four", "three"]]
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void setsOfNeighbours() {
    Value graph =
        ObjectValue.ofStrings(
            "a",
            set("[\"b\", \"c\"]"),
            "b",
            set("[\"d\"]"),
            "c",
            set("[\"d\"]"),
            "d",
            set("[]"),
            "e",
            set("[\"f\"]"),
            "f",
            set("[\"e\"]"));
    BuiltinTable.check(
        "graph.reachable",
        new Value[] {graph, set("[\"b\", \"e\"]")},
        "[\"b\", \"d\", \"e\", \"f\"]");
    BuiltinTable.check(
        "graph.reachable_paths",
        new Value[] {graph, set("[\"b\", \"e\"]")},
        "[[\"b\", \"d\"], [\"e\", \"f\"]]");
    BuiltinTable.check(
        "graph.reachable", new Value[] {json("1"), json("[1]")}, "error:operand 1 must be object");
  }
}
