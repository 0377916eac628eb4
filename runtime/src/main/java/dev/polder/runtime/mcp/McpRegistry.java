package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polder.connectors.mcp.McpServerSpec;
import dev.polder.connectors.mcp.McpUpstream;
import dev.polder.connectors.mcp.McpUpstreamException;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.config.McpConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The registered MCP servers ({@code polder.mcp.servers}). Lazy servers connect on first use (a
 * stdio server is started then, and again after it died). Eager ones are connected at start-up on a
 * thread of their own, so that start-up never waits for a slow server, and their tool lists are
 * fetched then: a schema that differs from its pin is flagged before any call. A call that arrives
 * during that check waits for it (as it would for a lazy server's first connection), so no tool is
 * ever called before its schema was compared with its pin.
 */
@ApplicationScoped
public class McpRegistry {
  private static final Logger LOG = Logger.getLogger(McpRegistry.class);

  private final Map<String, ServerTools> servers = new LinkedHashMap<>();
  private final Map<String, CompletableFuture<Map<String, String>>> startUpChecks =
      new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private final boolean enabled;

  @Inject
  public McpRegistry(GatewayConfig config) {
    this.enabled = config.mcp().enabled();
    config.mcp().servers().forEach((name, server) -> servers.put(name, open(name, server)));
  }

  private ServerTools open(String name, McpConfig.Server server) {
    List<String> command = new ArrayList<>();
    server.command().ifPresent(command::add);
    server.args().ifPresent(command::addAll);
    McpServerSpec spec =
        new McpServerSpec(
            name,
            command,
            server.env(),
            server.workingDir().map(Path::of),
            server.url().map(URI::create),
            server.headers(),
            server.timeouts().connect(),
            server.timeouts().call(),
            server.maxMessageBytes());
    McpUpstream upstream = McpUpstream.open(spec);
    ServerTools tools = new ServerTools(name, server, upstream);
    upstream.onNotification(n -> listeners.forEach(l -> l.accept(withServer(name, n))));
    return tools;
  }

  private static JsonNode withServer(String server, JsonNode notification) {
    return ((com.fasterxml.jackson.databind.node.ObjectNode) notification.deepCopy())
        .put("server", server);
  }

  Collection<ServerTools> servers() {
    return servers.values();
  }

  Optional<ServerTools> server(String name) {
    return Optional.ofNullable(servers.get(name));
  }

  /** Receives upstream notifications that belong to no request, with {@code server} added. */
  void onNotification(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  /** Tools whose schema no longer matches its pin, by server, with the reason. */
  public Map<String, Map<String, String>> flaggedTools() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    servers.forEach(
        (name, server) -> {
          if (!server.flagged().isEmpty()) {
            out.put(name, server.flagged());
          }
        });
    return out;
  }

  /** Starts the check of every eager server, each on a daemon thread of its own. */
  void checkEagerServers(@Observes StartupEvent event) {
    if (!enabled) {
      return;
    }
    servers.values().stream().filter(ServerTools::eager).forEach(this::checkInBackground);
  }

  private void checkInBackground(ServerTools server) {
    CompletableFuture<Map<String, String>> done = new CompletableFuture<>();
    startUpChecks.put(server.name(), done);
    Thread check =
        new Thread(
            () -> {
              try {
                int tools = server.tools().size();
                Map<String, String> flagged = server.flagged();
                LOG.infof(
                    "MCP server %s checked at start-up: %d allowed tools, %d flagged",
                    server.name(), tools, flagged.size());
                done.complete(flagged);
              } catch (McpUpstreamException | RuntimeException e) {
                LOG.warnf(
                    "MCP server %s could not be checked at start-up (%s); it is connected and"
                        + " checked on first use",
                    server.name(), e.getMessage());
                done.completeExceptionally(e);
              }
            },
            "polder-mcp-start-" + server.name());
    check.setDaemon(true);
    check.start();
  }

  /**
   * The start-up check of an eager server: completes with the tools it flagged (tool → reason), or
   * exceptionally when the server could not be reached. Empty for a lazy server.
   */
  Optional<CompletableFuture<Map<String, String>>> startUpCheck(String server) {
    return Optional.ofNullable(startUpChecks.get(server));
  }

  void stop(@Observes ShutdownEvent event) {
    servers.values().forEach(ServerTools::close);
  }
}
