package dev.polder.rego.builtins.numbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.NumberValue;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers, bits, type checks and to_number. */
class NumberBuiltinsTest {

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          abs                | [-3.5]             | 3.5
          round              | [-2.5]             | -3
          round              | [2.4]              | 2
          ceil               | [1.1]              | 2
          floor              | [-1.1]             | -2
          numbers.range      | [-2, 3]            | [-2, -1, 0, 1, 2, 3]
          numbers.range      | [2, -3]            | [2, 1, 0, -1, -2, -3]
          numbers.range      | [49649733057, 49649733059] | [49649733057, 49649733058, 49649733059]
          numbers.range      | [3.14, 4]          | error:numbers.range: operand 1 must be integer number but got floating-point number
          numbers.range      | [0, 1e12]          | error:exceeds the output limit
          numbers.range_step | [0, -10, 2]        | [0, -2, -4, -6, -8, -10]
          numbers.range_step | [2, 5, 2]          | [2, 4]
          numbers.range_step | [0, 10, 99999999999999999999] | [0]
          numbers.range_step | [0, 10, -2]        | error:numbers.range_step: step must be a positive integer
          bits.and           | [5, 3]             | 1
          bits.or            | [5, 3]             | 7
          bits.xor           | [5, 3]             | 6
          bits.negate        | [5]                | -6
          bits.lsh           | [9223372036854775807, 1] | 18446744073709551614
          bits.rsh           | [8, 3]             | 1
          bits.and           | [1.5, 3]           | error:bits.and: operand 1 must be integer number but got floating-point number
          bits.lsh           | [7, -1]            | error:bits.lsh: operand 2 must be an unsigned integer number but got a negative integer
          to_number          | ["-42.0"]          | -42
          to_number          | [false]            | 0
          to_number          | [true]             | 1
          to_number          | [null]             | 0
          to_number          | ["1e3"]            | 1000
          to_number          | ["broken"]         | error:invalid syntax
          to_number          | ["-Infinity"]      | error:to_number:
          to_number          | ["NaN"]            | error:to_number:
          type_name          | [{"a": 1}]         | "object"
          type_name          | [null]             | "null"
          is_number          | [1.5]              | true
          is_string          | [1]                | false
          is_array           | [[]]               | true
          is_object          | ["x"]              | false
          is_null            | [null]             | true
          is_boolean         | [false]            | true
          """)
  void table(String name, String args, String expected) {
    BuiltinTable.check(name, args, expected);
  }

  @Test
  void randIntnIsStableWithinOneEvaluationAndBounded() throws Exception {
    BuiltinContext ctx = BuiltinTable.context();
    Value first = BuiltinTable.call(ctx, "rand.intn", StringValue.of("k"), Value.of(100));
    Value again = BuiltinTable.call(ctx, "rand.intn", StringValue.of("k"), Value.of(100));
    assertEquals(first, again);
    long n = ((NumberValue) first).asLong();
    assertTrue(n >= 0 && n < 100);
    assertEquals(
        NumberValue.ZERO, BuiltinTable.call(ctx, "rand.intn", StringValue.of("z"), Value.of(0)));
  }
}
