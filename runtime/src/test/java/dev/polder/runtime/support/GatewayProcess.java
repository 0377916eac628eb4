package dev.polder.runtime.support;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The packaged gateway ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package}) in a
 * JVM of its own, for failsafe ITs: on loopback, a free HTTP port, the repository's routes, rules
 * and policies, no demo key; configured with {@code -D} properties. Its output goes to {@code
 * out.log} in its working directory. Deadlines are generous and nothing is timed.
 */
public final class GatewayProcess implements AutoCloseable {

  public static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

  /** Start-up on a loaded machine: a JVM, Quarkus, the policy bundle, the cluster join. */
  public static final Duration START = Duration.ofMinutes(4);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final Process process;
  private final URI uri;
  private final Path log;

  private GatewayProcess(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /**
   * Starts a gateway in {@code work} (created if needed) with these {@code polder.*}/{@code
   * quarkus.*} properties on top of the defaults here; returns at once (see {@link #awaitUp}).
   */
  public static GatewayProcess start(Path work, Map<String, String> properties) throws IOException {
    if (!Files.isRegularFile(APP)) {
      throw new IllegalStateException(APP.toAbsolutePath() + " is missing: run mvn package");
    }
    Files.createDirectories(work);
    int httpPort = LoopbackPorts.any();
    Path log = work.resolve("out.log");
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Map<String, String> all = new LinkedHashMap<>();
    all.put("quarkus.http.host", "127.0.0.1");
    all.put("quarkus.http.port", Integer.toString(httpPort));
    all.put("polder.routes.path", repo.resolve("routes").toString());
    all.put("polder.routes.reload", "false");
    all.put("polder.decision.rules-path", repo.resolve("rules").toString());
    all.put("polder.decision.policies-path", repo.resolve("policies").toString());
    all.put("polder.decision.reload", "false");
    // A loaded test machine: decisions that time out would fail closed (403), which is not the
    // subject of these tests.
    all.put("polder.decision.point-timeout", "60s");
    all.put("polder.auth.demo-key-enabled", "false");
    all.putAll(properties);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    all.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-jar");
    command.add(APP.toAbsolutePath().toString());
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    return new GatewayProcess(process, URI.create("http://127.0.0.1:" + httpPort), log);
  }

  /** Properties of node {@code index} of a loopback cluster whose nodes use these JGroups ports. */
  public static Map<String, String> clusterNode(String cluster, List<Integer> ports, int index) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("polder.state.cluster", "true");
    properties.put("polder.state.cluster-name", cluster);
    properties.put("polder.state.port", Integer.toString(ports.get(index)));
    properties.put(
        "polder.state.members",
        ports.stream().map(p -> "127.0.0.1[" + p + "]").collect(Collectors.joining(",")));
    return properties;
  }

  /** Properties of a configured API key {@code name} with that secret, team and models. */
  public static Map<String, String> key(String name, String secret, String team, String models) {
    String prefix = "polder.auth.keys." + name + ".";
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(prefix + "sha256", ApiKeyRegistry.sha256Hex(secret));
    properties.put(prefix + "principal", "svc-" + name);
    properties.put(prefix + "team", team);
    properties.put(prefix + "models", models);
    return properties;
  }

  public URI uri() {
    return uri;
  }

  public Process process() {
    return process;
  }

  /** Waits until {@code GET /v1/models} answers 200 to that key. */
  public void awaitUp(String key) throws Exception {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("gateway exited:\n" + tail());
      }
      try {
        HttpRequest request =
            HttpRequest.newBuilder(uri.resolve("/v1/models"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key)
                .build();
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError("gateway did not start in " + START + ":\n" + tail());
  }

  /** Waits until the log contains the text (e.g. {@code cluster view of 3 members}). */
  public void awaitLog(String text) throws Exception {
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no '" + text + "' in the log of " + uri + ":\n" + tail());
  }

  /** The last lines of the log, for failure messages. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** SIGKILL: the node dies without a word, as in a crash. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** Stops them all at once (each gets SIGTERM before any is waited for). */
  public static void closeAll(List<GatewayProcess> nodes) throws InterruptedException {
    for (GatewayProcess node : nodes) {
      node.process.destroy();
    }
    for (GatewayProcess node : nodes) {
      node.close();
    }
  }
}
