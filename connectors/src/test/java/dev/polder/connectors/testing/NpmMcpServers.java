package dev.polder.connectors.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The MCP servers from the npm registry that tests start, installed in {@code mcp-servers/} at the
 * repository root ({@code npm ci} there; {@code .ci/run} does it). Fails, never skips, when they
 * are missing.
 */
public final class NpmMcpServers {
  private NpmMcpServers() {}

  public static Path folder() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mcp-servers/package.json"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "mcp-servers/package.json not found above the working directory");
    }
    Path folder = dir.resolve("mcp-servers");
    if (!Files.isDirectory(folder.resolve("node_modules/@modelcontextprotocol"))) {
      throw new IllegalStateException(
          "The MCP test servers are not installed: run `npm ci --prefix "
              + folder
              + "` (or .ci/run) before the tests");
    }
    return folder;
  }

  /** {@code node <bin>} for a package's executable, e.g. {@code mcp-server-everything}. */
  public static List<String> command(String bin, String... args) {
    Path script = folder().resolve("node_modules/.bin").resolve(bin);
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(List.of(args));
    return command;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** server-everything over Streamable HTTP on a free loopback port; close it when done. */
  public static Running everythingOverHttp() throws IOException {
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(command("mcp-server-everything", "streamableHttp"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(Map.of("PORT", Integer.toString(port)));
    Process process = builder.start();
    Instant until = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(until)) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return new Running(process, URI.create("http://127.0.0.1:" + port + "/mcp"));
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IOException("server-everything exited with " + process.exitValue());
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
    }
    process.destroyForcibly();
    throw new IOException("server-everything did not listen on port " + port);
  }

  public record Running(Process process, URI url) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
