package dev.polder.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.identity.ApiKeyRegistry;
import dev.polder.runtime.state.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
  private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
  private static final String RATED_KEY = "cluster-rated-" + UUID.randomUUID();
  private static final String BUDGET_KEY = "cluster-budget-" + UUID.randomUUID();
  private static final int LIMIT = 20;
  private static final Duration START = Duration.ofMinutes(4);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<Node> nodes = new ArrayList<>();

  @TempDir Path dir;

  private record Node(Process process, URI uri, Path log) {}

  @AfterEach
  void stopNodes() throws InterruptedException {
    for (Node node : nodes) {
      node.process().destroy();
    }
    for (Node node : nodes) {
      if (!node.process().waitFor(30, TimeUnit.SECONDS)) {
        node.process().destroyForcibly();
      }
    }
  }

  @Test
  void threeNodesEnforceOneLimitAndKeepTheCountsWhenANodeLeaves() throws Exception {
    assertTrue(Files.isRegularFile(APP), APP.toAbsolutePath() + " is missing: run mvn package");
    String cluster = "polder-it-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.pick(3);
    // The first node becomes coordinator; the others join it (no merge of three singletons).
    nodes.add(start(0, cluster, ports));
    awaitUp(nodes.get(0));
    nodes.add(start(1, cluster, ports));
    nodes.add(start(2, cluster, ports));
    awaitUp(nodes.get(1));
    awaitUp(nodes.get(2));
    awaitLog(nodes.get(0), "cluster view of 3 members");

    // Concurrent load over the three nodes against one key's limit of N per minute.
    awayFromTheEndOfAMinute();
    String minute = Windows.minute(Instant.now());
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> refusals = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 3 * LIMIT; i++) {
      Node node = nodes.get(i % 3);
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
    for (Node node : nodes) {
      assertEquals("budget_exceeded", code(chat(node, BUDGET_KEY, 19)), "before the kill");
    }

    // Node 0 (the coordinator) dies without a word; the two others keep the counts.
    Node dead = nodes.remove(0);
    dead.process().destroyForcibly();
    dead.process().waitFor(30, TimeUnit.SECONDS);
    awaitLog(nodes.get(0), "cluster view of 2 members");
    awaitLog(nodes.get(1), "cluster view of 2 members");
    for (Node node : nodes) {
      HttpResponse<String> after = chat(node, BUDGET_KEY, 19);
      assertEquals(429, after.statusCode(), after.body());
      assertEquals("budget_exceeded", code(after), "after the kill, on " + node.uri());
    }
  }

  private Node start(int index, String cluster, List<Integer> ports) throws IOException {
    int httpPort = LoopbackPorts.any();
    Path work = Files.createDirectories(dir.resolve("node" + index));
    Path log = work.resolve("out.log");
    Path repo = Path.of("..").toAbsolutePath().normalize();
    String members =
        ports.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(","));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    property(command, "quarkus.http.host", "127.0.0.1");
    property(command, "quarkus.http.port", Integer.toString(httpPort));
    property(command, "polder.routes.path", repo.resolve("routes").toString());
    property(command, "polder.routes.reload", "false");
    property(command, "polder.decision.rules-path", repo.resolve("rules").toString());
    property(command, "polder.decision.policies-path", repo.resolve("policies").toString());
    property(command, "polder.decision.reload", "false");
    // A loaded test machine: decisions that time out would fail closed (403), which is not the
    // subject here.
    property(command, "polder.decision.point-timeout", "60s");
    property(command, "polder.auth.demo-key-enabled", "false");
    property(command, "polder.state.cluster", "true");
    property(command, "polder.state.cluster-name", cluster);
    property(command, "polder.state.port", Integer.toString(ports.get(index)));
    property(command, "polder.state.members", members);
    key(command, "rated", RATED_KEY, "rated-team");
    property(command, "polder.limits.keys.rated.requests-per-minute", Integer.toString(LIMIT));
    key(command, "budget", BUDGET_KEY, "budgeted");
    // The echo backend reports 19 + 19 tokens for these calls: 0.038 a call at 1000 per million.
    property(command, "polder.prices.echo.input", "1000");
    property(command, "polder.prices.echo.output", "1000");
    property(command, "polder.limits.teams.budgeted.budget.day", "0.1");
    command.add("-jar");
    command.add(APP.toAbsolutePath().toString());
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new Node(process, URI.create("http://127.0.0.1:" + httpPort), log);
  }

  private static void key(List<String> command, String name, String key, String team) {
    String prefix = "polder.auth.keys." + name + ".";
    property(command, prefix + "sha256", ApiKeyRegistry.sha256Hex(key));
    property(command, prefix + "principal", "svc-" + name);
    property(command, prefix + "team", team);
    property(command, prefix + "models", "echo");
  }

  private static void property(List<String> command, String name, String value) {
    command.add("-D" + name + "=" + value);
  }

  private HttpResponse<String> chat(Node node, String key, int maxTokens) throws Exception {
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

  private void awaitUp(Node node) throws Exception {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(node.process().isAlive(), "node exited:\n" + tail(node));
      try {
        HttpRequest request =
            HttpRequest.newBuilder(node.uri().resolve("/v1/models"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + RATED_KEY)
                .build();
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("node did not start in " + START + ":\n" + tail(node));
  }

  private void awaitLog(Node node, String text) throws Exception {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(node.log(), StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no '" + text + "' in the log of " + node.uri() + ":\n" + tail(node));
  }

  private static String tail(Node node) {
    try {
      List<String> lines = Files.readAllLines(node.log(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Rate windows are UTC minutes: start the burst early in one. */
  private static void awayFromTheEndOfAMinute() throws InterruptedException {
    long second = Instant.now().getEpochSecond() % 60;
    if (second > 30) {
      Thread.sleep((61 - second) * 1000);
    }
  }
}
