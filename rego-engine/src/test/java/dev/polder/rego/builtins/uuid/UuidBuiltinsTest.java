package dev.polder.rego.builtins.uuid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.polder.rego.builtins.BuiltinContext;
import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.StringValue;
import dev.polder.rego.value.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UuidBuiltinsTest {

  @ParameterizedTest(name = "uuid.parse({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          ["00000000-0000-4000-8000-000000000000"]   | {"variant": "RFC4122", "version": 4}
          ["{00000000-0000-4000-8000-000000000000}"] | {"variant": "RFC4122", "version": 4}
          ["6bea8ef2d3d33cd184e09bab06a52ece"]       | {"variant": "RFC4122", "version": 3}
          ["urn:uuid:000003e8-48b9-21ee-b200-325096b39f47"] | {"clocksequence": 12800, "domain": "Person", "id": 1000, "macvariables": "local:unicast", "nodeid": "32-50-96-b3-9f-47", "time": 1693566990121469600, "variant": "RFC4122", "version": 2}
          ["not-a-uuid"]                             | undefined
          [123]                                      | undefined
          """)
  void parse(String args, String expected) {
    BuiltinTable.check("uuid.parse", args, expected);
  }

  @Test
  void rfc4122IsStablePerKeyWithinOneEvaluation() throws Exception {
    BuiltinContext ctx = BuiltinTable.context();
    Value a = BuiltinTable.call(ctx, "uuid.rfc4122", StringValue.of("key"));
    assertEquals(a, BuiltinTable.call(ctx, "uuid.rfc4122", StringValue.of("key")));
    assertNotEquals(a, BuiltinTable.call(ctx, "uuid.rfc4122", StringValue.of("other")));
    BuiltinTable.check("uuid.parse", new Value[] {a}, "{\"variant\": \"RFC4122\", \"version\": 4}");
  }
}
