package dev.polder.rego.builtins.units;

import dev.polder.rego.builtins.testing.BuiltinTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** units.* and semver.*. */
class UnitsBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          units.parse       | ["500m"]        | 0.5
          units.parse       | ["0.0005K"]     | 0.5
          units.parse       | ["1.1Ki"]       | 1126.4
          units.parse       | ["10KI"]        | 10240
          units.parse       | ["200M"]        | 200000000
          units.parse       | ["100mi"]       | 104857600
          units.parse       | ["10E"]         | 10000000000000000000
          units.parse       | ["10Ei"]        | 11529215046068469760
          units.parse       | ["1e3M"]        | 1000000000
          units.parse       | ["-3.5E2m"]     | -0.35
          units.parse       | ["7.8E-1"]      | 0.78
          units.parse       | ["\\"100TI\\""]  | 109951162777600
          units.parse       | [".0"]          | 0
          units.parse       | ["1G"]          | 1000000000
          units.parse       | [""]            | error:units.parse: no amount provided
          units.parse       | ["foo"]         | error:units.parse: no amount provided
          units.parse       | ["0.0.0"]       | error:units.parse: could not parse amount to a number
          units.parse       | ["100 k"]       | error:units.parse: spaces not allowed in resource strings
          units.parse       | ["5Q"]          | error:units.parse: unknown unit suffix
          units.parse_bytes | ["1.1KiB"]      | 1126
          units.parse_bytes | ["10KIB"]       | 10240
          units.parse_bytes | ["1e-2KB"]      | 10
          units.parse_bytes | ["3.2E2MiB"]    | 335544320
          units.parse_bytes | ["10eib"]       | 11529215046068469760
          units.parse_bytes | ["GB"]          | error:units.parse_bytes: no byte amount provided
          units.parse_bytes | [".5.2"]        | error:units.parse_bytes: could not parse byte amount to a number
          units.parse_bytes | [" 327MiB "]    | error:units.parse_bytes: spaces not allowed in resource strings
          semver.is_valid   | ["1.0.0"]       | true
          semver.is_valid   | ["1.0.0-rc.1+build.5"] | true
          semver.is_valid   | ["1"]           | false
          semver.is_valid   | ["01.0.0"]      | false
          semver.is_valid   | [1]             | false
          semver.compare    | ["1.0.0", "2.0.0"] | -1
          semver.compare    | ["2.0.0", "1.0.0"] | 1
          semver.compare    | ["1.0.0+a", "1.0.0+b"] | 0
          semver.compare    | ["1.0.0-alpha", "1.0.0"] | -1
          semver.compare    | ["1.0.0-alpha.1", "1.0.0-alpha.beta"] | -1
          semver.compare    | ["1.0.0-rc.2", "1.0.0-rc.10"] | -1
          semver.compare    | ["1", "1.0.0"]  | error:semver.compare: operand 1: string "1" is not a valid SemVer
          semver.compare    | ["1.0.0", "1"]  | error:semver.compare: operand 2: string "1" is not a valid SemVer
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }
}
