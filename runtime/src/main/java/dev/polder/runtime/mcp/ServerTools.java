package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.mcp.McpUpstream;
import dev.polder.connectors.mcp.McpUpstreamException;
import dev.polder.runtime.config.McpConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One registered server: its upstream connection and the allowed tools it offers. The tool list is
 * fetched on first use and again after the server says it changed or reconnected; each fetch
 * compares schemas with the registry's pins.
 */
final class ServerTools {
  private static final Logger LOG = Logger.getLogger(ServerTools.class);

  private final String name;
  private final McpConfig.Server config;
  private final McpUpstream upstream;
  private final Map<String, ToolLimiter> limiters = new ConcurrentHashMap<>();
  private final Map<String, String> flagged = new ConcurrentHashMap<>();
  private volatile Map<String, RegisteredTool> tools;
  private volatile int fetchedAtReconnects = -1;

  ServerTools(String name, McpConfig.Server config, McpUpstream upstream) {
    this.name = name;
    this.config = config;
    this.upstream = upstream;
    upstream.onNotification(
        n -> {
          if (n.path("method").asText().endsWith("/list_changed")) {
            tools = null;
          }
        });
  }

  String name() {
    return name;
  }

  McpConfig.Server config() {
    return config;
  }

  McpUpstream upstream() {
    return upstream;
  }

  /**
   * Whether the server is connected at start-up ({@code start}): {@code auto} means eager exactly
   * when a pinned schema is there to check.
   */
  boolean eager() {
    return switch (config.start()) {
      case "eager" -> true;
      case "lazy" -> false;
      default -> config.tools().values().stream().anyMatch(t -> t.pinnedSchemaSha256().isPresent());
    };
  }

  boolean external() {
    return "external".equals(config.location());
  }

  /** Tools whose schema changed from the pin: tool → reason (until the pin is updated). */
  Map<String, String> flagged() {
    return Map.copyOf(flagged);
  }

  /** The allowed tools (disabled ones included, with their reason). */
  Map<String, RegisteredTool> tools() throws McpUpstreamException {
    Map<String, RegisteredTool> current = tools;
    if (current != null && fetchedAtReconnects == upstream.reconnects()) {
      return current;
    }
    synchronized (this) {
      if (tools == null || fetchedAtReconnects != upstream.reconnects()) {
        tools = fetch();
        fetchedAtReconnects = upstream.reconnects();
      }
      return tools;
    }
  }

  private Map<String, RegisteredTool> fetch() throws McpUpstreamException {
    Map<String, RegisteredTool> out = new LinkedHashMap<>();
    String cursor = null;
    int pages = 0;
    do {
      ObjectNode params = ToolSchemas.JSON.createObjectNode();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonNode page = upstream.request("tools/list", params, config.timeouts().call(), null);
      for (JsonNode tool : page.path("tools")) {
        String tname = tool.path("name").asText("");
        McpConfig.Tool spec = config.tools().get(tname);
        if (tname.isEmpty() || (spec == null && !config.tools().containsKey("*"))) {
          continue;
        }
        out.put(tname, register(tname, (ObjectNode) tool, spec));
      }
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null && ++pages < 100);
    return out;
  }

  private RegisteredTool register(String tool, ObjectNode upstreamDefinition, McpConfig.Tool spec) {
    ObjectNode definition = upstreamDefinition.deepCopy();
    definition.put("name", name + RegisteredTool.SEPARATOR + tool);
    JsonNode inputSchema = definition.path("inputSchema");
    String fingerprint = ToolSchemas.fingerprint(inputSchema);
    String disabled = null;
    String pin = spec == null ? null : spec.pinnedSchemaSha256().orElse(null);
    if (pin == null) {
      LOG.debugf("MCP tool %s__%s: input schema sha256 %s (not pinned)", name, tool, fingerprint);
    } else if (!pin.equals(fingerprint)) {
      disabled =
          "the input schema of "
              + name
              + RegisteredTool.SEPARATOR
              + tool
              + " changed from the pinned one (pinned "
              + pin.substring(0, 12)
              + "…, now "
              + fingerprint
              + "); the tool is disabled until the pin is reviewed";
      if (flagged.put(tool, disabled) == null) {
        LOG.warnf("MCP server %s: %s", name, disabled);
      }
    } else {
      flagged.remove(tool);
    }
    com.networknt.schema.Schema schema;
    try {
      schema =
          ToolSchemas.compile(
              inputSchema.isObject() ? inputSchema : ToolSchemas.JSON.createObjectNode());
    } catch (RuntimeException e) {
      schema = null;
      disabled =
          disabled != null
              ? disabled
              : "the server's input schema of " + tool + " does not compile: " + e.getMessage();
    }
    Map<String, List<JsonNode>> constraints = new LinkedHashMap<>();
    if (spec != null) {
      spec.constraints()
          .forEach(
              (argument, fragment) -> {
                try {
                  constraints
                      .computeIfAbsent(argument, a -> new ArrayList<>())
                      .add(ToolSchemas.JSON.readTree(fragment));
                } catch (IOException e) {
                  throw new IllegalStateException("validated at start-up", e);
                }
              });
    }
    int concurrency =
        spec != null && spec.concurrency().isPresent()
            ? spec.concurrency().get()
            : config.limits().concurrency();
    int rate =
        spec != null && spec.ratePerMinute().isPresent()
            ? spec.ratePerMinute().get()
            : config.limits().ratePerMinute();
    ToolLimiter limiter = limiters.computeIfAbsent(tool, t -> new ToolLimiter(concurrency, rate));
    Duration timeout =
        spec != null && spec.timeout().isPresent()
            ? spec.timeout().get()
            : config.timeouts().call();
    return new RegisteredTool(
        name, tool, definition, schema, fingerprint, constraints, limiter, timeout, disabled);
  }

  void close() {
    upstream.close();
  }
}
