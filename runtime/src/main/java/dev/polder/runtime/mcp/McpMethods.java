package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.mcp.McpProtocol;
import dev.polder.connectors.mcp.McpUpstreamException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The MCP methods the gateway answers. Tools go through {@link ToolGovernance}; resources and
 * prompts of upstream servers pass through namespaced ({@code <server>__<name>}, resource URIs as
 * {@code polder://<server>/<upstream uri>}) for callers whom the tool-access decision allows the
 * pseudo-tool {@code resources} or {@code prompts} of that server.
 */
@ApplicationScoped
public class McpMethods {
  private static final Logger LOG = Logger.getLogger(McpMethods.class);
  static final String RESOURCE_PREFIX = "polder://";

  private final ToolGovernance tools;
  private final McpRegistry registry;

  @Inject
  public McpMethods(ToolGovernance tools, McpRegistry registry) {
    this.tools = tools;
    this.registry = registry;
  }

  static ObjectNode initializeResult(String version) {
    ObjectNode result = ToolSchemas.JSON.createObjectNode().put("protocolVersion", version);
    ObjectNode capabilities = result.putObject("capabilities");
    capabilities.putObject("tools").put("listChanged", true);
    capabilities.putObject("resources").put("listChanged", false);
    capabilities.putObject("prompts").put("listChanged", false);
    result.putObject("serverInfo").put("name", "polder").put("version", "0.1.0");
    result.put(
        "instructions",
        "Polder MCP gateway: tools of the registered servers, named <server>__<tool>, as policy allows.");
    return result;
  }

  /**
   * Answers one request (not initialize).
   *
   * @param notify sends a notification to the caller (progress), when the transport can
   * @throws McpError as the JSON-RPC error to answer with
   */
  JsonNode answer(
      McpCaller caller,
      String requestId,
      String method,
      JsonNode params,
      Consumer<JsonNode> notify) {
    params = params == null || params.isNull() ? ToolSchemas.JSON.createObjectNode() : params;
    return switch (method) {
      case "ping" -> ToolSchemas.JSON.createObjectNode();
      case "tools/list" -> {
        ObjectNode result = ToolSchemas.JSON.createObjectNode();
        ArrayNode list = result.putArray("tools");
        tools.list(caller, requestId).forEach(list::add);
        yield result;
      }
      case "tools/call" -> tools.call(caller, requestId, params, progressRelay(params, notify));
      case "resources/list" ->
          aggregate(caller, requestId, "resources", "resources/list", "resources");
      case "resources/templates/list" ->
          aggregate(
              caller, requestId, "resources", "resources/templates/list", "resourceTemplates");
      case "prompts/list" -> aggregate(caller, requestId, "prompts", "prompts/list", "prompts");
      case "resources/read" -> readResource(caller, requestId, params);
      case "prompts/get" -> getPrompt(caller, requestId, params);
      case "logging/setLevel" -> ToolSchemas.JSON.createObjectNode();
      default -> throw new McpError(McpError.METHOD_NOT_FOUND, "Method not found: " + method);
    };
  }

  /** Progress of the upstream call reaches the caller under the caller's own token. */
  private static Consumer<JsonNode> progressRelay(JsonNode params, Consumer<JsonNode> notify) {
    JsonNode token = params.path("_meta").get("progressToken");
    if (token == null || notify == null) {
      return null;
    }
    return upstream -> {
      ObjectNode relayed = upstream.deepCopy();
      ((ObjectNode) relayed.get("params")).set("progressToken", token);
      notify.accept(relayed);
    };
  }

  private JsonNode aggregate(
      McpCaller caller, String requestId, String kind, String method, String field) {
    ObjectNode result = ToolSchemas.JSON.createObjectNode();
    ArrayNode out = result.putArray(field);
    for (ServerTools server : registry.servers()) {
      try {
        if (!server.upstream().initializeResult().path("capabilities").has(kind)
            || !tools.mayUseServer(caller, server, kind, requestId)) {
          continue;
        }
        JsonNode page =
            server.upstream().request(method, null, server.config().timeouts().call(), null);
        for (JsonNode item : page.path(field)) {
          ObjectNode copy = item.deepCopy();
          if (copy.has("name")) {
            copy.put("name", server.name() + RegisteredTool.SEPARATOR + copy.get("name").asText());
          }
          if (copy.has("uri")) {
            copy.put("uri", RESOURCE_PREFIX + server.name() + "/" + copy.get("uri").asText());
          }
          if (copy.has("uriTemplate")) {
            copy.put(
                "uriTemplate",
                RESOURCE_PREFIX + server.name() + "/" + copy.get("uriTemplate").asText());
          }
          out.add(copy);
        }
      } catch (McpUpstreamException e) {
        LOG.warnf("MCP server %s left out of %s: %s", server.name(), method, e.getMessage());
      }
    }
    return result;
  }

  private JsonNode readResource(McpCaller caller, String requestId, JsonNode params) {
    String uri = params.path("uri").asText("");
    if (!uri.startsWith(RESOURCE_PREFIX) || uri.indexOf('/', RESOURCE_PREFIX.length()) < 0) {
      throw new McpError(McpError.INVALID_PARAMS, "Unknown resource: " + uri);
    }
    int slash = uri.indexOf('/', RESOURCE_PREFIX.length());
    ServerTools server =
        allowed(
            caller,
            requestId,
            uri.substring(RESOURCE_PREFIX.length(), slash),
            "resources",
            "Unknown resource: " + uri);
    String original = uri.substring(slash + 1);
    ObjectNode upstream = ToolSchemas.JSON.createObjectNode().put("uri", original);
    JsonNode result = forward(server, "resources/read", upstream);
    ObjectNode copy = result.deepCopy();
    for (JsonNode content : copy.path("contents")) {
      if (content instanceof ObjectNode c && c.has("uri")) {
        c.put("uri", RESOURCE_PREFIX + server.name() + "/" + c.get("uri").asText());
      }
    }
    return copy;
  }

  private JsonNode getPrompt(McpCaller caller, String requestId, JsonNode params) {
    String name = params.path("name").asText("");
    int cut = name.indexOf(RegisteredTool.SEPARATOR);
    if (cut <= 0) {
      throw new McpError(McpError.INVALID_PARAMS, "Unknown prompt: " + name);
    }
    ServerTools server =
        allowed(caller, requestId, name.substring(0, cut), "prompts", "Unknown prompt: " + name);
    ObjectNode upstream = params.deepCopy();
    upstream.put("name", name.substring(cut + 2));
    return forward(server, "prompts/get", upstream);
  }

  private ServerTools allowed(
      McpCaller caller, String requestId, String serverName, String kind, String unknown) {
    ServerTools server =
        registry
            .server(serverName)
            .orElseThrow(() -> new McpError(McpError.INVALID_PARAMS, unknown));
    if (!tools.mayUseServer(caller, server, kind, requestId)) {
      throw new McpError(
          McpError.DENIED,
          "The " + kind + " of MCP server " + serverName + " are denied by policy");
    }
    return server;
  }

  private static JsonNode forward(ServerTools server, String method, JsonNode params) {
    try {
      return server.upstream().request(method, params, server.config().timeouts().call(), null);
    } catch (McpUpstreamException e) {
      throw new McpError(
          e.kind() == McpUpstreamException.Kind.ERROR && e.code() == McpError.INVALID_PARAMS
              ? McpError.INVALID_PARAMS
              : McpError.UPSTREAM,
          "MCP server " + server.name() + ": " + e.getMessage());
    }
  }

  static String negotiate(JsonNode params) {
    return McpProtocol.negotiate(
        params == null ? null : params.path("protocolVersion").asText(null));
  }
}
