package dev.polder.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.connectors.testing.Behaviours;
import dev.polder.connectors.testing.VllmLike;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Weights, priority, failover, circuit breaking, stickiness and latency-aware choice. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class RoutingTest {

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;

  @AfterEach
  void reset() {
    upstreams.reset();
  }

  private HttpResponse<String> chat(String model) {
    return chat(model, GatewayTestResource.KEY_ALL, null);
  }

  private HttpResponse<String> chat(String model, String key, String session) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.resolve("/v1/chat/completions"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Clients.chat(model)));
    if (session != null) {
      request.header("x-session-id", session);
    }
    return Clients.send(request.build());
  }

  private static String backend(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return response.headers().firstValue("x-polder-backend").orElseThrow();
  }

  @Test
  void weightsSplitTrafficWithinStatisticalTolerance() {
    Map<String, Integer> served = new HashMap<>();
    int requests = 1000;
    for (int i = 0; i < requests; i++) {
      served.merge(backend(chat("weighted")), 1, Integer::sum);
    }
    double expectedA = requests * 0.25;
    double expectedB = requests * 0.75;
    int a = served.getOrDefault("a", 0);
    int b = served.getOrDefault("b", 0);
    assertEquals(requests, a + b);
    double chiSquare =
        Math.pow(a - expectedA, 2) / expectedA + Math.pow(b - expectedB, 2) / expectedB;
    // 1 degree of freedom, p = 0.001: a correct 1:3 split fails this once in a thousand runs.
    assertTrue(chiSquare < 10.83, "a=" + a + " b=" + b + " chi-square=" + chiSquare);
  }

  @Test
  void lowestPriorityNumberServesWhileHealthy() {
    for (int i = 0; i < 20; i++) {
      assertEquals("a", backend(chat("priority")));
    }
  }

  @Test
  void failsOverToTheNextPriorityOn5xx() {
    int aBefore = upstreams.count("a");
    upstreams.get("a").enqueue(Behaviours.error(500, "boom"));
    assertEquals("b", backend(chat("priority")));
    assertEquals(aBefore + 1, upstreams.count("a"));
  }

  @Test
  void failsOverWhenABackendHangs() {
    upstreams.get("c").enqueue(Behaviours.stall());
    assertEquals("b", backend(chat("hang-failover")));
  }

  @Test
  void explicitFallbackServesWhenEveryTargetFailed() {
    upstreams.get("c").enqueue(Behaviours.error(503, "down"));
    assertEquals("b", backend(chat("with-fallback")));
  }

  @Test
  void circuitOpensAfterRepeatedFailuresAndRecovers() throws InterruptedException {
    upstreams.get("d").fallback(Behaviours.error(500, "broken"));
    int dBefore = upstreams.count("d");
    for (int i = 0; i < 3; i++) {
      assertEquals("b", backend(chat("circuit")));
    }
    assertEquals(dBefore + 3, upstreams.count("d"));
    // Open: d is not even asked.
    for (int i = 0; i < 5; i++) {
      assertEquals("b", backend(chat("circuit")));
    }
    assertEquals(dBefore + 3, upstreams.count("d"));
    // After the open duration (1 s) one probe goes through; d answers again and the circuit closes.
    upstreams.get("d").fallback(new VllmLike());
    Thread.sleep(1200);
    assertEquals("d", backend(chat("circuit")));
    assertEquals("d", backend(chat("circuit")));
    assertEquals(dBefore + 5, upstreams.count("d"));
  }

  @Test
  void stickySessionsStayOnTheirBackend() {
    Set<String> firstChoices = new HashSet<>();
    for (int session = 0; session < 20; session++) {
      String id = "session-" + session + "-" + System.nanoTime();
      String first = backend(chat("sticky", GatewayTestResource.KEY_ALL, id));
      firstChoices.add(first);
      for (int i = 0; i < 5; i++) {
        assertEquals(first, backend(chat("sticky", GatewayTestResource.KEY_ALL, id)), id);
      }
    }
    // Sessions spread over both backends (all 20 on one: probability 2^-19).
    assertEquals(Set.of("a", "b"), firstChoices);
  }

  @Test
  void stickyWithoutSessionHeaderKeysOnTheCaller() {
    String first = backend(chat("sticky", GatewayTestResource.KEY_ALL, null));
    for (int i = 0; i < 10; i++) {
      assertEquals(first, backend(chat("sticky", GatewayTestResource.KEY_ALL, null)));
    }
  }

  @Test
  void latencyAwareChoicePrefersTheFasterBackend() {
    upstreams.get("f").fallback(Behaviours.slow(Duration.ofMillis(150), new VllmLike()));
    for (int i = 0; i < 4; i++) {
      chat("fast"); // both get measured
    }
    for (int i = 0; i < 10; i++) {
      assertEquals("g", backend(chat("fast")));
    }
  }

  @Test
  void externalBackendsOnlyWithEgressAndWithTheBackendsKey() {
    assertEquals("external", backend(chat("outside")));
    assertEquals(
        "Bearer sk-upstream-secret", upstreams.get("e").lastRequest().header("Authorization"));
    HttpResponse<String> denied = chat("outside", "polder-demo-key", null);
    assertEquals(403, denied.statusCode());
    assertTrue(denied.body().contains("\"code\":\"egress_denied\""), denied.body());
  }
}
