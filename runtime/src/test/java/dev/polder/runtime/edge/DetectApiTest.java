package dev.polder.runtime.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /polder/v1/detect}: findings as a table, and every bad input in OpenAI's shape. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class DetectApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = GatewayTestResource.KEY_ALL;

  @TestHTTPResource("/")
  URI gateway;

  /** body → findings as {@code TYPE start-end detector}, in text order. */
  static Stream<Arguments> findings() {
    return Stream.of(
        Arguments.of(
            "{\"text\":\"Mail maria.garcia@example.org now\",\"language\":\"en\"}",
            List.of("EMAIL_ADDRESS 5-29 email")),
        Arguments.of(
            "{\"text\":\"Please write to Maria Garcia at maria.garcia@example.org\"}",
            List.of("PERSON 16-28 ner", "EMAIL_ADDRESS 32-56 email")),
        Arguments.of(
            "{\"text\":\"Please write to Maria Garcia at maria.garcia@example.org\","
                + "\"detectors\":[\"email\"]}",
            List.of("EMAIL_ADDRESS 32-56 email")),
        // Offsets are UTF-16 code units: the emoji counts two.
        Arguments.of(
            "{\"text\":\"\\ud83d\\ude00 maria.garcia@example.org\"}",
            List.of("EMAIL_ADDRESS 3-27 email")),
        Arguments.of(
            "{\"text\":\"card 4111 1111 1111 1111, not 4111 1111 1111 1112\"}",
            List.of("CREDIT_CARD 5-24 credit-card")),
        Arguments.of("{\"text\":\"Write a haiku about the sea\",\"language\":\"any\"}", List.of()),
        Arguments.of("{\"text\":\"\"}", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findings")
  void findingsTable(String body, List<String> expected) throws Exception {
    HttpResponse<String> response = Clients.post(gateway, DetectApi.PATH, KEY, body);
    assertEquals(200, response.statusCode(), response.body());
    List<String> actual = new ArrayList<>();
    for (JsonNode f : JSON.readTree(response.body()).path("findings")) {
      actual.add(
          f.path("type").asText()
              + " "
              + f.path("start").asInt()
              + "-"
              + f.path("end").asInt()
              + " "
              + f.path("detector").asText());
      double score = f.path("score").asDouble(-1);
      assertTrue(score > 0 && score <= 1, f.toString());
    }
    assertEquals(expected, actual);
  }

  /** key, body → status, code, param. */
  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(null, "{\"text\":\"x\"}", 401, "invalid_api_key", null),
        Arguments.of("wrong-key", "{\"text\":\"x\"}", 401, "invalid_api_key", null),
        Arguments.of(KEY, "{\"language\":\"en\"}", 400, "missing_required_parameter", "text"),
        Arguments.of(KEY, "{\"text\":5}", 400, "invalid_type", "text"),
        Arguments.of(
            KEY, "{\"text\":\"x\",\"language\":\"english\"}", 400, "invalid_value", "language"),
        Arguments.of(
            KEY, "{\"text\":\"x\",\"detectors\":\"email\"}", 400, "invalid_type", "detectors"),
        Arguments.of(
            KEY, "{\"text\":\"x\",\"detectors\":[\"nope\"]}", 400, "invalid_value", "detectors"),
        Arguments.of(KEY, "[1]", 400, "invalid_json", null),
        Arguments.of(KEY, "{", 400, "invalid_json", null),
        Arguments.of(KEY, "", 400, "invalid_json", null));
  }

  @ParameterizedTest(name = "{1} -> {2} {3}")
  @MethodSource("badInput")
  void badInputGetsOpenAiErrors(String key, String body, int status, String code, String param)
      throws Exception {
    HttpResponse<String> response =
        Clients.post(gateway, DetectApi.PATH, key == null ? null : key, body);
    assertEquals(status, response.statusCode(), response.body());
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertEquals(code, error.path("code").asText(null), response.body());
    assertEquals(param, error.path("param").isNull() ? null : error.path("param").asText());
    assertTrue(error.path("message").asText().length() > 5, response.body());
  }
}
