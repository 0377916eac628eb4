package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polder.connectors.mcp.McpServerSpec;
import dev.polder.connectors.mcp.McpUpstream;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.config.McpConfig;
import io.quarkus.runtime.ShutdownEvent;
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
import java.util.function.Consumer;

/**
 * The registered MCP servers ({@code polder.mcp.servers}). Servers connect on first use (a stdio
 * server is started then, and again after it died); nothing is started at gateway start-up.
 */
@ApplicationScoped
public class McpRegistry {
  private final Map<String, ServerTools> servers = new LinkedHashMap<>();
  private final List<Consumer<JsonNode>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @Inject
  public McpRegistry(GatewayConfig config) {
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

  void stop(@Observes ShutdownEvent event) {
    servers.values().forEach(ServerTools::close);
  }
}
