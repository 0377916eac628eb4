package dev.polder.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code polder.state.directory} set, created keys, revocations and budget spend survive the
 * gateway being killed (SIGKILL, no shutdown) and started again on the same directory. The packaged
 * gateway in its own JVM; failsafe, after {@code package}.
 */
class DurableStateIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "durable-admin-" + UUID.randomUUID();
  private static final String SPENDER = "durable-budget-" + UUID.randomUUID();

  @TempDir Path dir;

  private GatewayProcess gateway;

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void keysRevocationsAndSpendSurviveARestartOnTheSameDirectory() throws Exception {
    Path state = dir.resolve("state");
    gateway = start("run1", state);
    gateway.awaitUp(ADMIN);
    String[] kept = createKey(gateway.uri(), "kept");
    String[] revoked = createKey(gateway.uri(), "revoked");
    assertEquals(200, chat(gateway.uri(), revoked[0]).statusCode());
    HttpResponse<String> revocation =
        Clients.send(
            HttpRequest.newBuilder(gateway.uri().resolve("/admin/keys/" + revoked[1]))
                .header("Authorization", "Bearer " + ADMIN)
                .DELETE()
                .build());
    assertEquals(200, revocation.statusCode(), revocation.body());
    int served = 0;
    HttpResponse<String> last;
    do {
      last = chat(gateway.uri(), SPENDER);
      if (last.statusCode() == 200) {
        served++;
        // Settling runs after the response ends; a call before it is only refused later.
        Thread.sleep(200);
      }
    } while (last.statusCode() == 200 && served < 50);
    assertTrue(served >= 1, last.body());
    assertEquals("budget_exceeded", code(last), last.body());

    // A crash, not a shutdown: whatever a response confirmed must be on disk already.
    gateway.kill();
    gateway = start("run2", state);
    gateway.awaitUp(ADMIN);

    HttpResponse<String> keptCall = chat(gateway.uri(), kept[0]);
    assertEquals(200, keptCall.statusCode(), keptCall.body());
    HttpResponse<String> revokedCall = chat(gateway.uri(), revoked[0]);
    assertEquals(401, revokedCall.statusCode(), revokedCall.body());
    assertEquals("invalid_api_key", code(revokedCall));
    HttpResponse<String> spent = chat(gateway.uri(), SPENDER);
    assertEquals(429, spent.statusCode(), spent.body());
    assertEquals("budget_exceeded", code(spent));
  }

  private GatewayProcess start(String run, Path state) throws Exception {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("polder.state.directory", state.toString());
    properties.putAll(GatewayProcess.key("admin", ADMIN, "ops", "*"));
    properties.put("polder.auth.keys.admin.roles", "admin");
    properties.putAll(GatewayProcess.key("spender", SPENDER, "budgeted", "echo"));
    // The echo backend reports 19 + 19 tokens for these calls: 0.038 a call at 1000 per million.
    properties.put("polder.prices.echo.input", "1000");
    properties.put("polder.prices.echo.output", "1000");
    properties.put("polder.limits.teams.budgeted.budget.month", "0.1");
    return GatewayProcess.start(dir.resolve(run), properties);
  }

  /** Creates a key; returns its secret and id. */
  private static String[] createKey(URI gateway, String name) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "name",
                name,
                "principal",
                name,
                "roles",
                List.of("app"),
                "models",
                List.of("echo")));
    HttpResponse<String> created = Clients.post(gateway, "/admin/keys", ADMIN, body);
    assertEquals(201, created.statusCode(), created.body());
    JsonNode key = JSON.readTree(created.body());
    return new String[] {key.path("key").asText(), key.path("id").asText()};
  }

  private static HttpResponse<String> chat(URI gateway, String key) {
    String body =
        "{\"model\":\"echo\",\"max_tokens\":19,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    return Clients.post(gateway, "/v1/chat/completions", key, body);
  }

  private static String code(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("error").path("code").asText();
  }
}
