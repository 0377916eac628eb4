package dev.polder.runtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** OIDC bearer tokens against the running gateway: verified offline, claims → roles → models. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class OidcTokenTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI gateway;

  TestIssuer issuer;

  private HttpResponse<String> chat(String token, String model) {
    return Clients.post(gateway, "/v1/chat/completions", token, Clients.chat(model));
  }

  private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertTrue(error.path("message").isTextual(), response.body());
    assertTrue(error.has("type") && error.has("param") && error.has("code"), response.body());
    return error;
  }

  @Test
  void rs256TokenFromTheJwksFileIsAccepted() {
    HttpResponse<String> response =
        chat(issuer.rs256(TestIssuer.claims("alice", List.of("app"))), "plain");
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void es256TokenFromAnInlinePemKeyIsAccepted() {
    HttpResponse<String> response =
        chat(issuer.es256(TestIssuer.claims("bob", List.of("app"))), "plain");
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void hs256TokenWithTheSharedSecretIsAccepted() {
    JwtClaims claims = TestIssuer.claims("batch-job", List.of());
    claims.setIssuer(TestIssuer.HS_ISSUER);
    claims.setClaim("roles", "app");
    HttpResponse<String> response = chat(TestIssuer.hs256(claims), "plain");
    assertEquals(200, response.statusCode(), response.body());
  }

  @Test
  void expiredTokenIs401SayingSo() throws Exception {
    JwtClaims claims = TestIssuer.claims("alice", List.of("app"));
    TestIssuer.expire(claims, Duration.ofMinutes(10));
    JsonNode error = error(chat(issuer.rs256(claims), "plain"), 401);
    assertEquals("invalid_token", error.path("code").asText());
    assertTrue(
        error.path("message").asText().startsWith("Bearer token expired at "), error.toString());
  }

  @Test
  void untrustedIssuerIs401() throws Exception {
    JwtClaims claims = TestIssuer.claims("alice", List.of("app"));
    claims.setIssuer("https://evil.test");
    JsonNode error = error(chat(issuer.rs256(claims), "plain"), 401);
    assertEquals(
        "Bearer token issuer 'https://evil.test' is not trusted", error.path("message").asText());
  }

  @Test
  void tokenSignedWithAnotherKeyIs401() throws Exception {
    JsonNode error =
        error(chat(issuer.forged(TestIssuer.claims("mallory", List.of("app"))), "plain"), 401);
    assertEquals("Bearer token signature is invalid", error.path("message").asText());
  }

  @Test
  void tamperedPayloadIs401() throws Exception {
    String token = issuer.rs256(TestIssuer.claims("alice", List.of("researcher")));
    String[] parts = token.split("\\.");
    JwtClaims admin = TestIssuer.claims("alice", List.of("admin"));
    String forgedPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(admin.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    JsonNode error = error(chat(parts[0] + "." + forgedPayload + "." + parts[2], "plain"), 401);
    assertEquals("Bearer token signature is invalid", error.path("message").asText());
  }

  @Test
  void wrongAudienceIs401() throws Exception {
    JwtClaims claims = TestIssuer.claims("alice", List.of("app"));
    claims.setAudience("another-service");
    JsonNode error = error(chat(issuer.rs256(claims), "plain"), 401);
    assertTrue(error.path("message").asText().contains("audience"), error.toString());
  }

  @Test
  void algorithmNotAllowedForTheIssuerIs401() throws Exception {
    // HS256 with a secret an attacker might guess is not among corp's algorithms (RS256, ES256).
    JwtClaims claims = TestIssuer.claims("alice", List.of("app"));
    JsonNode error = error(chat(TestIssuer.hs256(claims), "plain"), 401);
    assertTrue(error.path("message").asText().contains("algorithm"), error.toString());
  }

  @Test
  void rolesClaimDecidesTheModels() throws Exception {
    String researcher = issuer.rs256(TestIssuer.claims("carol", List.of("researcher")));
    assertEquals(200, chat(researcher, "priority").statusCode());
    JsonNode error = error(chat(researcher, "plain"), 403);
    assertEquals("model_not_allowed", error.path("code").asText());
    assertEquals(
        "Your token is not allowed to use the model 'plain' (roles: researcher)",
        error.path("message").asText());

    HttpResponse<String> models =
        Clients.send(
            HttpRequest.newBuilder(gateway.resolve("/v1/models"))
                .header("Authorization", "Bearer " + researcher)
                .build());
    assertEquals(200, models.statusCode(), models.body());
    List<String> ids = JSON.readTree(models.body()).path("data").findValuesAsText("id");
    assertEquals(List.of("echo", "priority"), ids);
  }

  @Test
  void tokenWithoutRolesMayUseNothing() throws Exception {
    String nobody = issuer.rs256(TestIssuer.claims("dave", List.of()));
    assertEquals("model_not_allowed", error(chat(nobody, "plain"), 403).path("code").asText());
  }
}
