package dev.polder.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.RecordingBackend;
import io.cucumber.java.Before;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps of the compliance specs: callers send prompts, and what left the gateway is checked on the
 * bytes the recording backends received ({@code internal}: {@code recorded-internal}, {@code
 * external}: {@code recorded-external}), not on the gateway's word. Only what arrived during the
 * current scenario counts.
 */
public class RecordingBackendSteps {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LOCATIONS = List.of("internal", "external");

  private final Map<String, Integer> bytesAtStart = new HashMap<>();
  private final Map<String, Integer> requestsAtStart = new HashMap<>();

  @Before
  public void rememberWhatTheBackendsHadReceived() {
    for (String location : LOCATIONS) {
      RecordingBackend backend = backend(location);
      bytesAtStart.put(location, backend.received().length);
      requestsAtStart.put(location, backend.requestCount());
    }
  }

  @When("a client with key {string} sends a chat completion for model {string} saying {string}")
  public void sendsSaying(String key, String model, String prompt) {
    send(key, "/v1/chat/completions", chat(model, prompt, false));
  }

  @When("a client with key {string} streams a chat completion for model {string} saying {string}")
  public void streamsSaying(String key, String model, String prompt) {
    send(key, "/v1/chat/completions", chat(model, prompt, true));
  }

  @When(
      "a client with key {string} asks to explain a chat completion for model {string} saying"
          + " {string}")
  public void explainsSaying(String key, String model, String prompt) {
    send(key, "/polder/v1/explain", chat(model, prompt, false));
  }

  @Then("the {word} backend received no bytes")
  public void receivedNoBytes(String location) {
    assertEquals("", scenarioText(location), "bytes the " + location + " backend received");
  }

  @Then("no backend received any bytes")
  public void noBackendReceivedBytes() {
    LOCATIONS.forEach(this::receivedNoBytes);
  }

  @Then("the {word} backend received {int} request(s)")
  public void receivedRequests(String location, int count) {
    assertEquals(
        count,
        backend(location).requestCount() - requestsAtStart.get(location),
        "requests the " + location + " backend received in this scenario");
  }

  @Then("the bytes received by the {word} backend contain {string}")
  public void bytesContain(String location, String text) {
    String received = scenarioText(location);
    assertTrue(received.contains(text), () -> location + " backend received:\n" + received);
  }

  @Then("the bytes received by the {word} backend do not contain {string}")
  public void bytesDoNotContain(String location, String text) {
    String received = scenarioText(location);
    assertFalse(received.contains(text), () -> location + " backend received:\n" + received);
  }

  @Then("no backend received the text {string}")
  public void noBackendReceivedText(String text) {
    LOCATIONS.forEach(location -> bytesDoNotContain(location, text));
  }

  @Then("the response header {string} contains {string}")
  public void responseHeaderContains(String header, String text) {
    String value = GatewayWorld.lastResponse.headers().firstValue(header).orElse("");
    assertTrue(value.contains(text), () -> header + ": " + value);
  }

  @Then("the response error message contains {string}")
  public void errorMessageContains(String text) throws Exception {
    String message =
        JSON.readTree(GatewayWorld.lastResponse.body()).path("error").path("message").asText();
    assertTrue(message.contains(text), () -> "error message: " + message);
  }

  @Then("the answer the client reads contains {string}")
  public void answerContains(String text) throws Exception {
    String answer = answer(GatewayWorld.lastResponse);
    assertTrue(answer.contains(text), () -> "answer: " + answer);
  }

  @Then("the answer the client reads does not contain {string}")
  public void answerDoesNotContain(String text) throws Exception {
    String answer = answer(GatewayWorld.lastResponse);
    assertFalse(answer.contains(text), () -> "answer: " + answer);
  }

  /** The assistant's text: a JSON completion, or the deltas of a stream joined. */
  private static String answer(HttpResponse<String> response) throws Exception {
    String body = response.body();
    if (!response.headers().firstValue("content-type").orElse("").contains("event-stream")) {
      return JSON.readTree(body).at("/choices/0/message/content").asText();
    }
    StringBuilder text = new StringBuilder();
    for (String line : body.split("\n")) {
      if (line.startsWith("data: {")) {
        JsonNode chunk = JSON.readTree(line.substring("data: ".length()));
        text.append(chunk.at("/choices/0/delta/content").asText(""));
      }
    }
    return text.toString();
  }

  private String scenarioText(String location) {
    byte[] all = backend(location).received();
    return new String(
        Arrays.copyOfRange(all, bytesAtStart.get(location), all.length), StandardCharsets.UTF_8);
  }

  private static RecordingBackend backend(String location) {
    return GatewayWorld.recorded.get(location);
  }

  private static void send(String key, String path, String body) {
    GatewayWorld.lastResponse = Clients.post(GatewayWorld.gateway, path, key, body);
  }

  private static String chat(String model, String prompt, boolean stream) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    if (stream) {
      body.put("stream", true);
    }
    body.putArray("messages").addObject().put("role", "user").put("content", prompt);
    return body.toString();
  }
}
