package dev.polder.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.audit.AuditRecord;
import dev.polder.runtime.mcp.McpAudit;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.quarkus.arc.Arc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Steps of {@code features/mcp-*.feature}: an agent speaking JSON-RPC to {@code /mcp}. */
public class McpSteps {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private String key;
  private String session;
  private JsonNode answer;
  private int ids;

  private JsonNode rpc(String method, JsonNode params) throws Exception {
    ObjectNode message =
        JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ++ids).put("method", method);
    message.set("params", params);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(GatewayWorld.gateway.resolve("/mcp").toString()))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Authorization", "Bearer " + key)
            .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response.headers().firstValue("Mcp-Session-Id").ifPresent(id -> session = id);
    return JSON.readTree(response.body());
  }

  @Given("an agent with key {string}")
  public void anAgentWithKey(String key) throws Exception {
    this.key = key;
    this.session = null;
    ObjectNode params = JSON.createObjectNode().put("protocolVersion", "2025-06-18");
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "cucumber").put("version", "1");
    assertTrue(rpc("initialize", params).has("result"));
  }

  @Then("the MCP tool list of the agent contains {string}")
  public void theMcpToolListContains(String tool) throws Exception {
    assertTrue(toolNames().contains(tool), toolNames().toString());
  }

  @Then("the MCP tool list of the agent does not contain {string}")
  public void theMcpToolListDoesNotContain(String tool) throws Exception {
    assertFalse(toolNames().contains(tool), toolNames().toString());
  }

  private List<String> toolNames() throws Exception {
    JsonNode tools = rpc("tools/list", JSON.createObjectNode()).path("result").path("tools");
    List<String> names = new java.util.ArrayList<>();
    tools.forEach(t -> names.add(t.path("name").asText()));
    return names;
  }

  @When("the agent calls the MCP tool {string} with order {string} for {string}")
  public void theAgentCalls(String tool, String order, String email) throws Exception {
    ObjectNode params = JSON.createObjectNode().put("name", tool);
    params.putObject("arguments").put("order_id", order).put("customer_email", email);
    answer = rpc("tools/call", params);
  }

  @Then("the MCP call is denied by policy")
  public void theMcpCallIsDenied() {
    assertEquals(-32001, answer.path("error").path("code").asInt(), answer.toString());
    assertTrue(answer.path("error").path("message").asText().contains("denied by policy"));
  }

  @Then("the MCP result contains {string}")
  public void theMcpResultContains(String text) {
    assertTrue(answer.path("result").toString().contains(text), answer.toString());
  }

  @Then("the MCP result does not contain {string}")
  public void theMcpResultDoesNotContain(String text) {
    assertTrue(answer.has("result"), answer.toString());
    assertFalse(answer.path("result").toString().contains(text), answer.toString());
  }

  @Then("the MCP audit has a record of {string} calling {string} with status {int}")
  public void theMcpAuditHasARecord(String principal, String tool, int status) {
    List<AuditRecord> records = Arc.container().instance(McpAudit.class).get().recent();
    assertTrue(
        records.stream()
            .anyMatch(
                r ->
                    principal.equals(r.principal())
                        && tool.equals(r.virtualModel())
                        && r.status() == status),
        records.toString());
  }
}
