package dev.polder.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.state.LoopbackPorts;
import dev.polder.runtime.support.GatewayProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three gateway processes (the packaged application, each in its own JVM) form one Infinispan
 * cluster over loopback TCP. Concurrent requests spread over them: a limit of N admits exactly N.
 * Then a node is killed (SIGKILL): the team that spent its budget stays refused on the others.
 *
 * <p>Runs in failsafe after {@code package}; no timing is asserted, only generous deadlines.
 */
class ClusterLimitsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RATED_KEY = "cluster-rated-" + UUID.randomUUID();
  private static final String BUDGET_KEY = "cluster-budget-" + UUID.randomUUID();
  private static final int LIMIT = 20;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<GatewayProcess> nodes = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void stopNodes() throws InterruptedException {
    GatewayProcess.closeAll(nodes);
  }

  @Test
  void threeNodesEnforceOneLimitAndKeepTheCountsWhenANodeLeaves() throws Exception {
    String cluster = "polder-it-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.pick(3);
    // The first node becomes coordinator; the others join it (no merge of three singletons).
    nodes.add(start(0, cluster, ports));
    nodes.get(0).awaitUp(RATED_KEY);
    nodes.add(start(1, cluster, ports));
    nodes.add(start(2, cluster, ports));
    nodes.get(1).awaitUp(RATED_KEY);
    nodes.get(2).awaitUp(RATED_KEY);
    nodes.get(0).awaitLog("cluster view of 3 members");

    // Concurrent load over the three nodes against one key's limit of N per minute.
    awayFromTheEndOfAMinute();
    String minute = Windows.minute(Instant.now());
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> refusals = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 3 * LIMIT; i++) {
      GatewayProcess node = nodes.get(i % 3);
      calls.add(pool.submit(() -> chat(node, RATED_KEY, 5)));
    }
    for (Future<HttpResponse<String>> call : calls) {
      HttpResponse<String> response = call.get(3, TimeUnit.MINUTES);
      statuses.merge(response.statusCode(), 1, Integer::sum);
      if (response.statusCode() == 429) {
        refusals.add(response.body());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
      }
    }
    pool.shutdown();
    assertEquals(
        minute,
        Windows.minute(Instant.now()),
        "the burst crossed a minute boundary (each minute has its own window): run again");
    assertEquals(Map.of(200, LIMIT, 429, 2 * LIMIT), statuses, "statuses " + statuses);
    for (String refusal : refusals) {
      assertEquals(
          "rate_limit_exceeded", JSON.readTree(refusal).path("error").path("code").asText());
    }

    // A team spends its daily budget through node 0; every node then refuses it.
    int served = 0;
    HttpResponse<String> last;
    do {
      last = chat(nodes.get(0), BUDGET_KEY, 19);
      if (last.statusCode() == 200) {
        served++;
        // The after-route settles once the response has ended; give it a moment on this node
        // (a call that starts before it is only refused earlier, never admitted wrongly).
        Thread.sleep(500);
      }
    } while (last.statusCode() == 200 && served < 20);
    assertEquals("budget_exceeded", code(last), last.body());
    assertTrue(served >= 1 && served < 20, "served " + served);
    for (GatewayProcess node : nodes) {
      assertEquals("budget_exceeded", code(chat(node, BUDGET_KEY, 19)), "before the kill");
    }

    // Node 0 (the coordinator) dies without a word; the two others keep the counts.
    nodes.remove(0).kill();
    nodes.get(0).awaitLog("cluster view of 2 members");
    nodes.get(1).awaitLog("cluster view of 2 members");
    for (GatewayProcess node : nodes) {
      HttpResponse<String> after = chat(node, BUDGET_KEY, 19);
      assertEquals(429, after.statusCode(), after.body());
      assertEquals("budget_exceeded", code(after), "after the kill, on " + node.uri());
    }
  }

  private GatewayProcess start(int index, String cluster, List<Integer> ports) throws IOException {
    Map<String, String> properties =
        new LinkedHashMap<>(GatewayProcess.clusterNode(cluster, ports, index));
    properties.putAll(GatewayProcess.key("rated", RATED_KEY, "rated-team", "echo"));
    properties.put("polder.limits.keys.rated.requests-per-minute", Integer.toString(LIMIT));
    properties.putAll(GatewayProcess.key("budget", BUDGET_KEY, "budgeted", "echo"));
    // The echo backend reports 19 + 19 tokens for these calls: 0.038 a call at 1000 per million.
    properties.put("polder.prices.echo.input", "1000");
    properties.put("polder.prices.echo.output", "1000");
    properties.put("polder.limits.teams.budgeted.budget.day", "0.1");
    return GatewayProcess.start(dir.resolve("node" + index), properties);
  }

  private HttpResponse<String> chat(GatewayProcess node, String key, int maxTokens)
      throws Exception {
    String body =
        "{\"model\":\"echo\",\"max_tokens\":"
            + maxTokens
            + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    HttpRequest request =
        HttpRequest.newBuilder(node.uri().resolve("/v1/chat/completions"))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String code(HttpResponse<String> response) throws IOException {
    JsonNode error = JSON.readTree(response.body()).path("error");
    return error.path("code").asText(response.statusCode() + "");
  }

  /** Rate windows are UTC minutes: start the burst early in one. */
  private static void awayFromTheEndOfAMinute() throws InterruptedException {
    long second = Instant.now().getEpochSecond() % 60;
    if (second > 30) {
      Thread.sleep((61 - second) * 1000);
    }
  }
}
