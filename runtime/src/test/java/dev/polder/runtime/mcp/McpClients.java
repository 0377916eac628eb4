package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/** The official MCP Java SDK client, pointed at the gateway's {@code /mcp} with an API key. */
final class McpClients {
  private McpClients() {}

  static McpSyncClient connect(URI gateway, String key) {
    return connect(gateway, key, p -> {});
  }

  static McpSyncClient connect(
      URI gateway, String key, Consumer<McpSchema.ProgressNotification> progress) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(gateway.resolve("/").toString())
            .endpoint("/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + key))
            .jsonMapper(new JacksonMcpJsonMapper(new ObjectMapper()))
            .build();
    McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(90))
            .initializationTimeout(Duration.ofSeconds(30))
            .progressConsumer(progress)
            .build();
    client.initialize();
    return client;
  }
}
