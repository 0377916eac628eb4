package dev.polder.rego.builtins.encoding;

import static dev.polder.rego.builtins.testing.BuiltinTable.set;

import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** base64, base64url, hex, urlquery, json.* and yaml.*. */
class EncodingBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          base64.encode          | ["subjects?_d"]              | "c3ViamVjdHM/X2Q="
          base64.decode          | ["c3ViamVjdHM/X2Q="]         | "subjects?_d"
          base64.decode          | ["aGVsbG8"]                  | error:base64.decode: illegal base64 data at input byte 4
          base64.decode          | ["aGV*bG8="]                 | error:illegal base64 data at input byte 3
          base64.is_valid        | ["aGVsbG8="]                 | true
          base64.is_valid        | ["{'not':'base64'}"]         | false
          base64url.encode       | ["hello"]                    | "aGVsbG8="
          base64url.encode_no_pad | ["hello"]                   | "aGVsbG8"
          base64url.decode       | ["aGVsbG8"]                  | "hello"
          base64url.decode       | ["aGVsbG8="]                 | "hello"
          hex.encode             | ["lorem ipsum"]              | "6c6f72656d20697073756d"
          hex.decode             | ["6c6f72656d20697073756d"]   | "lorem ipsum"
          hex.decode             | ["fghijkl"]                  | error:invalid byte: U+0067 'g'
          hex.decode             | ["abc"]                      | error:odd length hex string
          urlquery.encode        | ["a=b+1 c~"]                 | "a%3Db%2B1+c~"
          urlquery.decode        | ["a%3Db%2B1+c"]              | "a=b+1 c"
          urlquery.decode        | ["a%zz"]                     | error:invalid URL escape "%zz"
          urlquery.encode_object | [{"a": "c=b+1", "b": ["x", "y"]}] | "a=c%3Db%2B1&b=x&b=y"
          urlquery.decode_object | ["a=value_a1&b=value_b&a=value_a2"] | {"a": ["value_a1", "value_a2"], "b": ["value_b"]}
          urlquery.decode_object | ["a=value_a1&b"]             | {"a": ["value_a1"], "b": [""]}
          urlquery.decode_object | [""]                         | {}
          json.marshal           | [[{"foo": 1, "<": "&"}]]      | "[{\\"\\\\u003c\\":\\"\\\\u0026\\",\\"foo\\":1}]"
          json.marshal_with_options | [[1, 2], {"indent": "  "}] | "[\\n  1,\\n  2\\n]"
          json.marshal_with_options | [[1, 2], {"pretty": true}] | "[\\n\\t1,\\n\\t2\\n]"
          json.marshal_with_options | [{"b": 1}, {"prefix": "P"}] | "P{\\nP\\t\\"b\\": 1\\nP}"
          json.marshal_with_options | [[], {"indent": "    ", "prefix": "---"}] | "---[]"
          json.marshal_with_options | [[1], {"pretty": false, "indent": "x"}] | "[1]"
          json.marshal_with_options | [[], {"bogus": true}]     | error:object contained unknown key "bogus"
          json.unmarshal         | ["[{\\"foo\\":[1,2,3]}]"]     | [{"foo": [1, 2, 3]}]
          json.unmarshal         | ["{"]                        | error:json.unmarshal:
          json.is_valid          | ["{\\"json\\": \\"ok\\"}"]    | true
          json.is_valid          | ["plainstring"]              | false
          json.is_valid          | [1]                          | false
          yaml.unmarshal         | ["foo:\\n  - qux: bar\\n  - baz: 2"] | {"foo": [{"qux": "bar"}, {"baz": 2}]}
          yaml.unmarshal         | ["[1,2,3"]                   | error:yaml: line 1: did not find
          yaml.is_valid          | ["foo:\\n  - baz: {"]         | false
          yaml.is_valid          | ["{\\"json\\": \\"ok\\"}"]    | true
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void marshalWritesSetsAsSortedArraysAndYamlRoundTrips() throws Exception {
    Value doc = ObjectValue.ofStrings("foo", set("[3, 1, 2]"));
    BuiltinTable.check("json.marshal", new Value[] {doc}, "\"{\\\"foo\\\":[1,2,3]}\"");
    Value yaml = BuiltinTable.call("yaml.marshal", doc);
    BuiltinTable.check("yaml.unmarshal", new Value[] {yaml}, "{\"foo\": [1, 2, 3]}");
  }

  @Test
  void invalidUtf8BytesDecodeToOneReplacementCharacterEach() {
    BuiltinTable.check("base64.decode", "[\"/w==\"]", "\"\\ufffd\"");
    BuiltinTable.check("hex.decode", "[\"c328\"]", "\"\\ufffd(\"");
  }
}
