package dev.polder.runtime.clusterfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.support.Clients;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The steps of {@code features/cluster.feature}: each names the node it talks to. */
public class ClusterSteps {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Scenario name of a created key → its secret and its id. */
  private final Map<String, String[]> created = new HashMap<>();

  private HttpResponse<String> response;

  @Before
  public void forget() {
    created.clear();
    response = null;
  }

  @Given("an administrator created the key {string} on node {int}")
  public void create(String name, int node) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "name",
                name,
                "principal",
                name,
                "team",
                "cluster",
                "roles",
                List.of("app"),
                "models",
                List.of("echo")));
    HttpResponse<String> answer =
        Clients.post(ClusterWorld.node(node), "/admin/keys", secret(ClusterWorld.ADMIN), body);
    assertEquals(201, answer.statusCode(), answer.body());
    JsonNode key = JSON.readTree(answer.body());
    created.put(name, new String[] {key.path("key").asText(), key.path("id").asText()});
  }

  @When("an administrator revokes the key {string} on node {int}")
  public void revoke(String name, int node) {
    String[] key = created.get(name);
    assertNotNull(key, "no key '" + name + "' was created in this scenario");
    HttpResponse<String> answer =
        Clients.send(
            HttpRequest.newBuilder(ClusterWorld.node(node).resolve("/admin/keys/" + key[1]))
                .header("Authorization", "Bearer " + secret(ClusterWorld.ADMIN))
                .DELETE()
                .build());
    assertEquals(200, answer.statusCode(), answer.body());
  }

  @When("a client with key {string} sends a chat completion to node {int}")
  public void chat(String key, int node) {
    response = send(secret(key), node);
  }

  @When("the key {string} spends its team's daily budget through node {int}")
  public void spend(String key, int node) throws InterruptedException {
    int served = 0;
    do {
      response = send(secret(key), node);
      if (response.statusCode() == 200) {
        served++;
        // The after-route settles the call's real cost once the response has ended; the next
        // call may start before it (it is then only refused later, never wrongly admitted).
        Thread.sleep(200);
      }
    } while (response.statusCode() == 200 && served < 50);
    assertTrue(served >= 1, "the budget was spent before the scenario: " + response.body());
  }

  @Then("the response status is {int}")
  public void status(int expected) {
    assertNotNull(response, "no request was sent");
    assertEquals(expected, response.statusCode(), response.body());
  }

  @Then("the response is an OpenAI error with code {string}")
  public void openAiError(String code) throws Exception {
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertTrue(error.isObject(), "not an OpenAI error: " + response.body());
    for (String field : List.of("message", "type", "param", "code")) {
      assertTrue(error.has(field), "the error has no '" + field + "': " + response.body());
    }
    assertEquals(code, error.path("code").asText(), response.body());
  }

  private static HttpResponse<String> send(String secret, int node) {
    String body =
        "{\"model\":\"echo\",\"max_tokens\":19,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    return Clients.post(ClusterWorld.node(node), "/v1/chat/completions", secret, body);
  }

  private String secret(String key) {
    String[] createdKey = created.get(key);
    if (createdKey != null) {
      return createdKey[0];
    }
    String configured = ClusterWorld.SECRETS.get(key);
    assertNotNull(configured, "unknown key '" + key + "'");
    return configured;
  }
}
