package dev.polder.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.connectors.testing.NpmMcpServers;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code /mcp} on the wire: authentication, protocol-version negotiation, sessions (missing,
 * unknown, deleted), bad JSON-RPC; and the MCP Inspector CLI as a user would run it.
 */
@QuarkusTest
@TestProfile(McpProfile.class)
class McpProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @TestHTTPResource("/mcp")
  URI mcp;

  private HttpResponse<String> post(String key, String session, String version, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(mcp)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    if (version != null) {
      request.header("MCP-Protocol-Version", version);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String initialize(String version) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
        + version
        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  }

  private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

  @Test
  void withoutAKeyTheAnswerIs401InJsonRpcShape() throws Exception {
    HttpResponse<String> response = post(null, null, null, initialize("2025-06-18"));
    assertEquals(401, response.statusCode());
    assertTrue(
        JSON.readTree(response.body())
            .path("error")
            .path("message")
            .asText()
            .contains("Missing API key"));
    assertEquals(401, post("wrong-key", null, null, initialize("2025-06-18")).statusCode());
  }

  @Test
  void theProtocolVersionIsNegotiated() throws Exception {
    HttpResponse<String> known =
        post(McpTestResource.DEVELOPER, null, null, initialize("2025-03-26"));
    assertEquals(
        "2025-03-26", JSON.readTree(known.body()).path("result").path("protocolVersion").asText());
    HttpResponse<String> unknown =
        post(McpTestResource.DEVELOPER, null, null, initialize("1999-01-01"));
    assertEquals(
        "2025-11-25",
        JSON.readTree(unknown.body()).path("result").path("protocolVersion").asText());
    String session = unknown.headers().firstValue("Mcp-Session-Id").orElseThrow();
    HttpResponse<String> badHeader = post(McpTestResource.DEVELOPER, session, "1999-01-01", LIST);
    assertEquals(400, badHeader.statusCode());
    assertTrue(badHeader.body().contains("Unsupported MCP-Protocol-Version"));
  }

  @Test
  void sessionsAreRequiredBoundToTheirKeyAndEndWithDelete() throws Exception {
    HttpResponse<String> missing = post(McpTestResource.DEVELOPER, null, null, LIST);
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("Missing Mcp-Session-Id"));
    assertEquals(404, post(McpTestResource.DEVELOPER, "no-such-session", null, LIST).statusCode());

    String session =
        post(McpTestResource.DEVELOPER, null, null, initialize("2025-06-18"))
            .headers()
            .firstValue("Mcp-Session-Id")
            .orElseThrow();
    assertEquals(
        202,
        post(
                McpTestResource.DEVELOPER,
                session,
                "2025-06-18",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
            .statusCode());
    assertEquals(200, post(McpTestResource.DEVELOPER, session, "2025-06-18", LIST).statusCode());
    assertEquals(
        404,
        post(McpTestResource.ANALYST, session, "2025-06-18", LIST).statusCode(),
        "another key's session");

    HttpResponse<String> deleted =
        HTTP.send(
            HttpRequest.newBuilder(mcp)
                .DELETE()
                .header("Authorization", "Bearer " + McpTestResource.DEVELOPER)
                .header("Mcp-Session-Id", session)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, deleted.statusCode());
    assertEquals(404, post(McpTestResource.DEVELOPER, session, "2025-06-18", LIST).statusCode());
  }

  @Test
  void brokenJsonRpcGetsJsonRpcErrors() throws Exception {
    String session =
        post(McpTestResource.DEVELOPER, null, null, initialize("2025-06-18"))
            .headers()
            .firstValue("Mcp-Session-Id")
            .orElseThrow();
    HttpResponse<String> parse = post(McpTestResource.DEVELOPER, session, null, "{not json");
    assertEquals(400, parse.statusCode());
    assertEquals(-32700, JSON.readTree(parse.body()).path("error").path("code").asInt());
    HttpResponse<String> batch = post(McpTestResource.DEVELOPER, session, null, "[" + LIST + "]");
    assertEquals(-32600, JSON.readTree(batch.body()).path("error").path("code").asInt());
    HttpResponse<String> method =
        post(
            McpTestResource.DEVELOPER,
            session,
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"no/such\"}");
    assertEquals(-32601, JSON.readTree(method.body()).path("error").path("code").asInt());
  }

  @Test
  void theInspectorCliListsAndCallsToolsThroughTheGateway() throws Exception {
    String list = inspector("--method", "tools/list");
    JsonNode tools = JSON.readTree(list).path("tools");
    List<String> names = new ArrayList<>();
    tools.forEach(t -> names.add(t.path("name").asText()));
    assertTrue(names.contains("everything__echo"), names.toString());
    String call =
        inspector(
            "--method",
            "tools/call",
            "--tool-name",
            "everything__echo",
            "--tool-arg",
            "message=from the inspector");
    assertTrue(call.contains("Echo: from the inspector"), call);
  }

  private String inspector(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(NpmMcpServers.command("mcp-inspector-cli"));
    command.addAll(
        List.of(
            "--cli",
            mcp.toString(),
            "--transport",
            "http",
            "--header",
            "Authorization: Bearer " + McpTestResource.DEVELOPER));
    command.addAll(List.of(args));
    // inspector-cli 1.0.3 checks for "../package.json" relative to the working directory but
    // imports
    // it relative to its own build/ folder: start it from there.
    java.nio.file.Path build =
        NpmMcpServers.folder().resolve("node_modules/@modelcontextprotocol/inspector-cli/build");
    Process process = new ProcessBuilder(command).directory(build.toFile()).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "inspector finished");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text + err);
    return text.substring(text.indexOf('{'));
  }
}
