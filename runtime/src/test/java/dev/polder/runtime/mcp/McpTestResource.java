package dev.polder.runtime.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.testing.MisbehavingMcpServer;
import dev.polder.connectors.testing.NpmMcpServers;
import dev.polder.runtime.identity.ApiKeyRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Registers real MCP servers from npm with the gateway under test: server-everything over stdio
 * ({@code everything}) and Streamable HTTP ({@code remote}), server-filesystem confined to a
 * temporary folder ({@code files}), server-memory ({@code memory}), and a misbehaving stdio server
 * ({@code flaky}). Policies are a copy of the shipped ones whose {@code tools_by_role} names these
 * servers' tools; API keys carry the roles.
 */
public class McpTestResource implements QuarkusTestResourceLifecycleManager {
  public static final String DEVELOPER = "mcp-key-developer";
  public static final String ANALYST = "mcp-key-analyst";
  public static final String ADMIN = "mcp-key-admin";
  public static final String NOBODY = "mcp-key-nobody";

  /** The pin the test registry gives get-env: not its schema's hash, so the tool is disabled. */
  public static final String WRONG_PIN = "0".repeat(64);

  private Path root;
  private NpmMcpServers.Running remote;

  @Override
  public Map<String, String> start() {
    try {
      root = Files.createTempDirectory("polder-mcp-test");
      Path files = Files.createDirectories(root.resolve("files"));
      Files.writeString(files.resolve("hello.txt"), "hello from the allowed folder");
      Path policies = copy(Path.of("../policies"), root.resolve("policies"));
      patchSettings(policies.resolve("data.json"), files);
      remote = NpmMcpServers.everythingOverHttp();

      Map<String, String> config = new HashMap<>();
      config.put("polder.decision.policies-path", policies.toString());
      key(config, "developer", DEVELOPER, "agent-dev", "developer");
      key(config, "analyst", ANALYST, "agent-analyst", "analyst");
      key(config, "admin", ADMIN, "agent-admin", "admin");
      key(config, "nobody", NOBODY, "agent-nobody", "app");

      stdio(config, "everything", NpmMcpServers.command("mcp-server-everything", "stdio"));
      config.put("polder.mcp.servers.everything.tools.\"*\".concurrency", "8");
      config.put("polder.mcp.servers.everything.tools.get-sum.rate-per-minute", "3");
      config.put("polder.mcp.servers.everything.tools.get-env.pinned-schema-sha256", WRONG_PIN);
      config.put("polder.mcp.servers.everything.tools.echo.concurrency", "8");
      config.put(
          "polder.mcp.servers.everything.tools.trigger-long-running-operation.concurrency", "2");

      config.put("polder.mcp.servers.remote.url", remote.url().toString());
      config.put("polder.mcp.servers.remote.environment", "staging");
      config.put("polder.mcp.servers.remote.tools.echo.concurrency", "4");
      config.put("polder.mcp.servers.remote.tools.get-sum.concurrency", "4");

      // The same HTTP server again, connected at start-up with a pin its echo does not match:
      // no test calls it, so only the start-up check can flag it.
      config.put("polder.mcp.servers.pinned.url", remote.url().toString());
      config.put("polder.mcp.servers.pinned.start", "eager");
      config.put("polder.mcp.servers.pinned.tools.echo.pinned-schema-sha256", WRONG_PIN);

      stdio(config, "files", NpmMcpServers.command("mcp-server-filesystem", files.toString()));
      config.put("polder.mcp.servers.files.tools.\"*\".concurrency", "4");

      stdio(config, "memory", NpmMcpServers.command("mcp-server-memory"));
      config.put(
          "polder.mcp.servers.memory.env.MEMORY_FILE_PATH",
          root.resolve("memory.jsonl").toString());
      config.put("polder.mcp.servers.memory.tools.\"*\".concurrency", "4");

      stdio(config, "flaky", MisbehavingMcpServer.command(root));
      config.put("polder.mcp.servers.flaky.timeouts.call", "2s");
      config.put("polder.mcp.servers.flaky.max-message-bytes", "1048576");
      config.put("polder.mcp.servers.flaky.tools.act.concurrency", "4");
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stdio(Map<String, String> config, String name, List<String> command) {
    String prefix = "polder.mcp.servers." + name + ".";
    config.put(prefix + "command", command.get(0));
    for (int i = 1; i < command.size(); i++) {
      config.put(prefix + "args[" + (i - 1) + "]", command.get(i));
    }
    config.put(prefix + "timeouts.connect", "60s");
  }

  private static void key(
      Map<String, String> config, String name, String key, String principal, String role) {
    String prefix = "polder.auth.keys." + name + ".";
    config.put(prefix + "sha256", ApiKeyRegistry.sha256Hex(key));
    config.put(prefix + "principal", principal);
    config.put(prefix + "roles", role);
    config.put(prefix + "environment", "dev");
  }

  private static void patchSettings(Path dataJson, Path allowedFolder) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode data = (ObjectNode) json.readTree(dataJson.toFile());
    ObjectNode settings = (ObjectNode) data.path("polder").path("settings");
    settings.put(
        "shared_folder_pattern", "^" + java.util.regex.Pattern.quote(allowedFolder.toString()));
    ObjectNode roles = settings.putObject("tools_by_role");
    roles
        .putArray("developer")
        .add("echo")
        .add("get-sum")
        .add("get-env")
        .add("trigger-long-running-operation")
        .add("list_directory")
        .add("list_allowed_directories")
        .add("read_text_file")
        .add("create_entities")
        .add("read_graph")
        .add("act")
        .add("resources")
        .add("prompts");
    roles.putArray("analyst").add("echo").add("read_text_file");
    roles
        .putArray("admin")
        .add("echo")
        .add("write_file")
        .add("list_directory")
        .add("read_text_file");
    json.writerWithDefaultPrettyPrinter().writeValue(dataJson.toFile(), data);
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path source : all.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }

  /** After the default test resource, so this one's policies path wins. */
  @Override
  public int order() {
    return 1000;
  }

  @Override
  public void stop() {
    if (remote != null) {
      remote.close();
    }
    if (root != null) {
      try (Stream<Path> all = Files.walk(root)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // Temporary files only.
      }
    }
  }
}
