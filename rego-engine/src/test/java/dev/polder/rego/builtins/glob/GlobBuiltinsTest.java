package dev.polder.rego.builtins.glob;

import dev.polder.rego.builtins.testing.BuiltinTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobBuiltinsTest {

  @ParameterizedTest(name = "glob.match({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          ["*.github.com", ["."], "api.github.com"]        | true
          ["api.**.com", ["."], "api.cdn.github.com"]      | true
          ["*:github:com", [":"], "api:github:com"]        | true
          ["*.github.com", ["."], "api.not-github.com"]    | false
          ["[abc]at", [], "cat"]                           | true
          ["[!abc]at", [], "cat"]                          | false
          ["[a-c]at", [], "bat"]                           | true
          ["[!a-c]at", [], "fat"]                          | true
          ["?at", [], "at"]                                | false
          ["?at", ["f"], "fat"]                            | false
          ["{cat,bat,[fr]at}", [], "rat"]                  | true
          ["{cat,bat,[fr]at}", [], "at"]                   | false
          ["*", [], "foo.bar"]                             | false
          ["*", null, "foo.bar"]                           | true
          ["foo*", null, "foo.bar"]                        | true
          ["\\\\*.txt", null, "*.txt"]                     | true
          ["\\\\*.txt", null, "a.txt"]                     | false
          ["{a,b", null, "a"]                              | error:glob.match: unclosed '{'
          """)
  void match(String args, String expected) {
    BuiltinTable.check("glob.match", args, expected);
  }

  @ParameterizedTest(name = "glob.quote_meta({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          ["*.github.com"]     | "\\\\*.github.com"
          ["[a]{b}?"]          | "\\\\[a\\\\]\\\\{b\\\\}\\\\?"
          """)
  void quoteMeta(String args, String expected) {
    BuiltinTable.check("glob.quote_meta", args, expected);
  }
}
