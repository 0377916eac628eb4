package dev.polder.runtime.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code polder.mcp.*}: the MCP endpoint and the registry of upstream MCP servers. */
public interface McpConfig {

  /** Serve {@code /mcp}. */
  @WithDefault("true")
  boolean enabled();

  /** A session unused this long is forgotten (the client must initialize again). */
  @WithDefault("30m")
  Duration sessionIdle();

  /** Most sessions held at once; initialize is refused beyond it. */
  @WithDefault("10000")
  int maxSessions();

  /** Upstream MCP servers by name; their tools are offered as {@code <name>__<tool>}. */
  Map<String, Server> servers();

  interface Server {
    /** stdio: the program to start (with {@link #args()}); exclusive with {@link #url()}. */
    Optional<String> command();

    Optional<List<String>> args();

    /** Environment variables for the stdio process (in addition to the gateway's). */
    Map<String, String> env();

    /** Working directory of the stdio process. */
    Optional<String> workingDir();

    /** Streamable HTTP: the server's MCP endpoint URL; exclusive with {@link #command()}. */
    Optional<String> url();

    /** Extra HTTP headers sent to an HTTP server (e.g. its own credentials). */
    Map<String, String> headers();

    /** prod, staging or dev: given to policy as {@code request.metadata["mcp-environment"]}. */
    @WithDefault("dev")
    String environment();

    /** internal or external (a tool that sends data out of the domain); given to policy too. */
    @WithDefault("internal")
    String location();

    Timeouts timeouts();

    /** Largest single message accepted from the server; a larger one fails the call. */
    @WithDefault("4194304")
    int maxMessageBytes();

    /**
     * When the server is connected: {@code eager} at start-up, in the background (pinned schemas
     * are checked before any call; calls that arrive meanwhile wait for the check), {@code lazy} on
     * first use, {@code auto} eager when a tool of the server has a pinned schema, else lazy.
     */
    @WithDefault("auto")
    String start();

    /** Defaults for every allowed tool of this server. */
    ToolLimits limits();

    /**
     * The allow-list: only these tools are offered ({@code "*"} allows every tool the server has,
     * with {@link #limits()}). Empty: the server offers nothing.
     */
    Map<String, Tool> tools();
  }

  interface Timeouts {
    /** Starting the server / initialize handshake. */
    @WithDefault("30s")
    Duration connect();

    /** One request (tools/call, tools/list, ...). */
    @WithDefault("30s")
    Duration call();
  }

  interface ToolLimits {
    /**
     * Calls of one tool in flight at once, across all callers of this node (per node: it protects
     * the local process and its connection to the server).
     */
    @WithDefault("16")
    int concurrency();

    /**
     * Calls of one tool per fixed UTC minute, across all callers and every node of the cluster
     * (counted in the shared limit counters, like the LLM request limits); 0 = unlimited.
     */
    @WithDefault("0")
    int ratePerMinute();
  }

  interface Tool {
    Optional<Integer> concurrency();

    Optional<Integer> ratePerMinute();

    /** Call timeout for this tool; the server's when absent. */
    Optional<Duration> timeout();

    /**
     * SHA-256 (hex) of the tool's input schema as reviewed; a server offering another schema gets
     * the tool disabled until the pin is updated. The gateway logs the current hash of every tool.
     */
    Optional<String> pinnedSchemaSha256();

    /** Per argument, a JSON Schema fragment (as JSON text) the argument must also satisfy. */
    Map<String, String> constraints();
  }
}
