package dev.polder.runtime.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.pipeline.GatewayCall.Operation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestParserTest {

  private final RequestParser parser = new RequestParser(8);

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "CHAT_COMPLETIONS | {\"model\":\"m\"}                                 | missing_required_parameter | messages",
        "CHAT_COMPLETIONS | {\"model\":\"m\",\"messages\":[]}                 | invalid_value              | messages",
        "CHAT_COMPLETIONS | {\"model\":\"m\",\"messages\":[\"hi\"]}           | invalid_type               | messages[0]",
        "CHAT_COMPLETIONS | {\"messages\":[{\"role\":\"user\"}]}              | missing_required_parameter | model",
        "CHAT_COMPLETIONS | {\"model\":\"\",\"messages\":[{\"role\":\"user\"}]} | invalid_type              | model",
        "COMPLETIONS      | {\"model\":\"m\",\"prompt\":5}                    | invalid_type               | prompt",
        "EMBEDDINGS       | {\"model\":\"m\",\"input\":\"x\",\"stream\":true}   | invalid_value              | stream",
        "EMBEDDINGS       | {\"model\":\"m\",\"input\":[[[[[[[[[1]]]]]]]]]}     | json_too_deep              | ",
      })
  void rejects(Operation operation, String body, String code, String param) {
    GatewayException e =
        assertThrows(
            GatewayException.class,
            () -> parser.parse(operation, body.getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, e.status());
    assertEquals(code, e.code());
    assertEquals(param, e.param());
  }

  @Test
  void keepsUnknownFieldsUntouched() {
    String body =
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
            + "\"guided_json\":{\"type\":\"object\"},\"top_k\":3}";
    assertEquals(
        body,
        parser.parse(Operation.CHAT_COMPLETIONS, body.getBytes(StandardCharsets.UTF_8)).toString());
  }
}
