package dev.polder.runtime.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.audit.AuditRecord;
import dev.polder.runtime.limits.Charge;
import dev.polder.runtime.limits.LimitCounters;
import dev.polder.runtime.limits.ToolRates;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The MCP gateway with the official Java SDK client against real npm MCP servers: listing by role,
 * calls over stdio and Streamable HTTP, denial, schema violations, redaction, limits, pins and
 * audit.
 */
@QuarkusTest
@TestProfile(McpProfile.class)
class McpGatewayTest {

  @TestHTTPResource("/")
  URI gateway;

  @Inject McpAudit audit;
  @Inject McpRegistry registry;
  @Inject LimitCounters counters;

  private Set<String> toolNames(String key) {
    try (McpSyncClient client = McpClients.connect(gateway, key)) {
      return client.listTools().tools().stream()
          .map(McpSchema.Tool::name)
          .collect(Collectors.toSet());
    }
  }

  static String text(McpSchema.CallToolResult result) {
    return result.content().stream()
        .filter(c -> c instanceof McpSchema.TextContent)
        .map(c -> ((McpSchema.TextContent) c).text())
        .collect(Collectors.joining("\n"));
  }

  static McpError error(Runnable call) {
    return assertThrows(McpError.class, call::run);
  }

  @Test
  void listingIsFilteredByRoleAndNamespacedByServer() {
    Set<String> developer = toolNames(McpTestResource.DEVELOPER);
    assertTrue(
        developer.containsAll(
            Set.of(
                "everything__echo",
                "everything__get-sum",
                "remote__echo",
                "files__list_directory",
                "memory__create_entities",
                "memory__read_graph",
                "flaky__act")),
        developer.toString());
    assertFalse(developer.contains("files__write_file"), developer.toString());
    assertFalse(developer.contains("remote__get-env"), "not on the remote allow-list");

    Set<String> analyst = toolNames(McpTestResource.ANALYST);
    assertTrue(
        analyst.containsAll(Set.of("everything__echo", "remote__echo", "files__read_text_file")),
        analyst.toString());
    assertFalse(analyst.contains("everything__get-sum"), analyst.toString());

    assertEquals(Set.of(), toolNames(McpTestResource.NOBODY));
  }

  @Test
  void callsReachStdioAndHttpServers() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      assertEquals(
          "Echo: over stdio",
          text(
              client.callTool(
                  new McpSchema.CallToolRequest(
                      "everything__echo", Map.of("message", "over stdio")))));
      assertEquals(
          "Echo: over http",
          text(
              client.callTool(
                  new McpSchema.CallToolRequest("remote__echo", Map.of("message", "over http")))));
      assertTrue(
          text(client.callTool(
                  new McpSchema.CallToolRequest("remote__get-sum", Map.of("a", 2, "b", 40))))
              .contains("42"));
    }
  }

  @Test
  void aCallThePolicyDeniesIsAnErrorAndAudited() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.ANALYST)) {
      McpError denied =
          error(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest(
                          "everything__get-sum", Map.of("a", 1, "b", 2))));
      assertEquals(-32001, denied.getJsonRpcError().code());
      assertTrue(denied.getMessage().contains("denied by policy"), denied.getMessage());
    }
    AuditRecord record = last("agent-analyst", "everything__get-sum");
    assertEquals(403, record.status());
    assertTrue(record.error().contains("denied by policy"));
    assertFalse(record.decision().bundleHash().isBlank());
  }

  @Test
  void argumentsThatBreakTheSchemaOrUnknownToolsAreInvalidParams() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      McpError missing =
          error(() -> client.callTool(new McpSchema.CallToolRequest("everything__echo", Map.of())));
      assertEquals(-32602, missing.getJsonRpcError().code());
      assertTrue(
          missing.getMessage().contains("Invalid arguments for tool everything__echo"),
          missing.getMessage());
      assertTrue(missing.getMessage().contains("message"), missing.getMessage());

      McpError wrongType =
          error(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest(
                          "everything__get-sum", Map.of("a", "two", "b", 1))));
      assertEquals(-32602, wrongType.getJsonRpcError().code());

      McpError unknown =
          error(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest("everything__no-such-tool", Map.of())));
      assertEquals(-32602, unknown.getJsonRpcError().code());
      assertTrue(unknown.getMessage().contains("Unknown tool: everything__no-such-tool"));
    }
  }

  @Test
  void personalDataInAResultIsRedactedBeforeItReachesTheAgent() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      String answer =
          text(
              client.callTool(
                  new McpSchema.CallToolRequest(
                      "everything__echo",
                      Map.of("message", "Reach Alice at alice.smith@example.org today"))));
      assertFalse(answer.contains("alice.smith@example.org"), answer);
      assertTrue(answer.startsWith("Echo: Reach "), answer);
    }
    AuditRecord record = last("agent-dev", "everything__echo");
    assertTrue(record.findings().containsKey("EMAIL_ADDRESS"), record.findings().toString());
    assertFalse(record.redactions().isEmpty());
  }

  @Test
  void aSecretInTheArgumentsIsNeverSent() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      McpError denied =
          error(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest(
                          "everything__echo",
                          Map.of("message", "deploy with AKIAIOSFODNN7EXAMPLE please"))));
      assertEquals(-32001, denied.getJsonRpcError().code());
      assertTrue(denied.getMessage().contains("AWS_ACCESS_KEY"), denied.getMessage());
    }
  }

  @Test
  void theFilesystemServerStaysInItsFolderAndPolicyConstrainsReads() {
    try (McpSyncClient admin = McpClients.connect(gateway, McpTestResource.ADMIN);
        McpSyncClient dev = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      String folder =
          text(dev.callTool(
                  new McpSchema.CallToolRequest("files__list_allowed_directories", Map.of())))
              .lines()
              .filter(l -> l.startsWith("/"))
              .findFirst()
              .orElse("");
      String listing =
          text(
              dev.callTool(
                  new McpSchema.CallToolRequest("files__list_directory", Map.of("path", folder))));
      assertTrue(listing.contains("hello.txt"), listing);

      McpSchema.CallToolResult inside =
          admin.callTool(
              new McpSchema.CallToolRequest(
                  "files__write_file", Map.of("path", folder + "/new.txt", "content", "written")));
      assertFalse(Boolean.TRUE.equals(inside.isError()), text(inside));

      McpSchema.CallToolResult outside =
          admin.callTool(
              new McpSchema.CallToolRequest(
                  "files__write_file",
                  Map.of(
                      "path",
                      "/tmp/polder-outside-" + System.nanoTime() + ".txt",
                      "content",
                      "x")));
      assertTrue(Boolean.TRUE.equals(outside.isError()), text(outside));
      assertTrue(text(outside).contains("outside allowed directories"), text(outside));

      McpError constrained =
          error(
              () ->
                  dev.callTool(
                      new McpSchema.CallToolRequest(
                          "files__read_text_file", Map.of("path", "/etc/hostname"))));
      assertEquals(-32001, constrained.getJsonRpcError().code());
      assertTrue(constrained.getMessage().contains("constraints"), constrained.getMessage());
      assertTrue(
          text(dev.callTool(
                  new McpSchema.CallToolRequest(
                      "files__read_text_file", Map.of("path", folder + "/hello.txt"))))
              .contains("hello from the allowed folder"));
    }
  }

  @Test
  void theMemoryServerKeepsWhatItIsTold() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      client.callTool(
          new McpSchema.CallToolRequest(
              "memory__create_entities",
              Map.of(
                  "entities",
                  List.of(
                      Map.of(
                          "name",
                          "Polder",
                          "entityType",
                          "project",
                          "observations",
                          List.of("a gateway"))))));
      assertTrue(
          text(client.callTool(new McpSchema.CallToolRequest("memory__read_graph", Map.of())))
              .contains("Polder"));
    }
  }

  @Test
  void aToolsRateLimitIsCountedInTheSharedCountersSoItHoldsOverTheCluster() throws Exception {
    awayFromTheEndOfAMinute();
    // Another node of the cluster called get-sum once this minute: its call counts here too.
    String counter = ToolRates.counter("everything", "get-sum", Instant.now());
    counters.add(
        new Charge(counter, Charge.Kind.REQUESTS, "tool everything__get-sum", 1, 3, 180_000, 60));
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      for (int i = 0; i < 2; i++) {
        client.callTool(
            new McpSchema.CallToolRequest("everything__get-sum", Map.of("a", i, "b", 1)));
      }
      McpError limited =
          error(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest(
                          "everything__get-sum", Map.of("a", 9, "b", 1))));
      assertEquals(-32002, limited.getJsonRpcError().code());
      assertTrue(
          limited.getMessage().contains("Rate limit of 3 calls per minute"), limited.getMessage());
      assertEquals(
          "Echo: still fine",
          text(
              client.callTool(
                  new McpSchema.CallToolRequest(
                      "everything__echo", Map.of("message", "still fine")))));
    }
    assertEquals(3, counters.value(Charge.Kind.REQUESTS, counter));
    assertEquals(429, last("agent-dev", "everything__get-sum").status());
  }

  private static void awayFromTheEndOfAMinute() throws InterruptedException {
    long second = Instant.now().getEpochSecond() % 60;
    if (second > 45) {
      Thread.sleep((61 - second) * 1000);
    }
  }

  @Test
  void aCrashedStdioServerIsStartedAgain() throws Exception {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      assertEquals(
          "Echo: before",
          text(
              client.callTool(
                  new McpSchema.CallToolRequest("everything__echo", Map.of("message", "before")))));
      List<ProcessHandle> servers =
          ProcessHandle.current()
              .descendants()
              .filter(
                  p -> p.info().commandLine().orElse("").contains("mcp-server-everything stdio"))
              .toList();
      assertEquals(1, servers.size(), "one everything stdio server");
      servers.get(0).destroyForcibly();
      servers.get(0).onExit().get();
      int before = registry.server("everything").orElseThrow().upstream().reconnects();
      assertEquals(
          "Echo: after",
          text(
              client.callTool(
                  new McpSchema.CallToolRequest("everything__echo", Map.of("message", "after")))));
      assertEquals(before + 1, registry.server("everything").orElseThrow().upstream().reconnects());
    }
  }

  @Test
  void aMisbehavingServerFailsItsCallsNotTheGateway() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      McpError huge =
          error(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest("flaky__act", Map.of("what", "huge"))));
      assertEquals(-32003, huge.getJsonRpcError().code());
      assertTrue(huge.getMessage().contains("over the limit"), huge.getMessage());
      McpError hang =
          error(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest("flaky__act", Map.of("what", "hang"))));
      assertTrue(hang.getMessage().contains("did not answer within 2000 ms"), hang.getMessage());
      McpError crash =
          error(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest("flaky__act", Map.of("what", "crash"))));
      assertTrue(crash.getMessage().contains("exit code 3"), crash.getMessage());
      assertEquals(
          "ok",
          text(
              client.callTool(
                  new McpSchema.CallToolRequest("flaky__act", Map.of("what", "garbage")))));
      assertEquals(
          "Echo: alive",
          text(
              client.callTool(
                  new McpSchema.CallToolRequest("everything__echo", Map.of("message", "alive")))));
    }
    assertEquals(
        504,
        last(
                "agent-dev",
                "flaky__act",
                r -> r.error() != null && r.error().contains("did not answer"))
            .status());
  }

  @Test
  void aToolWhoseSchemaDiffersFromItsPinIsDisabledAndFlagged() {
    assertFalse(toolNames(McpTestResource.DEVELOPER).contains("everything__get-env"));
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      McpError disabled =
          error(
              () ->
                  client.callTool(new McpSchema.CallToolRequest("everything__get-env", Map.of())));
      assertEquals(-32004, disabled.getJsonRpcError().code());
      assertTrue(
          disabled.getMessage().contains("changed from the pinned one"), disabled.getMessage());
    }
    assertTrue(registry.flaggedTools().getOrDefault("everything", Map.of()).containsKey("get-env"));
  }

  @Test
  void aServerWithAPinIsCheckedAtStartUpBeforeAnyCall() throws Exception {
    // No test calls pinned__echo: only the start-up check can have found that its pin differs.
    Map<String, String> flagged =
        registry.startUpCheck("pinned").orElseThrow().get(120, TimeUnit.SECONDS);
    assertTrue(
        flagged.getOrDefault("echo", "").contains("changed from the pinned one"),
        flagged.toString());
    assertTrue(registry.flaggedTools().getOrDefault("pinned", Map.of()).containsKey("echo"));
    assertTrue(registry.startUpCheck("everything").isPresent(), "a pin makes 'auto' eager");
    assertTrue(registry.startUpCheck("memory").isEmpty(), "no pin: 'auto' stays lazy");
  }

  @Test
  void namesInArgumentsAndResultsAreFoundByTheNerDetectorLikeInPrompts() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      String answer =
          text(
              client.callTool(
                  new McpSchema.CallToolRequest(
                      "everything__echo",
                      Map.of("message", "Please send the contract to Maria Garcia tomorrow"))));
      assertFalse(answer.contains("Maria Garcia"), answer);
      assertTrue(answer.startsWith("Echo: Please send the contract to "), answer);
    }
    AuditRecord record = last("agent-dev", "everything__echo");
    // Once in the arguments, once in the echoed result.
    assertEquals(2, record.findings().getOrDefault("PERSON", 0), record.findings().toString());
    assertTrue(
        record.redactions().stream().anyMatch(r -> r.entityType().equals("PERSON")),
        record.redactions().toString());
  }

  @Test
  void progressOfALongCallReachesTheCaller() {
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    try (McpSyncClient client =
        McpClients.connect(gateway, McpTestResource.DEVELOPER, progress::add)) {
      McpSchema.CallToolResult result =
          client.callTool(
              new McpSchema.CallToolRequest(
                  "everything__trigger-long-running-operation",
                  Map.of("duration", 1, "steps", 2),
                  Map.of("progressToken", "my-token")));
      assertTrue(text(result).contains("completed"), text(result));
    }
    assertFalse(progress.isEmpty(), "progress notifications relayed");
    assertEquals("my-token", String.valueOf(progress.get(0).progressToken()));
  }

  @Test
  void resourcesAndPromptsPassThroughNamespacedForCallersAllowedThem() {
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      List<McpSchema.Resource> resources = client.listResources().resources();
      McpSchema.Resource first =
          resources.stream()
              .filter(r -> r.uri().startsWith("polder://everything/"))
              .findFirst()
              .orElseThrow();
      McpSchema.ReadResourceResult read =
          client.readResource(new McpSchema.ReadResourceRequest(first.uri()));
      assertFalse(read.contents().isEmpty());
      List<McpSchema.Prompt> prompts = client.listPrompts().prompts();
      assertTrue(
          prompts.stream().anyMatch(p -> p.name().startsWith("everything__")), prompts.toString());
    }
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.ANALYST)) {
      assertTrue(client.listResources().resources().isEmpty());
    }
  }

  @Test
  void everyToolCallIsAudited() {
    int before = audit.recent().size();
    try (McpSyncClient client = McpClients.connect(gateway, McpTestResource.DEVELOPER)) {
      client.callTool(
          new McpSchema.CallToolRequest("everything__echo", Map.of("message", "audited")));
      error(() -> client.callTool(new McpSchema.CallToolRequest("everything__echo", Map.of())));
      error(() -> client.callTool(new McpSchema.CallToolRequest("nowhere__tool", Map.of())));
    }
    List<AuditRecord> records = audit.recent();
    assertTrue(records.size() >= Math.min(256, before + 3));
    AuditRecord ok = last("agent-dev", "everything__echo", r -> r.status() == 200);
    assertEquals("mcp/tools/call", ok.endpoint());
    assertEquals("everything", ok.backend());
    assertTrue(ok.decision().steps().size() >= 1, ok.decision().toString());
  }

  private AuditRecord last(String principal, String tool) {
    return last(principal, tool, r -> true);
  }

  private AuditRecord last(
      String principal, String tool, java.util.function.Predicate<AuditRecord> also) {
    List<AuditRecord> records = audit.recent();
    for (int i = records.size() - 1; i >= 0; i--) {
      AuditRecord r = records.get(i);
      if (principal.equals(r.principal()) && tool.equals(r.virtualModel()) && also.test(r)) {
        return r;
      }
    }
    throw new AssertionError(
        "no audit record of " + principal + " calling " + tool + " in " + records);
  }
}
