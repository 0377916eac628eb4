package dev.polder.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.connectors.testing.Behaviours;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.Upstreams;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** Generic steps: clients with keys send requests; responses and upstreams are checked. */
public class GatewaySteps {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Integer> countsAtStart = new HashMap<>();

  @Before
  public void rememberUpstreamCounts() {
    for (String name : Upstreams.NAMES) {
      countsAtStart.put(name, GatewayWorld.upstreams.count(name));
    }
  }

  @After
  public void resetUpstreams() {
    GatewayWorld.upstreams.reset();
  }

  @Given("the upstream {string} answers the next request with status {int}")
  public void upstreamFailsNext(String upstream, int status) {
    GatewayWorld.upstreams.get(upstream).enqueue(Behaviours.error(status, "scripted failure"));
  }

  @When("a client with key {string} sends a chat completion for model {string}")
  public void clientSendsChat(String key, String model) {
    send(key, "/v1/chat/completions", chatBody(model));
  }

  @When("a client without a key sends a chat completion for model {string}")
  public void clientWithoutKeySendsChat(String model) {
    send(null, "/v1/chat/completions", chatBody(model));
  }

  @When("a client with key {string} sends to {string}:")
  public void clientSendsBody(String key, String path, String body) {
    send(key, path, body);
  }

  @Then("the response status is {int}")
  public void responseStatus(int status) {
    HttpResponse<String> response = GatewayWorld.lastResponse;
    assertEquals(status, response.statusCode(), response.body());
  }

  @Then("the response header {string} is {string}")
  public void responseHeader(String header, String value) {
    HttpResponse<String> response = GatewayWorld.lastResponse;
    assertEquals(value, response.headers().firstValue(header).orElse(null), header);
  }

  @Then("the response JSON {string} is {string}")
  public void responseJson(String pointer, String value) throws Exception {
    HttpResponse<String> response = GatewayWorld.lastResponse;
    assertEquals(value, JSON.readTree(response.body()).at(pointer).asText(), response.body());
  }

  @Then("the response is an OpenAI error with code {string}")
  public void openAiError(String code) throws Exception {
    HttpResponse<String> response = GatewayWorld.lastResponse;
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertTrue(error.has("message") && error.has("type") && error.has("param"), response.body());
    assertEquals(code, error.path("code").asText(), response.body());
  }

  @Then("the upstream {string} received {int} request(s)")
  public void upstreamReceived(String upstream, int requests) {
    assertEquals(
        requests,
        GatewayWorld.upstreams.count(upstream) - countsAtStart.get(upstream),
        "requests to upstream " + upstream + " in this scenario");
  }

  @Then("the last request to upstream {string} has JSON {string} equal to {string}")
  public void upstreamRequestJson(String upstream, String pointer, String value) {
    JsonNode received = GatewayWorld.upstreams.get(upstream).lastRequest().json();
    assertEquals(value, received.at(pointer).asText(), received.toString());
  }

  private void send(String key, String path, String body) {
    GatewayWorld.lastResponse =
        Clients.post(GatewayWorld.gateway, path, IdentitySteps.secretOr(key), body);
  }

  private static String chatBody(String model) {
    return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
  }
}
