package dev.polder.connectors.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.testing.MisbehavingMcpServer;
import dev.polder.connectors.testing.NpmMcpServers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upstream MCP clients against real servers: server-everything and a misbehaving one. */
class McpUpstreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void stdioListsAndCallsServerEverything() throws Exception {
    try (McpUpstream upstream =
        McpUpstream.open(
            McpServerSpec.stdio(
                "everything", NpmMcpServers.command("mcp-server-everything", "stdio"), Map.of()))) {
      assertTrue(
          McpProtocol.supported(upstream.initializeResult().path("protocolVersion").asText()));
      JsonNode tools = upstream.request("tools/list", null, CALL, null);
      assertTrue(tools.path("tools").toString().contains("\"name\":\"echo\""), tools.toString());
      JsonNode echoed =
          upstream.request("tools/call", call("echo", "message", "hello"), CALL, null);
      assertTrue(echoed.toString().contains("hello"), echoed.toString());
    }
  }

  @Test
  void streamableHttpKeepsItsSessionAndCallsServerEverything() throws Exception {
    try (NpmMcpServers.Running server = NpmMcpServers.everythingOverHttp();
        McpUpstream upstream = McpUpstream.open(McpServerSpec.http("everything", server.url()))) {
      assertTrue(
          McpProtocol.supported(upstream.initializeResult().path("protocolVersion").asText()));
      JsonNode sum = upstream.request("tools/call", sum(2, 3), CALL, null);
      assertTrue(sum.toString().contains("5"), sum.toString());
      JsonNode again = upstream.request("tools/call", call("echo", "message", "twice"), CALL, null);
      assertTrue(again.toString().contains("twice"), again.toString());
      assertEquals(0, upstream.reconnects());
      McpUpstreamException unknown =
          assertThrows(
              McpUpstreamException.class,
              () -> upstream.request("no/such-method", null, CALL, null));
      assertEquals(McpUpstreamException.Kind.ERROR, unknown.kind());
    }
  }

  @Test
  void misbehaviourFailsOneRequestAndTheServerComesBack() throws Exception {
    McpServerSpec spec =
        new McpServerSpec(
            "bad",
            MisbehavingMcpServer.command(dir),
            Map.of(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            Map.of(),
            CALL,
            CALL,
            1 << 20);
    try (McpUpstream upstream = McpUpstream.open(spec)) {
      assertEquals(text(upstream.request("tools/call", act("garbage"), CALL, null)), "ok");

      McpUpstreamException huge =
          assertThrows(
              McpUpstreamException.class,
              () -> upstream.request("tools/call", act("huge"), CALL, null));
      assertEquals(McpUpstreamException.Kind.TOO_LARGE, huge.kind());
      assertEquals("ok", text(upstream.request("tools/call", act("echo"), CALL, null)));
      assertEquals(1, upstream.reconnects());

      McpUpstreamException hang =
          assertThrows(
              McpUpstreamException.class,
              () -> upstream.request("tools/call", act("hang"), Duration.ofMillis(300), null));
      assertEquals(McpUpstreamException.Kind.TIMEOUT, hang.kind());

      McpUpstreamException crash =
          assertThrows(
              McpUpstreamException.class,
              () -> upstream.request("tools/call", act("crash"), CALL, null));
      assertEquals(McpUpstreamException.Kind.UNAVAILABLE, crash.kind());
      assertTrue(crash.getMessage().contains("exit code 3"), crash.getMessage());
      assertEquals("ok", text(upstream.request("tools/call", act("echo"), CALL, null)));
      assertEquals(2, upstream.reconnects());

      List<JsonNode> progress = new CopyOnWriteArrayList<>();
      assertEquals(
          "ok", text(upstream.request("tools/call", act("progress"), CALL, progress::add)));
      assertEquals(2, progress.size(), progress.toString());
    }
  }

  @Test
  void aCommandThatDoesNotExistIsUnavailable() {
    McpUpstream upstream =
        McpUpstream.open(
            McpServerSpec.stdio(
                "none", List.of(dir.resolve("no-such-binary").toString()), Map.of()));
    McpUpstreamException e =
        assertThrows(
            McpUpstreamException.class, () -> upstream.request("tools/list", null, CALL, null));
    assertEquals(McpUpstreamException.Kind.UNAVAILABLE, e.kind());
    upstream.close();
  }

  private static String text(JsonNode result) {
    return result.path("content").path(0).path("text").asText();
  }

  private static ObjectNode act(String what) {
    return call("act", "what", what);
  }

  private static ObjectNode call(String tool, String arg, String value) {
    ObjectNode params = JSON.createObjectNode().put("name", tool);
    params.putObject("arguments").put(arg, value);
    return params;
  }

  private static ObjectNode sum(int a, int b) {
    ObjectNode params = JSON.createObjectNode().put("name", "get-sum");
    params.putObject("arguments").put("a", a).put("b", b);
    return params;
  }
}
