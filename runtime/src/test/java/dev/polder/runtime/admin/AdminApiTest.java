package dev.polder.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.identity.ApiKeyRegistry;
import dev.polder.runtime.support.AuditDir;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.TestIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API: keys from creation to revocation, role checks, bundle status, masked config. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class AdminApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = GatewayTestResource.KEY_ADMIN;

  @TestHTTPResource("/")
  URI gateway;

  TestIssuer issuer;
  AuditDir audit;

  private HttpResponse<String> call(String method, String path, String key, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return Clients.send(request.build());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static String code(HttpResponse<String> response, int status) throws Exception {
    JsonNode error = json(response, status).path("error");
    assertTrue(error.path("message").isTextual(), response.toString());
    assertTrue(error.has("type") && error.has("param"), response.body());
    return error.path("code").asText();
  }

  private JsonNode keyListed(String id) throws Exception {
    for (JsonNode key : json(call("GET", "/admin/keys", ADMIN, null), 200).path("data")) {
      if (key.path("id").asText().equals(id)) {
        return key;
      }
    }
    return null;
  }

  @Test
  void createdKeyWorksUntilRevokedAndItsSecretIsShownOnce() throws Exception {
    JsonNode created =
        json(
            call(
                "POST",
                "/admin/keys",
                ADMIN,
                "{\"principal\":\"reporting\",\"team\":\"finance\",\"roles\":[\"app\"],"
                    + "\"models\":[\"plain\",\"echo\"]}"),
            201);
    String id = created.path("id").asText();
    String secret = created.path("key").asText();
    assertTrue(secret.startsWith("pk_" + id + "_"), created.toString());

    assertEquals(
        200,
        Clients.post(gateway, "/v1/chat/completions", secret, Clients.chat("plain")).statusCode());
    assertEquals(
        "model_not_allowed",
        code(Clients.post(gateway, "/v1/chat/completions", secret, Clients.chat("priority")), 403));

    JsonNode listed = keyListed(id);
    assertNotNull(listed);
    assertEquals("active", listed.path("status").asText());
    assertEquals("finance", listed.path("team").asText());
    assertEquals("ops", listed.path("created_by").asText());
    String everything = call("GET", "/admin/keys", ADMIN, null).body();
    assertFalse(everything.contains(secret), "the list shows a secret");
    assertFalse(everything.contains(ApiKeyRegistry.sha256Hex(secret)), "the list shows a hash");

    JsonNode revoked = json(call("DELETE", "/admin/keys/" + id, ADMIN, null), 200);
    assertEquals("revoked", revoked.path("status").asText());
    HttpResponse<String> after =
        Clients.post(gateway, "/v1/chat/completions", secret, Clients.chat("plain"));
    assertEquals("invalid_api_key", code(after, 401));
    assertTrue(after.body().contains("revoked"), after.body());
    assertEquals("revoked", keyListed(id).path("status").asText());
  }

  @Test
  void configuredKeyIsRevokedAtOnce() throws Exception {
    String doomed = GatewayTestResource.KEY_DOOMED;
    assertEquals(
        200,
        Clients.post(gateway, "/v1/chat/completions", doomed, Clients.chat("echo")).statusCode());
    JsonNode revoked = json(call("DELETE", "/admin/keys/doomed", ADMIN, null), 200);
    assertEquals("config", revoked.path("source").asText());
    assertEquals("revoked", revoked.path("status").asText());
    assertEquals(
        "invalid_api_key",
        code(Clients.post(gateway, "/v1/chat/completions", doomed, Clients.chat("echo")), 401));
    assertEquals("ops", keyListed("doomed").path("revoked_by").asText());
  }

  @Test
  void unknownKeyIs404() throws Exception {
    assertEquals("key_not_found", code(call("DELETE", "/admin/keys/nope", ADMIN, null), 404));
  }

  @Test
  void nonAdminIs403AndNoKeyIs401() throws Exception {
    assertEquals(
        "admin_forbidden",
        code(call("GET", "/admin/keys", GatewayTestResource.KEY_ALL, null), 403));
    assertEquals(
        "admin_forbidden",
        code(
            call(
                "POST",
                "/admin/keys",
                GatewayTestResource.KEY_ALL,
                "{\"principal\":\"x\",\"roles\":[\"admin\"]}"),
            403));
    String userToken = issuer.rs256(TestIssuer.claims("eve", List.of("app")));
    assertEquals("admin_forbidden", code(call("GET", "/admin/config", userToken, null), 403));
    assertEquals("invalid_api_key", code(call("GET", "/admin/bundle", null, null), 401));
    assertEquals("invalid_api_key", code(call("GET", "/admin/bundle", "wrong", null), 401));
  }

  @Test
  void everyAdminActionIsAudited() throws Exception {
    json(call("GET", "/admin/bundle", ADMIN, null), 200);
    code(call("GET", "/admin/config", GatewayTestResource.KEY_ALL, null), 403);
    List<JsonNode> records = audit.records();
    assertTrue(
        records.stream()
            .anyMatch(
                r ->
                    r.path("endpoint").asText().equals("/admin/bundle:read")
                        && r.path("principal").asText().equals("ops")
                        && r.path("status").asInt() == 200),
        "allowed action recorded");
    assertTrue(
        records.stream()
            .anyMatch(
                r ->
                    r.path("endpoint").asText().equals("/admin/config:read")
                        && r.path("principal").asText().equals("svc-all")
                        && r.path("status").asInt() == 403
                        && r.path("error").asText().equals("admin_forbidden")),
        "refused action recorded");
  }

  @Test
  void adminRoleFromATokenWorks() throws Exception {
    String adminToken = issuer.rs256(TestIssuer.claims("root", List.of("admin")));
    assertEquals(200, call("GET", "/admin/bundle", adminToken, null).statusCode());
  }

  @Test
  void keyAdminCannotGrantMoreThanItHolds() throws Exception {
    String keyAdmin =
        json(
                call(
                    "POST",
                    "/admin/keys",
                    ADMIN,
                    "{\"principal\":\"key-desk\",\"roles\":[\"key-admin\"]}"),
                201)
            .path("key")
            .asText();
    assertEquals(
        201,
        call("POST", "/admin/keys", keyAdmin, "{\"principal\":\"svc\",\"roles\":[\"app\"]}")
            .statusCode());
    assertEquals(
        "admin_forbidden",
        code(
            call("POST", "/admin/keys", keyAdmin, "{\"principal\":\"svc\",\"roles\":[\"admin\"]}"),
            403));
    assertEquals("admin_forbidden", code(call("GET", "/admin/config", keyAdmin, null), 403));
  }

  @Test
  void badKeyRequestsAre400NamingTheField() throws Exception {
    HttpResponse<String> missing = call("POST", "/admin/keys", ADMIN, "{\"team\":\"x\"}");
    assertEquals("missing_required_parameter", code(missing, 400));
    assertEquals("principal", JSON.readTree(missing.body()).path("error").path("param").asText());
    assertEquals(
        "invalid_value",
        code(
            call("POST", "/admin/keys", ADMIN, "{\"principal\":\"p\",\"models\":[\"nope\"]}"),
            400));
    assertEquals(
        "invalid_type",
        code(call("POST", "/admin/keys", ADMIN, "{\"principal\":\"p\",\"roles\":\"app\"}"), 400));
    assertEquals("invalid_json", code(call("POST", "/admin/keys", ADMIN, "{nope"), 400));
    assertEquals(
        "invalid_value",
        code(
            call(
                "POST",
                "/admin/keys",
                ADMIN,
                "{\"principal\":\"p\",\"expires_at\":\"2001-01-01T00:00:00Z\"}"),
            400));
  }

  @Test
  void bundleStatusShowsTheActiveBundle() throws Exception {
    JsonNode bundle = json(call("GET", "/admin/bundle", ADMIN, null), 200);
    assertEquals("active", bundle.path("state").asText(), bundle.toString());
    assertEquals(64, bundle.path("active_hash").asText().length(), bundle.toString());
    assertTrue(bundle.path("last_problems").isArray());
  }

  @Test
  void readinessReportsTheBundle() throws Exception {
    HttpResponse<String> ready = call("GET", "/q/health/ready", null, null);
    JsonNode health = json(ready, 200);
    JsonNode check = null;
    for (JsonNode c : health.path("checks")) {
      if (c.path("name").asText().equals("policy-bundle")) {
        check = c;
      }
    }
    assertNotNull(check, ready.body());
    assertEquals("UP", check.path("status").asText());
    assertEquals("ACTIVE", check.path("data").path("state").asText());
  }

  @Test
  void configurationIsShownWithSecretsMasked() throws Exception {
    JsonNode properties = json(call("GET", "/admin/config", ADMIN, null), 200).path("properties");
    assertEquals("****", properties.path("polder.backends.external.api-key").asText());
    assertEquals("****", properties.path("polder.auth.keys.admin.sha256").asText());
    assertEquals("****", properties.path("polder.auth.oidc.issuers.shared.secret").asText());
    assertEquals("external", properties.path("polder.backends.external.location").asText());
    assertEquals(
        TestIssuer.ISSUER, properties.path("polder.auth.oidc.issuers.corp.issuer").asText());
    String body = properties.toString();
    assertFalse(body.contains("sk-upstream-secret"), body);
    assertFalse(body.contains(TestIssuer.HS_SECRET), body);
    assertFalse(body.contains(ApiKeyRegistry.sha256Hex(ADMIN)), body);
  }
}
