package dev.polder.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything an operator configures under {@code polder.*}: routes folder, request limits, API
 * keys, backends and virtual models. Read from {@code application.yaml}, then {@code
 * config/application.yaml} in the working directory, then environment variables.
 */
@ConfigMapping(prefix = "polder")
public interface GatewayConfig {

  Routes routes();

  Limits limits();

  Auth auth();

  /** Backends by name. */
  Map<String, Backend> backends();

  /** Virtual models by the name clients put in {@code model}. */
  Map<String, VirtualModel> models();

  State state();

  /** Roles and what they grant: models, MCP tools, admin actions. */
  RbacConfig rbac();

  /**
   * Prices per backend (name under {@code polder.backends}) per million tokens, in one currency of
   * the operator's choice; budgets are in the same currency. A backend without a price costs
   * nothing. Nothing is fetched from anywhere.
   */
  Map<String, Price> prices();

  /** The MCP endpoint and its upstream servers ({@link McpConfig}). */
  McpConfig mcp();

  interface Routes {
    /** Folder holding {@code *.camel.yaml}, relative to the working directory. */
    @WithDefault("routes")
    String path();

    /** Reload routes when a file in the folder changes. */
    @WithDefault("true")
    boolean reload();

    /**
     * Run the routes on the Vert.x event loop instead of a worker thread. Saves two thread
     * hand-offs per request, but only for routes whose steps never block (no camel-http etc.).
     */
    @WithDefault("false")
    boolean onEventLoop();
  }

  interface Limits {
    /** Largest request body accepted; larger bodies get 413. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Deepest JSON nesting accepted in a request body. */
    @WithDefault("64")
    int maxJsonDepth();

    /** Per API key, by its name under {@code polder.auth.keys}. */
    Map<String, Rates> keys();

    /** For every key without an entry of its own (each key counted on its own). */
    Optional<Rates> eachKey();

    /** Per team: rates and budgets. */
    Map<String, TeamLimits> teams();

    /** For every team without an entry of its own. */
    Optional<TeamLimits> eachTeam();

    /** Per virtual model, over all callers. */
    Map<String, Rates> models();

    /** For every virtual model without an entry of its own. */
    Optional<Rates> eachModel();

    /** Completion tokens reserved for a request that sets no {@code max_tokens}. */
    @WithDefault("1024")
    int defaultMaxTokens();
  }

  /** Rate limits in fixed one-minute windows (UTC minutes). */
  interface Rates {
    OptionalLong requestsPerMinute();

    /** Prompt plus completion tokens. */
    OptionalLong tokensPerMinute();
  }

  interface TeamLimits extends Rates {
    Budget budget();
  }

  /** Spending caps per UTC day and month, in the currency of {@code polder.prices}. */
  interface Budget {
    Optional<BigDecimal> day();

    Optional<BigDecimal> month();
  }

  /** Price per million tokens. */
  interface Price {
    BigDecimal input();

    BigDecimal output();
  }

  interface Auth {
    /** Accept the well-known demo key {@code polder-demo-key}; announced with a WARN at start. */
    @WithDefault("false")
    boolean demoKeyEnabled();

    /** API keys by a name of the operator's choice (the name is never a secret). */
    Map<String, ApiKey> keys();

    /** OpenID Connect bearer tokens (JWT) from trusted issuers. */
    OidcConfig oidc();
  }

  interface ApiKey {
    /** SHA-256 of the key, 64 hex digits. The key itself is never configured. */
    String sha256();

    /** Principal id, e.g. a service name. */
    String principal();

    @WithDefault("default")
    String team();

    @WithDefault("app")
    List<String> roles();

    @WithDefault("dev")
    String environment();

    /** Virtual models this key may use, within what its roles grant; {@code *}: all of those. */
    @WithDefault("*")
    List<String> models();

    /**
     * Whether this caller's data may go to external backends. Fail closed: without it, targets with
     * {@code location: external} are never called for this key.
     */
    @WithDefault("false")
    boolean egress();
  }

  interface Backend {
    /** openai (vLLM, TGI, SGLang, Ollama, external APIs), kserve, or echo (built in). */
    String provider();

    /** Base URL, e.g. {@code http://vllm:8000}; the connector appends /v1/...; not for echo. */
    Optional<String> url();

    @WithDefault("internal")
    Location location();

    /** Key sent to the backend as {@code Authorization: Bearer}, where it needs one. */
    Optional<String> apiKey();

    /** Model name the backend knows; replaces the request's {@code model} when set. */
    Optional<String> model();

    Timeouts timeouts();

    Retry retry();

    CircuitBreaker circuitBreaker();
  }

  interface Timeouts {
    @WithDefault("5s")
    Duration connect();

    /** Until the response head and, when streaming, the first event. */
    @WithDefault("60s")
    Duration firstByte();

    /** Longest silence between two events of a stream. */
    @WithDefault("60s")
    Duration idle();

    @WithDefault("10m")
    Duration total();
  }

  interface Retry {
    /** Attempts in total on one backend before failing over; 1 = no retry. */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();

    @WithDefault("2.0")
    double multiplier();

    @WithDefault("0.2")
    double jitter();
  }

  interface CircuitBreaker {
    @WithDefault("5")
    int consecutiveFailures();

    @WithDefault("0.5")
    double failureRatio();

    @WithDefault("20")
    int window();

    @WithDefault("10")
    int minimumCalls();

    @WithDefault("30s")
    Duration openDuration();
  }

  enum Location {
    internal,
    external
  }

  interface VirtualModel {
    /** Ordered targets; the preferred ones have the lowest priority number. */
    List<Target> targets();

    /** How to choose among targets of equal priority. */
    @WithDefault("weighted")
    Strategy strategy();

    /** Backends tried, in this order, after every target failed. */
    Optional<List<String>> fallback();

    Sticky sticky();
  }

  enum Strategy {
    weighted,
    latency
  }

  interface Target {
    String backend();

    @WithDefault("1")
    int weight();

    @WithDefault("0")
    int priority();
  }

  interface Sticky {
    @WithDefault("false")
    boolean enabled();

    @WithDefault("10m")
    Duration ttl();

    /** Request header naming the session; without it the caller's principal is the key. */
    @WithDefault("x-session-id")
    String header();
  }

  interface State {
    /** Join a JGroups cluster (loopback by default) instead of running Infinispan alone. */
    @WithDefault("false")
    boolean cluster();

    @WithDefault("127.0.0.1")
    String bindAddress();

    /** JGroups TCP port; failure detection listens on {@code port + 100}. */
    @WithDefault("7800")
    int port();

    /** Nodes join only a cluster of the same name. */
    @WithDefault("polder")
    String clusterName();

    /** How nodes find each other: static (members list), multicast, or dns. */
    @WithDefault("static")
    String discovery();

    /** Static discovery: {@code host[port]} of the nodes, e.g. {@code 10.0.0.5[7800]}. */
    Optional<List<String>> members();

    /** DNS discovery: the name whose records list the nodes (e.g. a headless service). */
    Optional<String> dnsQuery();

    /** An operator's own JGroups stack file; wins over the discovery settings. */
    Optional<String> jgroupsFile();

    /** Copies of each entry: 0 = on every node (replicated), else at least 2 (distributed). */
    @WithDefault("0")
    int owners();

    /**
     * Where this node keeps the durable caches (created keys, revocations, budget spend) in files,
     * so they survive a restart of the whole cluster; unset keeps them in memory. One directory per
     * node.
     */
    Optional<String> directory();
  }
}
