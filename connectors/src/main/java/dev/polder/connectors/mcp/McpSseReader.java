package dev.polder.connectors.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the {@code data} of each Server-Sent Event of an MCP answer stream (one JSON-RPC message
 * per event), with a size limit per event.
 */
final class McpSseReader {
  interface EventHandler {
    /**
     * @return true to stop reading (the awaited answer arrived)
     */
    boolean onData(byte[] data) throws IOException;
  }

  private final InputStream in;
  private final int maxEventBytes;

  McpSseReader(InputStream in, int maxEventBytes) {
    this.in = in;
    this.maxEventBytes = maxEventBytes;
  }

  void forEach(EventHandler handler) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int b;
    boolean lastWasCr = false;
    while ((b = in.read()) >= 0) {
      if (b == '\n' && lastWasCr) {
        lastWasCr = false;
        continue;
      }
      lastWasCr = b == '\r';
      if (b != '\n' && b != '\r') {
        line.write(b);
        if (line.size() > maxEventBytes) {
          throw new BoundedRead.TooLarge();
        }
        continue;
      }
      byte[] text = line.toByteArray();
      line.reset();
      if (text.length == 0) {
        if (data.size() > 0) {
          byte[] event = data.toByteArray();
          data.reset();
          if (handler.onData(event)) {
            return;
          }
        }
        continue;
      }
      String field =
          new String(text, 0, Math.min(text.length, 5), java.nio.charset.StandardCharsets.US_ASCII);
      if (field.equals("data:")) {
        int from = text.length > 5 && text[5] == ' ' ? 6 : 5;
        if (data.size() > 0) {
          data.write('\n');
        }
        data.write(text, from, text.length - from);
        if (data.size() > maxEventBytes) {
          throw new BoundedRead.TooLarge();
        }
      }
    }
    if (data.size() > 0) {
      handler.onData(data.toByteArray());
    }
  }
}
