package dev.polder.connectors.mcp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach one upstream MCP server: a command started as a child process speaking JSON-RPC over
 * stdio, or a Streamable HTTP URL. Limits keep a misbehaving server from hurting the gateway.
 *
 * @param connectTimeout start-up and {@code initialize} handshake
 * @param callTimeout default for one request; a request may ask for less or more
 * @param maxMessageBytes largest single message (stdio line, HTTP body or SSE event) accepted
 */
public record McpServerSpec(
    String name,
    List<String> command,
    Map<String, String> env,
    Optional<Path> workingDirectory,
    Optional<URI> url,
    Map<String, String> headers,
    Duration connectTimeout,
    Duration callTimeout,
    int maxMessageBytes) {

  public McpServerSpec {
    command = List.copyOf(command == null ? List.of() : command);
    env = Map.copyOf(env == null ? Map.of() : env);
    headers = Map.copyOf(headers == null ? Map.of() : headers);
    workingDirectory = workingDirectory == null ? Optional.empty() : workingDirectory;
    url = url == null ? Optional.empty() : url;
    if (command.isEmpty() == url.isEmpty()) {
      throw new IllegalArgumentException(
          "exactly one of command (stdio) and url (Streamable HTTP) is required");
    }
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("max-message-bytes must be at least 1024");
    }
  }

  public static McpServerSpec stdio(String name, List<String> command, Map<String, String> env) {
    return new McpServerSpec(
        name,
        command,
        env,
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        4 << 20);
  }

  public static McpServerSpec http(String name, URI url) {
    return new McpServerSpec(
        name,
        List.of(),
        Map.of(),
        Optional.empty(),
        Optional.of(url),
        Map.of(),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        4 << 20);
  }

  public boolean stdio() {
    return url.isEmpty();
  }

  public McpServerSpec withTimeouts(Duration connect, Duration call) {
    return new McpServerSpec(
        name, command, env, workingDirectory, url, headers, connect, call, maxMessageBytes);
  }

  public McpServerSpec withMaxMessageBytes(int max) {
    return new McpServerSpec(
        name, command, env, workingDirectory, url, headers, connectTimeout, callTimeout, max);
  }

  public McpServerSpec withWorkingDirectory(Path dir) {
    return new McpServerSpec(
        name,
        command,
        env,
        Optional.of(dir),
        url,
        headers,
        connectTimeout,
        callTimeout,
        maxMessageBytes);
  }
}
