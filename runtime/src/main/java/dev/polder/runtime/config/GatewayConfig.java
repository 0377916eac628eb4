package dev.polder.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
  }

  interface Auth {
    /** Accept the well-known demo key {@code polder-demo-key}; announced with a WARN at start. */
    @WithDefault("false")
    boolean demoKeyEnabled();

    /** API keys by a name of the operator's choice (the name is never a secret). */
    Map<String, ApiKey> keys();
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

    /** Virtual models this key may use; {@code *} allows all. */
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
  }
}
