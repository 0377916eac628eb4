package dev.polder.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Steps of an administrator: keys created through the admin API go by a name the scenario gives
 * them, which the client steps accept in place of a key.
 */
public class IdentitySteps {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Scenario name → created key: its secret and its id. */
  private static final Map<String, String[]> CREATED = new ConcurrentHashMap<>();

  /** The secret of a key created under this name, or the name itself (a literal key). */
  static String secretOr(String key) {
    String[] created = key == null ? null : CREATED.get(key);
    return created == null ? key : created[0];
  }

  @Given("an administrator created the key {string} with roles {string}")
  public void adminCreatesKey(String name, String roles) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "name",
                name,
                "principal",
                name,
                "roles",
                Arrays.stream(roles.split(",")).map(String::trim).toList()));
    HttpResponse<String> response =
        Clients.post(GatewayWorld.gateway, "/admin/keys", GatewayTestResource.KEY_ADMIN, body);
    assertEquals(201, response.statusCode(), response.body());
    JsonNode created = JSON.readTree(response.body());
    CREATED.put(name, new String[] {created.path("key").asText(), created.path("id").asText()});
  }

  @When("an administrator revokes the key {string}")
  public void adminRevokesKey(String name) {
    String id = CREATED.containsKey(name) ? CREATED.get(name)[1] : name;
    HttpResponse<String> response =
        Clients.send(
            HttpRequest.newBuilder(GatewayWorld.gateway.resolve("/admin/keys/" + id))
                .header("Authorization", "Bearer " + GatewayTestResource.KEY_ADMIN)
                .DELETE()
                .build());
    assertEquals(200, response.statusCode(), response.body());
  }
}
