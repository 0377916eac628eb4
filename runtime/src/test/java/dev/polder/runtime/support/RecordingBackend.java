package dev.polder.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A backend on a plain TCP socket that keeps every byte it receives — request lines, headers and
 * bodies exactly as they came over the wire — so a compliance spec checks what left the gateway on
 * the backend's side, not on the gateway's word. It answers like an OpenAI-compatible server that
 * repeats the last user message it received (streaming too), one request per connection.
 */
public final class RecordingBackend implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "recording-backend");
            t.setDaemon(true);
            return t;
          });
  private final List<byte[]> requests = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();

  private RecordingBackend(ServerSocket server) {
    this.server = server;
  }

  public static RecordingBackend start() {
    try {
      RecordingBackend backend =
          new RecordingBackend(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
      backend.threads.execute(backend::acceptLoop);
      return backend;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** Every byte received so far, over all connections, in arrival order per read. */
  public byte[] received() {
    synchronized (received) {
      return received.toByteArray();
    }
  }

  /** The bytes received so far as UTF-8 text. */
  public String receivedText() {
    return new String(received(), StandardCharsets.UTF_8);
  }

  /** How many complete requests arrived. */
  public int requestCount() {
    return requests.size();
  }

  /** The raw bytes of each complete request. */
  public List<byte[]> requests() {
    return List.copyOf(requests);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      int headEnd = readHead(in, raw);
      if (headEnd < 0) {
        return;
      }
      String head = raw.toString(StandardCharsets.ISO_8859_1).substring(0, headEnd);
      byte[] body = readBody(in, raw, head, raw.size() - headEnd - 4);
      requests.add(raw.toByteArray());
      answer(socket.getOutputStream(), body);
    } catch (IOException | RuntimeException e) {
      // The gateway went away or sent something odd: what arrived is recorded all the same.
    }
  }

  /** Reads until the blank line after the headers; returns its offset, or -1 at end of stream. */
  private int readHead(InputStream in, ByteArrayOutputStream raw) throws IOException {
    byte[] buffer = new byte[8192];
    while (true) {
      String text = raw.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end >= 0) {
        return end;
      }
      int n = in.read(buffer);
      if (n < 0) {
        return -1;
      }
      record(raw, buffer, n);
    }
  }

  private byte[] readBody(InputStream in, ByteArrayOutputStream raw, String head, int already)
      throws IOException {
    String lower = head.toLowerCase(Locale.ROOT);
    byte[] buffer = new byte[8192];
    int start = raw.size() - already;
    if (lower.contains("transfer-encoding: chunked")) {
      while (!raw.toString(StandardCharsets.ISO_8859_1).substring(start).contains("\r\n0\r\n\r\n")
          && !raw.toString(StandardCharsets.ISO_8859_1).substring(start).startsWith("0\r\n\r\n")) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        record(raw, buffer, n);
      }
      return dechunk(java.util.Arrays.copyOfRange(raw.toByteArray(), start, raw.size()));
    }
    int length = contentLength(lower);
    while (raw.size() - start < length) {
      int n = in.read(buffer, 0, Math.min(buffer.length, length - (raw.size() - start)));
      if (n < 0) {
        break;
      }
      record(raw, buffer, n);
    }
    return java.util.Arrays.copyOfRange(raw.toByteArray(), start, raw.size());
  }

  private void record(ByteArrayOutputStream raw, byte[] buffer, int n) {
    if (raw.size() + n > MAX_REQUEST_BYTES) {
      throw new IllegalStateException("request larger than " + MAX_REQUEST_BYTES + " bytes");
    }
    raw.write(buffer, 0, n);
    synchronized (received) {
      received.write(buffer, 0, n);
    }
  }

  private static int contentLength(String lowerHead) {
    for (String line : lowerHead.split("\r\n")) {
      if (line.startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int lineEnd = indexOf(chunked, i);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, size);
      i = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Repeats the last user message: what the backend saw is what the caller reads back. */
  private static void answer(OutputStream out, byte[] body) throws IOException {
    JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    String said = "";
    for (JsonNode message : request.path("messages")) {
      if ("user".equals(message.path("role").asText())) {
        said = message.path("content").isTextual() ? message.path("content").asText() : "";
      }
    }
    String model = request.path("model").asText("recorded");
    if (request.path("stream").asBoolean(false)) {
      StringBuilder events = new StringBuilder();
      events.append(sse(chunk(model, said)));
      events.append("data: [DONE]\n\n");
      byte[] bytes = events.toString().getBytes(StandardCharsets.UTF_8);
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: "
                  + bytes.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
    } else {
      ObjectNode answer = JSON.createObjectNode();
      answer.put("id", "rec-1").put("object", "chat.completion").put("created", 1);
      answer.put("model", model);
      ObjectNode choice = answer.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", said);
      answer
          .putObject("usage")
          .put("prompt_tokens", 1)
          .put("completion_tokens", 1)
          .put("total_tokens", 2);
      byte[] bytes = JSON.writeValueAsBytes(answer);
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  + bytes.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
    }
    out.flush();
  }

  private static String chunk(String model, String content) {
    ObjectNode chunk = JSON.createObjectNode();
    chunk.put("id", "rec-1").put("object", "chat.completion.chunk").put("created", 1);
    chunk.put("model", model);
    ObjectNode choice = chunk.putArray("choices").addObject();
    choice.put("index", 0).putNull("finish_reason");
    choice.putObject("delta").put("role", "assistant").put("content", content);
    return chunk.toString();
  }

  private static String sse(String data) {
    return "data: " + data + "\n\n";
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // already closed
    }
    threads.shutdownNow();
  }
}
