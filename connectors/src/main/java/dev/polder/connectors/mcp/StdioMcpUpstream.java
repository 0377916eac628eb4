package dev.polder.connectors.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * An MCP server run as a child process, one JSON-RPC message per line on stdin/stdout. The process
 * is started on first use and started again on the next request after it exited or was stopped for
 * misbehaving (a line over the size limit). Lines that are not JSON are skipped.
 */
final class StdioMcpUpstream implements McpUpstream {
  private static final Logger LOG = Logger.getLogger(StdioMcpUpstream.class.getName());
  private static final int STDERR_TAIL = 2048;

  private final McpServerSpec spec;
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
  private Connection current;
  private int starts;
  private boolean closed;

  StdioMcpUpstream(McpServerSpec spec) {
    this.spec = spec;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public JsonNode request(
      String method, JsonNode params, Duration timeout, Consumer<JsonNode> progress)
      throws McpUpstreamException {
    Connection connection = connection();
    return connection.exchange(method, params, timeout, progress);
  }

  @Override
  public JsonNode initializeResult() throws McpUpstreamException {
    return connection().initializeResult;
  }

  @Override
  public void onNotification(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized int reconnects() {
    return Math.max(0, starts - 1);
  }

  /** The running process, started (again) when there is none. */
  private synchronized Connection connection() throws McpUpstreamException {
    if (closed) {
      throw new McpUpstreamException(McpUpstreamException.Kind.UNAVAILABLE, "upstream closed");
    }
    if (current != null && current.alive()) {
      return current;
    }
    if (current != null) {
      LOG.warning(spec.name() + ": MCP server process is gone, starting it again");
    }
    starts++;
    current = new Connection();
    try {
      current.start();
    } catch (McpUpstreamException e) {
      current.stop();
      throw e;
    }
    return current;
  }

  /**
   * Stops the process (a test's crash, or the gateway shutting down); the next request restarts it.
   */
  synchronized void kill() {
    if (current != null) {
      current.stop();
    }
  }

  /** The operating system's id of the running server process, or -1. */
  synchronized long pid() {
    return current != null && current.alive() ? current.process.pid() : -1;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (current != null) {
      current.stop();
    }
  }

  private final class Connection {
    private Process process;
    private OutputStream stdin;
    private final JsonRpcPeer peer = new JsonRpcPeer(spec.name(), this::write);
    private final StringBuffer stderrTail = new StringBuffer();
    private volatile boolean misbehaved;
    private JsonNode initializeResult;

    void start() throws McpUpstreamException {
      ProcessBuilder builder = new ProcessBuilder(spec.command());
      builder.environment().putAll(spec.env());
      spec.workingDirectory().ifPresent(dir -> builder.directory(dir.toFile()));
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new McpUpstreamException(
            McpUpstreamException.Kind.UNAVAILABLE,
            "could not start " + spec.command().get(0) + ": " + e.getMessage());
      }
      stdin = process.getOutputStream();
      listeners.forEach(peer::onNotification);
      daemon("mcp-" + spec.name() + "-out", () -> readStdout(process.getInputStream()));
      daemon("mcp-" + spec.name() + "-err", () -> readStderr(process.getErrorStream()));
      ObjectNode params = JsonRpcPeer.JSON.createObjectNode();
      params.put("protocolVersion", McpProtocol.LATEST);
      params.putObject("capabilities");
      params.putObject("clientInfo").put("name", "polder-gateway").put("version", "1");
      initializeResult = exchange("initialize", params, spec.connectTimeout(), null);
      String version = initializeResult.path("protocolVersion").asText();
      if (!McpProtocol.supported(version)) {
        throw new McpUpstreamException(
            McpUpstreamException.Kind.PROTOCOL,
            "server speaks MCP revision '" + version + "', which the gateway does not");
      }
      write(JsonRpcPeer.notification("notifications/initialized", null));
    }

    JsonNode exchange(String method, JsonNode params, Duration timeout, Consumer<JsonNode> progress)
        throws McpUpstreamException {
      JsonRpcPeer.Outgoing out = peer.newRequest(method, params, progress);
      try {
        write(out.message());
      } catch (RuntimeException e) {
        out.answer().cancel(false);
        throw gone();
      }
      return Await.answer(out, timeout, spec.name(), this::write);
    }

    private synchronized void write(JsonNode message) {
      try {
        stdin.write(JsonRpcPeer.JSON.writeValueAsBytes(message));
        stdin.write('\n');
        stdin.flush();
      } catch (IOException e) {
        throw new IllegalStateException("server's stdin is closed", e);
      }
    }

    private void readStdout(InputStream in) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          int from = 0;
          for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
              line.write(buffer, from, i - from);
              from = i + 1;
              deliver(line.toByteArray());
              line.reset();
            }
          }
          line.write(buffer, from, n - from);
          if (line.size() > spec.maxMessageBytes()) {
            misbehaved = true;
            peer.failAll(
                new McpUpstreamException(
                    McpUpstreamException.Kind.TOO_LARGE,
                    "server sent a message over the limit of "
                        + spec.maxMessageBytes()
                        + " bytes"));
            LOG.warning(spec.name() + ": message over the size limit; stopping the server");
            process.destroyForcibly();
            return;
          }
        }
      } catch (IOException e) {
        // The process went away; reported below.
      }
      try {
        // Its stdout closes just before it is reaped: wait a little so the exit code can be told.
        process.waitFor(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      peer.failAll(gone());
    }

    private void deliver(byte[] bytes) {
      if (bytes.length == 0) {
        return;
      }
      if (bytes.length > spec.maxMessageBytes()) {
        misbehaved = true;
        peer.failAll(
            new McpUpstreamException(
                McpUpstreamException.Kind.TOO_LARGE,
                "server sent a message over the limit of " + spec.maxMessageBytes() + " bytes"));
        process.destroyForcibly();
        return;
      }
      JsonNode message;
      try {
        message = JsonRpcPeer.JSON.readTree(bytes);
      } catch (IOException e) {
        LOG.fine(() -> spec.name() + ": skipped a line that is not JSON");
        return;
      }
      peer.receive(message);
    }

    private void readStderr(InputStream err) {
      byte[] buffer = new byte[4096];
      try {
        int n;
        while ((n = err.read(buffer)) >= 0) {
          stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (stderrTail.length() > STDERR_TAIL) {
            stderrTail.delete(0, stderrTail.length() - STDERR_TAIL);
          }
        }
      } catch (IOException e) {
        // Process gone.
      }
    }

    private McpUpstreamException gone() {
      String why = misbehaved ? "was stopped for sending too much" : "exited";
      if (process != null && !process.isAlive()) {
        why += " (exit code " + process.exitValue() + ")";
      }
      String tail = stderrTail.toString().strip();
      if (!tail.isEmpty()) {
        int cut = tail.lastIndexOf('\n', tail.length() - 2);
        why += "; last output: " + tail.substring(cut + 1);
      }
      return new McpUpstreamException(
          McpUpstreamException.Kind.UNAVAILABLE, "MCP server " + spec.name() + " " + why);
    }

    boolean alive() {
      return process != null && process.isAlive() && !misbehaved;
    }

    void stop() {
      if (process == null) {
        return;
      }
      try {
        stdin.close();
      } catch (IOException e) {
        // Already closed.
      }
      process.destroy();
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      peer.failAll(gone());
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}
