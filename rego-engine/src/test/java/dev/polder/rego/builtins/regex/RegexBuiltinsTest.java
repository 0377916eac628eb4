package dev.polder.rego.builtins.regex;

import dev.polder.rego.builtins.testing.BuiltinTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegexBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          regex.match      | ["^[a-z]+\\\\[[0-9]+\\\\]$", "foo[1]"] | true
          regex.match      | ["", "x"]                            | true
          regex.match      | ["^$", "something"]                  | false
          regex.match      | ["$^[[[", "something"]               | error:regex.match: error parsing regexp
          regex.is_valid   | [".+"]                               | true
          regex.is_valid   | ["++"]                               | false
          regex.is_valid   | [10]                                 | false
          regex.find_n     | ["a.", "paranormal", -1]             | ["ar", "an", "al"]
          regex.find_n     | ["a.", "paranormal", 2]              | ["ar", "an"]
          regex.find_n     | ["a.", "paranormal", 0]              | []
          regex.find_n     | ["^a.", "abacadaeaf", -1]            | ["ab"]
          regex.find_n     | [".$", "abacadaeaf", -1]             | ["f"]
          regex.find_n     | ["a*", "baaac", -1]                  | ["", "aaa", ""]
          regex.find_all_string_submatch_n | ["a(x*)b", "-ab-axb-", -1] | [["ab", ""], ["axb", "x"]]
          regex.find_all_string_submatch_n | ["[^aouiye]([aouiye])([^aouiye])?", "somestri", -1] | [["som", "o", "m"], ["ri", "i", ""]]
          regex.split      | ["^[a-z]+\\\\[[0-9]+\\\\]$", ""]       | [""]
          regex.split      | ["^[a-z]+", "foobar baz"]            | ["", " baz"]
          regex.split      | ["[a-z]+$", "foobar baz"]            | ["foobar ", ""]
          regex.split      | ["^[a-z ]+$", "foobar baz"]          | ["", ""]
          regex.split      | ["a", "banana"]                      | ["b", "n", "n", ""]
          regex.replace    | ["-wy-wxxy-", "w(x*)y", "0"]         | "-0-0-"
          regex.replace    | ["foo", "(foo)", "$1$1"]             | "foofoo"
          regex.replace    | ["foo", "[", "$1"]                   | error:regex.replace: error parsing regexp
          regex.replace    | ["foo barx", "[a-z]{2}", "_"]        | "_o __"
          regex.replace    | ["abc", "(?P<first>a)", "[${first}]"] | "[a]bc"
          regex.globs_match | ["a.a.[0-9]+z", ".b.b2359825792*594823z"] | true
          regex.globs_match | ["[a-z]+", "[0-9]*"]                 | false
          regex.globs_match | ["[a-z]+\\\\[[0-9]+\\\\]", "foo\\\\[1\\\\]"] | true
          regex.globs_match | ["[a-z]+\\\\[[0-9]+\\\\]", "foo[\\"bar\\"]"] | false
          regex.globs_match | ["b.*", "bar"]                       | true
          regex.globs_match | ["[^a-c]x", "cx"]                     | false
          regex.globs_match | ["pqrs]", "[a-b]+"]                  | error:input:pqrs], pos:5, set-close ']' with no preceding '[': the input provided is invalid
          regex.template_match | ["urn:foo:{.*}", "urn:foo:bar:baz", "{", "}"] | true
          regex.template_match | ["urn:foo:<[0-9]+>", "urn:foo:bar", "<", ">"] | false
          """)
  void regex(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }
}
