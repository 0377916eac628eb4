package dev.polder.runtime.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.connectors.testing.Behaviours;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** x-polder-request-id, x-polder-decision and x-polder-backend on answers, streams and errors. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class PolderHeadersTest {

  static final Pattern DECISION =
      Pattern.compile(
          "(allow|deny); level=(public|internal|confidential|restricted); egress=(true|false);"
              + " bundle=[0-9a-f]{12}");

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;

  @Test
  void completeAnswerCarriesAllThree() {
    HttpResponse<String> response =
        Clients.post(
            gateway, "/v1/chat/completions", GatewayTestResource.KEY_ALL, Clients.chat("plain"));
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("x-polder-request-id").isPresent());
    assertEquals("a", response.headers().firstValue("x-polder-backend").orElse(null));
    String decision = response.headers().firstValue("x-polder-decision").orElse("");
    assertTrue(DECISION.matcher(decision).matches(), decision);
    assertTrue(decision.startsWith("allow; level=internal; egress="), decision);
  }

  @Test
  void streamCarriesAllThree() {
    HttpResponse<String> response =
        Clients.post(
            gateway,
            "/v1/chat/completions",
            GatewayTestResource.KEY_ALL,
            "{\"model\":\"plain\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("[DONE]"), response.body());
    assertTrue(response.headers().firstValue("x-polder-request-id").isPresent());
    assertEquals("a", response.headers().firstValue("x-polder-backend").orElse(null));
    String decision = response.headers().firstValue("x-polder-decision").orElse("");
    assertTrue(DECISION.matcher(decision).matches(), decision);
  }

  @Test
  void backendErrorNamesTheBackendAndTheDecision() {
    upstreams.get("a").enqueue(Behaviours.error(500, "scripted failure"));
    HttpResponse<String> response =
        Clients.post(
            gateway, "/v1/chat/completions", GatewayTestResource.KEY_ALL, Clients.chat("plain"));
    assertEquals(502, response.statusCode(), response.body());
    assertEquals("a", response.headers().firstValue("x-polder-backend").orElse(null));
    assertTrue(
        DECISION.matcher(response.headers().firstValue("x-polder-decision").orElse("")).matches());
  }

  @Test
  void refusalForTheKeysEgressStillCarriesTheDecision() {
    HttpResponse<String> response =
        Clients.post(
            gateway,
            "/v1/chat/completions",
            "compliance-no-egress",
            "{\"model\":\"external-only\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertEquals(403, response.statusCode());
    assertTrue(response.headers().firstValue("x-polder-request-id").isPresent());
    // The refusal came from select-backend after policy allowed: the decision header says what
    // policy decided, and no backend is named.
    assertTrue(response.headers().firstValue("x-polder-decision").isPresent());
    assertTrue(response.headers().firstValue("x-polder-backend").isEmpty());
  }

  @Test
  void refusalBeforeAnyDecisionHasOnlyTheRequestId() {
    HttpResponse<String> response =
        Clients.post(gateway, "/v1/chat/completions", "wrong-key", Clients.chat("plain"));
    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("x-polder-request-id").isPresent());
    assertTrue(response.headers().firstValue("x-polder-decision").isEmpty());
  }
}
