package dev.polder.runtime.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.connectors.testing.Behaviours;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input and every upstream failure gets an OpenAI-shaped error, never a stack trace. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class BadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = GatewayTestResource.KEY_ALL;

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;

  @AfterEach
  void reset() {
    upstreams.reset();
  }

  record Case(String name, String path, String key, byte[] body, int status, String code) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case chatCase(String name, String key, String body, int status, String code) {
    return new Case(
        name, "/v1/chat/completions", key, body.getBytes(StandardCharsets.UTF_8), status, code);
  }

  static Stream<Case> cases() {
    byte[] invalidUtf8 =
        "{\"model\":\"plain\",\"messages\":[{\"role\":\"user\",\"content\":\"\u00ff\u00ff\"}]}"
            .getBytes(StandardCharsets.ISO_8859_1);
    String deep = "[".repeat(100) + "]".repeat(100);
    return Stream.of(
        chatCase("no key", null, Clients.chat("plain"), 401, "invalid_api_key"),
        chatCase("wrong key", "nope", Clients.chat("plain"), 401, "invalid_api_key"),
        chatCase(
            "model not allowed",
            GatewayTestResource.KEY_LIMITED,
            Clients.chat("plain"),
            403,
            "model_not_allowed"),
        chatCase("unknown model", KEY, Clients.chat("missing"), 404, "model_not_found"),
        chatCase("malformed JSON", KEY, "{\"model\":\"plain\",", 400, "invalid_json"),
        chatCase("not an object", KEY, "[1,2]", 400, "invalid_json"),
        chatCase("empty body", KEY, "", 400, "invalid_json"),
        chatCase(
            "missing messages", KEY, "{\"model\":\"plain\"}", 400, "missing_required_parameter"),
        chatCase(
            "messages of wrong type",
            KEY,
            "{\"model\":\"plain\",\"messages\":\"hi\"}",
            400,
            "invalid_type"),
        chatCase("model of wrong type", KEY, "{\"model\":7,\"messages\":[]}", 400, "invalid_type"),
        chatCase(
            "stream of wrong type",
            KEY,
            "{\"model\":\"plain\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\"}]}",
            400,
            "invalid_type"),
        chatCase(
            "too deep",
            KEY,
            "{\"model\":\"plain\",\"messages\":[{\"role\":\"user\"}],\"x\":" + deep + "}",
            400,
            "json_too_deep"),
        new Case("invalid UTF-8", "/v1/chat/completions", KEY, invalidUtf8, 400, "invalid_json"),
        chatCase(
            "body over the limit",
            KEY,
            "{\"model\":\"plain\",\"pad\":\"" + "x".repeat(70_000) + "\"}",
            413,
            "request_too_large"),
        new Case(
            "embeddings without input",
            "/v1/embeddings",
            KEY,
            "{\"model\":\"plain\"}".getBytes(StandardCharsets.UTF_8),
            400,
            "missing_required_parameter"),
        new Case("unknown path", "/v2/anything", KEY, new byte[0], 404, "not_found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputGetsAnOpenAiError(Case c) throws Exception {
    HttpResponse<String> response = Clients.post(gateway, c.path(), c.key(), c.body());
    assertOpenAiError(response, c.status(), c.code());
  }

  @Test
  void wrongMethodIs405() throws Exception {
    HttpResponse<String> response =
        Clients.send(HttpRequest.newBuilder(gateway.resolve("/v1/chat/completions")).GET().build());
    assertOpenAiError(response, 405, "method_not_allowed");
  }

  @Test
  void upstreamGarbageIs502() throws Exception {
    upstreams.get("a").enqueue(Behaviours.garbage("text/html", "<html>oops</html>"));
    HttpResponse<String> response =
        Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("plain"));
    assertOpenAiError(response, 502, "invalid_response");
    assertEquals("a", response.headers().firstValue("x-polder-backend").orElseThrow());
  }

  @Test
  void upstreamHangingIs504() throws Exception {
    upstreams.get("c").enqueue(Behaviours.stall());
    HttpResponse<String> response =
        Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("hang"));
    assertOpenAiError(response, 504, "first_byte_timeout");
  }

  @Test
  void truncatedStreamEndsWithAnErrorEvent() throws Exception {
    String chunk =
        "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"finish_reason\":null}]}";
    upstreams.get("a").enqueue(Behaviours.sseThenCloseConnection(chunk));
    HttpResponse<String> response =
        Clients.post(
            gateway,
            "/v1/chat/completions",
            KEY,
            "{\"model\":\"plain\",\"stream\":true,\"messages\":[{\"role\":\"user\"}]}");
    assertEquals(200, response.statusCode());
    List<String> events = List.of(response.body().split("\n\n"));
    assertTrue(events.get(0).contains("\"Hel\""), response.body());
    String last = events.get(events.size() - 1);
    assertTrue(last.startsWith("data: {\"error\":"), response.body());
    assertFalse(response.body().contains("[DONE]"), response.body());
  }

  private static void assertOpenAiError(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("x-polder-request-id").isPresent());
    assertTrue(
        response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonNode error = JSON.readTree(response.body()).get("error");
    assertTrue(error.isObject(), response.body());
    for (String field : List.of("message", "type", "param", "code")) {
      assertTrue(error.has(field), field + " missing in " + response.body());
    }
    assertEquals(code, error.get("code").asText(), response.body());
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("\tat "), response.body());
  }
}
