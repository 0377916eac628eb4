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
  public static final String KEY_ADMIN = "test-key-admin";
  public static final String KEY_RESEARCH = "test-key-research";
  public static final String KEY_DOOMED = "test-key-doomed";
  // Limits and budgets (LimitsTest, features/limits-and-budgets.feature).
  public static final String KEY_RATED = "test-key-rated";
  public static final String KEY_TOKENS = "test-key-tokens";
  public static final String KEY_THRIFTY = "test-key-thrifty";
  public static final String KEY_PAUPER = "test-key-pauper";

  /** An agent key with the role {@code payments} (MCP tool {@code payments__refund}). */
  public static final String KEY_PAYMENTS = "test-key-payments";

  private Upstreams upstreams;
  private RoutesCopy routes;
  private BundleCopy bundle;
  private RecordedBackends recorded;
  private AuditDir audit;
  private TestIssuer issuer;
  private OtlpReceiver otlp;
  private Path mcpFolder;

  @Override
  public Map<String, String> start() {
    upstreams = new Upstreams();
    routes = RoutesCopy.of(Path.of("../routes"));
    otlp = new OtlpReceiver();
    Map<String, String> config = new HashMap<>();
    config.put("quarkus.http.test-port", "0");
    // A copy of the repository's routes, so a test can change a route and watch it reload.
    config.put("polder.routes.path", routes.folder().toString());
    config.put("polder.routes.reload", "true");
    audit = AuditDir.create();
    config.put("polder.audit.directory", audit.folder().toString());
    config.put("test.hook-url", upstreams.get("e").baseUrl());
    // A copy of the repository's bundle, so a compliance spec can add a policy and reload.
    bundle = BundleCopy.of(Path.of("../rules"), Path.of("../policies"));
    config.put("polder.decision.rules-path", bundle.rules().toString());
    config.put("polder.decision.policies-path", bundle.policies().toString());
    config.put("polder.decision.reload", "false");
    config.put("polder.limits.max-body-bytes", "65536");
    config.put("polder.limits.max-json-depth", "32");
    // Small enough that a test attachment can exceed it within the body limit above.
    config.put("polder.detect.attachments.max-decoded-bytes", "16384");
    // Telemetry on: spans and metrics to a real OTLP receiver, and the Prometheus scrape endpoint.
    config.put("polder.telemetry.otlp.endpoint", otlp.baseUrl());
    config.put("polder.telemetry.otlp.metrics-interval", "1s");
    config.put("polder.telemetry.prometheus.enabled", "true");
    key(config, "all", KEY_ALL, "svc-all", "platform", "*", true);
    key(config, "limited", KEY_LIMITED, "svc-limited", "research", "echo,priority", false);
    // Identity and RBAC: an admin key, a key whose role grants two models, OIDC issuers.
    key(config, "admin", KEY_ADMIN, "ops", "platform", "*", false);
    config.put("polder.auth.keys.admin.roles", "admin");
    key(config, "research", KEY_RESEARCH, "notebooks", "research", "*", false);
    config.put("polder.auth.keys.research.roles", "researcher");
    key(config, "doomed", KEY_DOOMED, "svc-doomed", "platform", "*", false);
    config.put("polder.rbac.roles.researcher.models", "priority,echo");
    config.put("polder.rbac.roles.researcher.tools", "files.read_*");
    config.put("polder.rbac.roles.key-admin.admin", "keys:*");
    issuer = new TestIssuer();
    config.putAll(issuer.config());
    limits(config);
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
    // Own backends: latency measured by other tests on a and b must not decide this choice.
    model(config, "fast", "f:1:0", "g:1:0");
    config.put("polder.models.fast.strategy", "latency");
    model(config, "with-fallback", "c:1:0");
    config.put("polder.models.with-fallback.fallback[0]", "b");
    model(config, "outside", "external:1:0");
    model(config, "plain", "a:1:0");
    compliance(config);
    return config;
  }

  /**
   * The compliance specs' world: backends that record every byte they receive, a model that prefers
   * the external one, and callers that differ in environment and egress.
   */
  private void compliance(Map<String, String> config) {
    recorded = RecordedBackends.start();
    backend(config, RecordedBackends.INTERNAL, "vllm", recorded.internal(), "internal");
    backend(config, RecordedBackends.EXTERNAL, "openai", recorded.external(), "external");
    config.put("polder.backends." + RecordedBackends.EXTERNAL + ".api-key", "sk-recorded");
    model(
        config, "governed", RecordedBackends.EXTERNAL + ":1:0", RecordedBackends.INTERNAL + ":1:1");
    model(config, "external-only", RecordedBackends.EXTERNAL + ":1:0");
    String models = "governed,external-only";
    key(config, "c-dev", "compliance-dev", "svc-reports", "analytics", models, true);
    config.put("polder.auth.keys.c-dev.environment", "development");
    key(config, "c-restricted", "compliance-restricted", "svc-ledger", "finance", models, true);
    config.put("polder.auth.keys.c-restricted.environment", "restricted");
    key(config, "c-no-egress", "compliance-no-egress", "svc-hr", "people", models, false);
    config.put("polder.auth.keys.c-no-egress.environment", "development");
  }

  private static void backend(
      Map<String, String> config,
      String name,
      String provider,
      RecordingBackend server,
      String location) {
    String prefix = "polder.backends." + name + ".";
    config.put(prefix + "provider", provider);
    config.put(prefix + "url", server.baseUrl());
    config.put(prefix + "location", location);
    config.put(prefix + "retry.max-attempts", "1");
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

  private static void limits(Map<String, String> config) {
    key(config, "rated", KEY_RATED, "svc-rated", "rated", "plain", false);
    config.put("polder.limits.keys.rated.requests-per-minute", "3");
    key(config, "tokens", KEY_TOKENS, "svc-tokens", "tokens", "plain", false);
    config.put("polder.limits.keys.tokens.tokens-per-minute", "150");
    key(config, "thrifty", KEY_THRIFTY, "svc-thrifty", "thrifty", "plain", false);
    config.put("polder.limits.teams.thrifty.budget.day", "0.0005");
    key(config, "pauper", KEY_PAUPER, "svc-pauper", "pauper", "plain", false);
    config.put("polder.limits.teams.pauper.budget.month", "0.000001");
    // 10 per million tokens on backend a: the upstream's usage (7 + 4 tokens) costs 0.00011.
    config.put("polder.prices.a.input", "10");
    config.put("polder.prices.a.output", "10");
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
    injector.injectIntoFields(bundle, new TestInjector.MatchesType(BundleCopy.class));
    injector.injectIntoFields(recorded, new TestInjector.MatchesType(RecordedBackends.class));
    injector.injectIntoFields(audit, new TestInjector.MatchesType(AuditDir.class));
    injector.injectIntoFields(issuer, new TestInjector.MatchesType(TestIssuer.class));
    injector.injectIntoFields(otlp, new TestInjector.MatchesType(OtlpReceiver.class));
  }

  @Override
  public void stop() {
    if (upstreams != null) {
      upstreams.close();
    }
    if (routes != null) {
      routes.delete();
    }
    if (recorded != null) {
      recorded.close();
    }
    if (bundle != null) {
      bundle.delete();
    }
    if (audit != null) {
      audit.delete();
    }
    if (issuer != null) {
      issuer.delete();
    }
    if (otlp != null) {
      otlp.close();
    }
    if (mcpFolder != null) {
      mcpFolder.resolve("misbehaving-mcp-server.js").toFile().delete();
      mcpFolder.toFile().delete();
    }
  }
}
