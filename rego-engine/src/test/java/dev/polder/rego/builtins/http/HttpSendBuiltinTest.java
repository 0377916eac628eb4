package dev.polder.rego.builtins.http;

import static dev.polder.rego.builtins.testing.BuiltinTable.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.rego.builtins.testing.BuiltinTable;
import dev.polder.rego.value.ObjectValue;
import dev.polder.rego.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpSendBuiltinTest {

  @ParameterizedTest(name = "http.send({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          [{"bad_key": "bad_value", "method": "get", "url": "http://127.0.0.1:51113"}] | error:invalid request parameters(s): {"bad_key"}
          [{"method": "get"}]                                   | error:missing required request parameters(s): {"url"}
          [{}]                                                  | error:missing required request parameters(s): {"method", "url"}
          [{"method": "get", "url": "https://example.com"}]     | error:http.send is disabled
          """)
  void disabledByDefault(String args, String expected) {
    BuiltinTable.check("http.send", args, expected);
  }

  @Test
  void anEmbedderMayRegisterATransport() throws Exception {
    ObjectValue response = (ObjectValue) json("{\"status_code\": 200, \"body\": null}");
    HttpSendBuiltin allowed = new HttpSendBuiltin(request -> response);
    Value got =
        allowed.call(
            BuiltinTable.context(),
            List.of(json("{\"method\": \"get\", \"url\": \"http://internal\"}")));
    assertEquals(response, got);
  }
}
