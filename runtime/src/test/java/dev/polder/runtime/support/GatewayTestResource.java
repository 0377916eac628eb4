package dev.polder.runtime.support;

import dev.polder.runtime.identity.ApiKeyRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the upstreams and configures the gateway around them: one application start shared by
 * every {@code @QuarkusTest} of the default profile. Injects the {@link Upstreams} into fields of
 * that type.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String KEY_ALL = "test-key-all";
  public static final String KEY_LIMITED = "test-key-limited";

  /** An agent key with the role {@code payments} (MCP tool {@code payments__refund}). */
  public static final String KEY_PAYMENTS = "test-key-payments";

  private Upstreams upstreams;
  private RoutesCopy routes;
  private Path mcpFolder;

  @Override
  public Map<String, String> start() {
    upstreams = new Upstreams();
    routes = RoutesCopy.of(Path.of("../routes"));
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.http.test-port", "0");
    // A copy of the repository's routes, so a test can change a route and watch it reload.
    config.put("polder.routes.path", routes.folder().toString());
    config.put("polder.routes.reload", "true");
    config.put("test.hook-url", upstreams.get("e").baseUrl());
    config.put("polder.decision.rules-path", "../rules");
    config.put("polder.decision.policies-path", "../policies");
    config.put("polder.decision.reload", "false");
    config.put("polder.limits.max-body-bytes", "65536");
    config.put("polder.limits.max-json-depth", "32");
    key(config, "all", KEY_ALL, "svc-all", "platform", "*", true);
    key(config, "limited", KEY_LIMITED, "svc-limited", "research", "echo,priority", false);
    key(config, "payments", KEY_PAYMENTS, "agent-payments", "finance", "*", false);
    config.put("polder.auth.keys.payments.roles", "payments");
    mcpPayments(config);
    for (String name : Upstreams.NAMES) {
      String prefix = "polder.backends." + name + ".";
      config.put(prefix + "provider", "vllm");
      config.put(prefix + "url", upstreams.get(name).baseUrl());
      config.put(prefix + "retry.max-attempts", "1");
      config.put(prefix + "timeouts.first-byte", "1s");
      config.put(prefix + "timeouts.idle", "1s");
      config.put(prefix + "circuit-breaker.consecutive-failures", "3");
      config.put(prefix + "circuit-breaker.open-duration", "1s");
    }
    config.put("polder.backends.external.provider", "openai");
    config.put("polder.backends.external.url", upstreams.get("e").baseUrl());
    config.put("polder.backends.external.location", "external");
    config.put("polder.backends.external.api-key", "sk-upstream-secret");
    model(config, "weighted", "a:1:0", "b:3:0");
    model(config, "priority", "a:1:0", "b:1:1");
    model(config, "hang", "c:1:0");
    model(config, "hang-failover", "c:1:0", "b:1:1");
    model(config, "circuit", "d:1:0", "b:1:1");
    model(config, "sticky", "a:1:0", "b:1:0");
    config.put("polder.models.sticky.sticky.enabled", "true");
    config.put("polder.models.sticky.sticky.ttl", "1m");
    model(config, "fast", "a:1:0", "b:1:0");
    config.put("polder.models.fast.strategy", "latency");
    model(config, "with-fallback", "c:1:0");
    config.put("polder.models.with-fallback.fallback[0]", "b");
    model(config, "outside", "external:1:0");
    model(config, "plain", "a:1:0");
    return config;
  }

  private static void key(
      Map<String, String> config,
      String name,
      String key,
      String principal,
      String team,
      String models,
      boolean egress) {
    String prefix = "polder.auth.keys." + name + ".";
    config.put(prefix + "sha256", ApiKeyRegistry.sha256Hex(key));
    config.put(prefix + "principal", principal);
    config.put(prefix + "team", team);
    config.put(prefix + "models", models);
    config.put(prefix + "egress", Boolean.toString(egress));
  }

  /** A payments MCP server (stdio, started on first use) for the MCP compliance specs. */
  private void mcpPayments(Map<String, String> config) {
    try {
      mcpFolder = java.nio.file.Files.createTempDirectory("polder-mcp-payments");
      java.util.List<String> command =
          dev.polder.connectors.testing.MisbehavingMcpServer.command(mcpFolder);
      config.put("polder.mcp.servers.payments.command", command.get(0));
      config.put("polder.mcp.servers.payments.args[0]", command.get(1));
      config.put("polder.mcp.servers.payments.environment", "prod");
      config.put("polder.mcp.servers.payments.tools.refund.rate-per-minute", "100");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Targets as {@code backend:weight:priority}. */
  private static void model(Map<String, String> config, String name, String... targets) {
    for (int i = 0; i < targets.length; i++) {
      String[] parts = targets[i].split(":");
      String prefix = "polder.models." + name + ".targets[" + i + "].";
      config.put(prefix + "backend", parts[0]);
      config.put(prefix + "weight", parts[1]);
      config.put(prefix + "priority", parts[2]);
    }
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(upstreams, new TestInjector.MatchesType(Upstreams.class));
    injector.injectIntoFields(routes, new TestInjector.MatchesType(RoutesCopy.class));
  }

  @Override
  public void stop() {
    if (upstreams != null) {
      upstreams.close();
    }
    if (routes != null) {
      routes.delete();
    }
    if (mcpFolder != null) {
      mcpFolder.resolve("misbehaving-mcp-server.js").toFile().delete();
      mcpFolder.toFile().delete();
    }
  }
}
