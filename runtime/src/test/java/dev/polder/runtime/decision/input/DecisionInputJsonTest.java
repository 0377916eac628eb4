package dev.polder.runtime.decision.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionInputJsonTest {
  static final String PRINCIPAL = "\"principal\": {\"id\": \"a\", \"kind\": \"service\"}";

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[] | decision input must be a JSON object",
        "{ | decision input is not valid JSON",
        "{\"principal\": {}} | request is required",
        "{\"request\": {}, " + PRINCIPAL + "} | request.endpoint is required",
        "{\"request\": {\"endpoint\": \"x\", \"max_tokens\": \"many\"}, "
            + PRINCIPAL
            + "} | request.max_tokens must be an integer",
        "{\"request\": {\"endpoint\": \"x\", \"tools\": {}}, "
            + PRINCIPAL
            + "} | request.tools must be an array",
        "{\"request\": {\"endpoint\": \"x\"}, "
            + PRINCIPAL
            + ", \"findings\": {\"by_type\": {\"EMAIL\": {\"count\": 0, \"max_score\": 1}}}} | findings.EMAIL.count must be at least 1",
        "{\"request\": {\"endpoint\": \"x\"}, "
            + PRINCIPAL
            + ", \"findings\": {\"by_type\": {\"EMAIL\": {\"count\": 1, \"max_score\": 2}}}} | findings.EMAIL.max_score must be within 0..1",
        "{\"request\": {\"endpoint\": \"x\"}, "
            + PRINCIPAL
            + ", \"findings\": {\"by_type\": {\"EMAIL\": {\"count\": 1, \"max_score\": 1, \"where\": [\"disk\"]}}}} | findings.EMAIL.where has 'disk' (expected prompt, attachment or tool)",
        "{\"request\": {\"endpoint\": \"x\"}, "
            + PRINCIPAL
            + ", \"classification\": {\"level\": \"secret\"}} | unknown classification level 'secret' (expected public, internal, confidential or restricted)",
        "{\"request\": {\"endpoint\": \"x\"}, "
            + PRINCIPAL
            + ", \"candidates\": [{\"name\": \"a\", \"location\": \"cloud\"}]} | candidates[a].location is 'cloud' (expected internal or external)",
      })
  void badInputGetsAClearError(String json, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DecisionInputJson.parse(json));
    assertEquals(message, e.getMessage().startsWith(message) ? message : e.getMessage());
  }

  /** The shipped examples read into the typed input and back into the same document. */
  @ParameterizedTest
  @ValueSource(strings = {"typical-request.json", "tool-call.json", "secret-in-attachment.json"})
  void examplesRoundTrip(String name) throws Exception {
    String json = Files.readString(Path.of("..", "policies", "examples", name));
    DecisionInput input = DecisionInputJson.parse(json);
    ObjectMapper mapper = new ObjectMapper();
    Map<?, ?> again = mapper.readValue(mapper.writeValueAsString(input.toDocument()), Map.class);
    DecisionInput reparsed = DecisionInputJson.parse(mapper.writeValueAsString(again));
    assertEquals(input.toDocument(), reparsed.toDocument());
    assertEquals(
        mapper.readTree(json).path("request").path("endpoint"),
        mapper.valueToTree(again).path("request").path("endpoint"));
  }
}
