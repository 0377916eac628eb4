package dev.polder.runtime.telemetry;

import dev.polder.connectors.testing.ScriptableUpstream;
import dev.polder.connectors.testing.VllmLike;
import dev.polder.runtime.identity.ApiKeyRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs inside the network namespace of {@link AirGapIT} (only loopback exists there): starts two
 * backends, starts the packaged gateway with every feature on and telemetry left at its defaults,
 * sends traffic, and watches the gateway's sockets during and after it. Prints {@code SOCKET},
 * {@code VIOLATION}, {@code TRAFFIC} and finally {@code DONE} lines for the test to judge.
 *
 * <p>Arguments: the gateway's quarkus-run.jar, the repository root, a scratch directory, and
 * optionally extra gateway settings {@code key=value,...} to see the check fail: {@code TRAP} in a
 * value becomes {@code 127.0.0.1:<port>} of a listener that accepts and never answers (e.g. {@code
 * polder.telemetry.otlp.endpoint=http://TRAP}).
 */
public final class AirGapDriver {

  static final String KEY = "air-gap-key";

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path repo = Path.of(args[1]).toAbsolutePath();
    Path scratch = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
    Vertx vertx = Vertx.vertx();
    ScriptableUpstream internal = ScriptableUpstream.start(vertx, new VllmLike());
    ScriptableUpstream external = ScriptableUpstream.start(vertx, new VllmLike());
    int port = freePort();
    io.vertx.core.net.NetServer trap =
        vertx
            .createNetServer()
            .connectHandler(socket -> {})
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    String trapAddress = "127.0.0.1:" + trap.actualPort();
    List<String> extra =
        args.length > 3 && !args[3].isBlank()
            ? List.of(args[3].replace("TRAP", trapAddress).split(","))
            : List.of();
    Process gateway = startGateway(jar, repo, scratch, port, internal, external, extra);
    int exit = 0;
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      awaitReady(base, gateway, scratch);
      Set<Integer> backends = Set.of(internal.port(), external.port());
      Set<String> seen = new LinkedHashSet<>();
      List<String> violations = new ArrayList<>();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int round = 0; round < 5; round++) {
        for (String[] call : traffic()) {
          HttpResponse<String> response = send(client, base, call[0], call[1], call[2]);
          System.out.println("TRAFFIC " + call[0] + " " + call[1] + " " + response.statusCode());
          watch(gateway.pid(), port, backends, seen, violations);
        }
      }
      // Some background work runs on timers: watch a little longer with no traffic.
      for (int i = 0; i < 20; i++) {
        Thread.sleep(250);
        watch(gateway.pid(), port, backends, seen, violations);
      }
      seen.forEach(s -> System.out.println("SOCKET " + s));
      violations.forEach(v -> System.out.println("VIOLATION " + v));
      System.out.println(
          "BACKEND-REQUESTS " + internal.requests().size() + " " + external.requests().size());
    } catch (Exception e) {
      System.out.println("FAILED " + e);
      exit = 2;
    } finally {
      gateway.destroy();
      gateway.waitFor(30, TimeUnit.SECONDS);
      gateway.destroyForcibly();
      internal.close();
      external.close();
      vertx.close();
    }
    System.out.println("DONE");
    System.exit(exit);
  }

  /** method, path, body (null for GET). */
  private static List<String[]> traffic() {
    String chat =
        "{\"model\":\"local\",\"messages\":[{\"role\":\"user\",\"content\":\"Mail jan@example.org about"
            + " the report\"}]}";
    String stream =
        "{\"model\":\"local\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    String outside =
        "{\"model\":\"outside\",\"messages\":[{\"role\":\"user\",\"content\":\"public text\"}]}";
    String embeddings = "{\"model\":\"local\",\"input\":\"hello\"}";
    return List.of(
        new String[] {"POST", "/v1/chat/completions", chat},
        new String[] {"POST", "/v1/chat/completions", stream},
        new String[] {"POST", "/v1/chat/completions", outside},
        new String[] {"POST", "/v1/embeddings", embeddings},
        new String[] {"POST", "/v1/completions", "{\"model\":\"local\",\"prompt\":\"hi\"}"},
        new String[] {"GET", "/v1/models", null},
        new String[] {"GET", "/metrics", null},
        new String[] {"POST", "/v1/chat/completions", "{not json"});
  }

  private static void watch(
      long pid, int port, Set<Integer> backends, Set<String> seen, List<String> violations)
      throws IOException {
    for (GatewaySockets.Socket socket : GatewaySockets.of(pid)) {
      if (!seen.add(socket.toString())) {
        continue;
      }
      boolean inbound = socket.localPort() == port;
      boolean toBackend =
          GatewaySockets.loopback(socket.remoteHost()) && backends.contains(socket.remotePort());
      if (!(inbound || toBackend)) {
        violations.add(socket.toString());
      }
    }
  }

  private static Process startGateway(
      Path jar,
      Path repo,
      Path scratch,
      int port,
      ScriptableUpstream internal,
      ScriptableUpstream external,
      List<String> extra)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    String[][] settings = {
      {"quarkus.http.host", "127.0.0.1"},
      {"quarkus.http.port", "" + port},
      {"polder.routes.path", repo.resolve("routes").toString()},
      {"polder.decision.rules-path", repo.resolve("rules").toString()},
      {"polder.decision.policies-path", repo.resolve("policies").toString()},
      {"polder.decision.reload", "true"},
      {"polder.routes.reload", "true"},
      {"polder.auth.demo-key-enabled", "false"},
      {"polder.auth.keys.app.sha256", ApiKeyRegistry.sha256Hex(KEY)},
      {"polder.auth.keys.app.principal", "svc-app"},
      {"polder.auth.keys.app.team", "platform"},
      {"polder.auth.keys.app.environment", "prod"},
      {"polder.auth.keys.app.models", "*"},
      {"polder.auth.keys.app.egress", "true"},
      {"polder.backends.internal.provider", "vllm"},
      {"polder.backends.internal.url", "http://127.0.0.1:" + internal.port()},
      {"polder.backends.remote.provider", "openai"},
      {"polder.backends.remote.url", "http://127.0.0.1:" + external.port()},
      {"polder.backends.remote.location", "external"},
      {"polder.backends.remote.api-key", "sk-remote"},
      {"polder.models.local.targets[0].backend", "internal"},
      {"polder.models.local.sticky.enabled", "true"},
      {"polder.models.local.strategy", "latency"},
      {"polder.models.outside.targets[0].backend", "remote"},
      {"polder.models.outside.fallback[0]", "internal"},
      // Telemetry at its defaults, except the scrape endpoint (inbound only).
      {"polder.telemetry.prometheus.enabled", "true"},
    };
    for (String[] setting : settings) {
      command.add("-D" + setting[0] + "=" + setting[1]);
    }
    extra.forEach(setting -> command.add("-D" + setting));
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(scratch.toFile())
            .redirectErrorStream(true)
            .redirectOutput(scratch.resolve("gateway.log").toFile());
    // Nothing from the environment may point telemetry anywhere: defaults only.
    builder
        .environment()
        .keySet()
        .removeIf(
            k -> k.startsWith("OTEL_") || k.startsWith("QUARKUS_") || k.startsWith("POLDER_"));
    return builder.start();
  }

  private static void awaitReady(URI base, Process gateway, Path scratch) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      if (!gateway.isAlive()) {
        throw new IllegalStateException(
            "the gateway exited: " + Files.readString(scratch.resolve("gateway.log")));
      }
      try {
        if (send(client, base, "GET", "/v1/models", null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the gateway did not start");
  }

  private static HttpResponse<String> send(
      HttpClient client, URI base, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + KEY);
    if (body == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
