package dev.polder.rego.builtins.objects;

import static dev.polder.rego.builtins.testing.BuiltinTable.json;
import static dev.polder.rego.builtins.testing.BuiltinTable.set;

import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.SetValue;
import dev.polder.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** object.*, json.filter/remove/patch and walk. */
class ObjectBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          object.get    | [{"a": "b"}, "a", "c"]                          | "b"
          object.get    | [{"a": "b"}, "c", "c"]                          | "c"
          object.get    | [{"a": 1}, [], 2]                               | {"a": 1}
          object.get    | [{"a": {"b": {"c": 1}}}, ["a", "b", "c"], 2]    | 1
          object.get    | [{"a": {"b": [{"c": 1}]}}, ["a", "b", 0, "c"], 2] | 1
          object.get    | [{"a": {"b": [1, 2, 3]}}, ["a", "b", "a"], 2]   | 2
          object.get    | ["x", ["a"], 2]                                 | error:object.get: operand 1 must be object but got string
          object.keys   | [{"a": 1, "b": 2}]                              | ["a", "b"]
          object.keys   | ["x"]                                           | error:object.keys: operand 1 must be object but got string
          object.remove | [{"a": 1, "b": {"c": 3}, "d": 4}, ["d", "b"]]   | {"a": 1}
          object.remove | [{"a": 1, "b": {"c": 3}, "d": 4}, {"b": 1, "d": ""}] | {"a": 1}
          object.remove | [{"a": 1}, "a"]                                 | error:object.remove: operand 2 must be one of {object, set, array} but got string
          object.remove | [[1], ["a"]]                                    | error:object.remove: operand 1 must be object but got array
          object.filter | [{"a": 1, "b": 2, "c": 3, "e": 9}, ["a", "e"]]  | {"a": 1, "e": 9}
          object.filter | [{"a": 1}, null]                                | error:object.filter: operand 2 must be one of {object, set, array} but got null
          object.union  | [{"a": {"b": {"c": 1}}, "e": 1}, {"a": {"b": "foo", "b1": "bar"}, "d": 7, "e": 17}] | {"a": {"b": "foo", "b1": "bar"}, "d": 7, "e": 17}
          object.union  | [{"a": 1}, [1]]                                 | error:object.union: operand 2 must be object but got array
          object.union_n | [[{"a": 1, "b": 2, "c": 3}, {"foo": "baz", "a": "a", "b": 2, "d": 4}, {"a": "final A!", "e": 5.0}]] | {"a": "final A!", "b": 2, "c": 3, "d": 4, "e": 5, "foo": "baz"}
          object.subset | [{"a": 5, "b": 7, "c": 15}, {"a": 5}]           | true
          object.subset | [{"a": 5}, {"a": 5, "b": 7}]                    | false
          object.subset | [{"a": 5, "nested": {"x": 10, "y": 15}}, {"nested": {"x": 10}}] | true
          object.subset | [[1, 2, 3, 4, 5, 6], [3, 4, 5]]                 | true
          object.subset | [[1, 2, 3, 4, 5, 6], [4, 5, 6, 8]]              | false
          json.filter   | [{"a": {"b": {"c": 7, "d": 8}}, "e": 9}, ["a/b/c", "e"]] | {"a": {"b": {"c": 7}}, "e": 9}
          json.filter   | [{"a": [{"b": 7, "c": 8}, {"d": 9}]}, ["a/0/b", "a/1"]]   | {"a": [{"b": 7}, {"d": 9}]}
          json.filter   | [{"a": [{"1": ["b", "c", "d"]}, {"x": "y"}]}, ["a/0/1/2"]] | {"a": [{"1": ["d"]}]}
          json.filter   | [{"a": {"b": 7}}, ["a", "a/b"]]                 | {"a": {"b": 7}}
          json.remove   | [{"a": {"b": {"c": 7, "d": 8}}, "e": 9}, ["a/b/c", "e"]] | {"a": {"b": {"d": 8}}}
          json.remove   | [{"a": [{"b": 7, "c": 8}, {"d": 9}]}, ["a/0/b", "a/1"]]   | {"a": [{"c": 8}]}
          json.remove   | [{"a": {"b": {"c": 7, "d": 8, "x": 0}}, "e": 9}, ["a/b/d", ["a", "b", "c"]]] | {"a": {"b": {"x": 0}}, "e": 9}
          json.remove   | [{"a": 1}, [1]]                                 | error:json.remove: operand 2 must be one of {set, array} containing string paths or array of path segments but got number
          json.remove   | [{"a": 1}, "a"]                                 | error:json.remove: operand 2 must be one of {set, array} but got string
          json.patch    | [{"foo": "bar"}, [{"op": "add", "path": "/baz", "value": "qux"}]] | {"baz": "qux", "foo": "bar"}
          json.patch    | [{"foo": ["bar", "baz"]}, [{"op": "add", "path": "/foo/1", "value": "qux"}]] | {"foo": ["bar", "qux", "baz"]}
          json.patch    | [{"foo": ["bar", "baz"]}, [{"op": "add", "path": "/foo/-", "value": "qux"}]] | {"foo": ["bar", "baz", "qux"]}
          json.patch    | [{"foo": ["bar", "qux", "baz"]}, [{"op": "remove", "path": "/foo/1"}]] | {"foo": ["bar", "baz"]}
          json.patch    | [{"baz": "qux", "foo": "bar"}, [{"op": "replace", "path": "/baz", "value": "boo"}]] | {"baz": "boo", "foo": "bar"}
          json.patch    | [{"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}}, [{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}]] | {"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}}
          json.patch    | [{"foo": 1}, [{"op": "copy", "from": "/foo", "path": "/bar"}]] | {"foo": 1, "bar": 1}
          json.patch    | [{"foo": 1}, [{"op": "test", "path": "/foo", "value": 1}]] | {"foo": 1}
          json.patch    | [{"foo": 1}, [{"op": "test", "path": "/foo", "value": 2}]] | undefined
          json.patch    | [{"q": {"bar": 2}}, [{"op": "add", "path": "/a/b", "value": 1}]] | undefined
          json.patch    | [[1, 2, 3], [{"op": "add", "path": "1.2", "value": "foo"}]] | undefined
          json.patch    | ["foo", [{"op": "replace", "path": "", "value": "bar"}]] | "bar"
          json.patch    | [{"": 1}, [{"op": "replace", "path": "/", "value": 2}]] | {"": 2}
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void patchAddressesSetMembers() {
    Value doc = ObjectValue.ofStrings("foo", set("[\"a\", \"b\", \"c\"]"));
    BuiltinTable.check(
        "json.patch",
        new Value[] {doc, json("[{\"op\": \"remove\", \"path\": \"foo/b\"}]")},
        "{\"foo\": [\"a\", \"c\"]}");
    BuiltinTable.check(
        "json.patch",
        new Value[] {doc, json("[{\"op\": \"add\", \"path\": \"foo/d\", \"value\": \"e\"}]")},
        "undefined");
    Value nested = SetValue.of(json("[1]"));
    BuiltinTable.check(
        "json.patch",
        new Value[] {nested, json("[{\"op\": \"add\", \"path\": [[1], 1], \"value\": 2}]")},
        "[[1, 2]]");
  }

  @Test
  void subsetOfSetsAndArraysWithSets() {
    BuiltinTable.check("object.subset", new Value[] {set("[1, 2, 3]"), set("[3, 2]")}, "true");
    BuiltinTable.check(
        "object.subset", new Value[] {json("[1, 2, 3, 4, 5, 6]"), set("[4, 3, 2]")}, "true");
    BuiltinTable.check(
        "object.subset",
        new Value[] {set("[4, 3, 2]"), json("[1, 2]")},
        "error:object.subset: operand 1 and operand 2 must be");
  }

  @Test
  void walkVisitsEveryNodeWithItsPath() {
    BuiltinTable.check(
        "walk",
        new Value[] {json("{\"v1\": \"hello\", \"v2\": [1]}")},
        "[[[], {\"v1\": \"hello\", \"v2\": [1]}], [[\"v1\"], \"hello\"], [[\"v2\"], [1]], [[\"v2\", 0], 1]]");
  }
}
