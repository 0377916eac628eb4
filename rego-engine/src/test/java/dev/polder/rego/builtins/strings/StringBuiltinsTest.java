package dev.polder.rego.builtins.strings;

import dev.polder.rego.builtins.testing.BuiltinTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          concat           | ["/", ["", "foo", "bar"]]             | "/foo/bar"
          concat           | ["/", ["a", 1]]                       | error:concat: operand 2 must be
          contains         | ["abcdefgh", "defg"]                  | true
          startswith       | ["abcdefgh", "bcd"]                   | false
          endswith         | ["abcdefgh", "fgh"]                   | true
          lower            | ["AbCdEf"]                            | "abcdef"
          upper            | ["AbCdEf"]                            | "ABCDEF"
          format_int       | [15.5, 16]                            | "f"
          format_int       | [-15.5, 2]                            | "-1111"
          format_int       | [4.1, 199]                            | error:operand 2 must be one of {2, 8, 10, 16}
          indexof          | ["abcabcabcdefgh", "cde"]             | 8
          indexof          | ["skön var våren", "vår"]             | 9
          indexof          | ["μ", "μμ"]                           | -1
          indexof_n        | ["😇😀😇😀😇😀", "😀"]                   | [1, 3, 5]
          indexof_n        | ["dogcat", "rabbit"]                  | []
          split            | ["foo.bar.baz", "."]                  | ["foo", "bar", "baz"]
          split            | ["test", ""]                          | ["t", "e", "s", "t"]
          split            | ["", ""]                              | []
          split            | ["", "."]                             | [""]
          replace          | ["foo...bar", "..", ",,"]             | "foo,,.bar"
          strings.replace_n | [{"f": "x", "foo": "xxx"}, "foobar"] | "xoobar"
          strings.replace_n | [{"<": "&lt;", ">": "&gt;"}, "<b>"]  | "&lt;b&gt;"
          strings.replace_n | [{"f": 100}, "foo"]                 | error:strings.replace_n: operand 1 non-string value found in pattern object
          strings.replace_n | [{"f": "x"}, 100]                   | error:strings.replace_n: operand 2 must be string but got number
          substring        | ["abcdefgh", 2, 3]                    | "cde"
          substring        | ["aåäö", 2, -1]                       | "äö"
          substring        | ["abcdefgh", 2, 10000]                | "cdefgh"
          substring        | ["aaa", 3, -1]                        | ""
          substring        | ["aaa", -1, -1]                       | error:negative offset
          trim             | ["...foo.bar...", ".fr"]              | "oo.ba"
          trim_left        | ["...foo.", "."]                      | "foo."
          trim_right       | ["...foo.", "."]                      | "...foo"
          trim_prefix      | ["foo.bar", "foo."]                   | "bar"
          trim_suffix      | ["foo.bar", ".bar"]                   | "foo"
          trim_space       | ["  \\t foo bar \\n "]               | "foo bar"
          strings.reverse  | ["1😀𝛾"]                               | "𝛾😀1"
          strings.reverse  | [123]                                 | error:strings.reverse: operand 1 must be string but got number
          strings.count    | ["cheese", "e"]                       | 3
          strings.count    | ["dummy", ""]                         | 6
          strings.count    | ["11111", "11"]                       | 2
          strings.any_prefix_match | [["a/b", "c/d"], ["c/"]]      | true
          strings.any_prefix_match | ["a/b", ["c/"]]               | false
          strings.any_prefix_match | [["a", 1], "a"]               | error:strings.any_prefix_match: operand 1 must be array of strings but got array containing number
          strings.any_prefix_match | [1, "a"]                      | error:strings.any_prefix_match: operand 1 must be one of {string, set, array} but got number
          strings.any_suffix_match | ["a/b", ["/b", "/c"]]         | true
          """)
  void strings(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @ParameterizedTest(name = "sprintf({0}, {1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          hi                | []                          | hi
          hi %s             | ["there"]                   | hi there
          hi %02d           | [5]                         | hi 05
          hi %02X.%02X      | [127, 1]                    | hi 7F.01
          hi %.2f           | [3.1415]                    | hi 3.14
          hi %v             | [2e308]                     | hi 2e308
          hi %s             | [true]                      | hi true
          hi %v             | [["there", 5, 3.14]]        | 'hi ["there", 5, 3.14]'
          %s                | [123456789123456789123]     | 123456789123456789123
          %d                | ["x"]                       | %!d(string=x)
          %s %s             | ["a"]                       | a %!s(MISSING)
          %5s.              | ["ab"]                      | '   ab.'
          %-5s.             | ["ab"]                      | 'ab   .'
          %x                | [255]                       | ff
          %e                | [1234.5678]                 | 1.234568e+03
          %g                | [0.00001234]                | 1.234e-05
          %v                | [1e21]                      | 1e+21
          %q                | ["a\\"b"]                   | '"a\\"b"'
          %s/%d             | ["p", 3]                    | p/3
          100%%             | []                          | 100%
          """)
  void sprintf(String format, String args, String expected) {
    BuiltinTable.check(
        "sprintf",
        "[" + BuiltinTable.json("\"" + format.replace("\"", "\\\"") + "\"") + ", " + args + "]",
        BuiltinTable.json("\"" + expected.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            .toString());
  }

  @ParameterizedTest(name = "render_template({0}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          {{.test}}                                 | {"test": "hello world"}          | "hello world"
          {{.test}}                                 | {"test": 2023}                   | "2023"
          {{range $i, $name := .hellonames}}{{if $i}},{{end}}hello {{$name}}{{end}} | {"hellonames": ["rohan", "john doe"]} | "hello rohan,hello john doe"
          {{.testvarnotprovided}}                   | {"test": "hello world"}          | "<undefined>"
          test {{.foo}} {{.bar}} {{.baz}}           | {"baz": 1}                       | "test <undefined> <undefined> 1"
          {{if gt .n 10}}big{{else if gt .n 5}}mid{{else}}small{{end}}! | {"n": 7}  | "mid!"
          {{with .user}}{{.name}}{{else}}anon{{end}}  | {"user": {"name": "ann"}}       | "ann"
          {{range .xs}}[{{.}}]{{else}}none{{end}}    | {"xs": []}                      | "none"
          {{- " a " -}} {{ printf "%03d" .n }}       | {"n": 7}                        | " a 007"
          {{len .xs}} {{index .xs 1}} {{.m}}          | {"xs": [1, 2], "m": {"a": [1]}} | "2 2 map[a:[1]]"
          {{range $k, $v := .m}}{{$k}}={{$v}};{{end}} | {"m": {"b": 2, "a": 1}}         | "a=1;b=2;"
          {{if .x}}unclosed                           | {}                              | error:strings.render_template: template:
          {{nosuchfn 1}}                              | {}                              | error:function "nosuchfn" not defined
          """)
  void renderTemplate(String template, String vars, String expected) {
    BuiltinTable.check(
        "strings.render_template",
        new dev.polder.rego.value.Value[] {
          dev.polder.rego.value.StringValue.of(template), BuiltinTable.json(vars)
        },
        expected);
  }
}
