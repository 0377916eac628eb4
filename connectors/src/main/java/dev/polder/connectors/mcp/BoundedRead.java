package dev.polder.connectors.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream to its end, but never more than a limit. */
final class BoundedRead {
  private BoundedRead() {}

  static final class TooLarge extends IOException {
    TooLarge() {
      super("over the size limit");
    }
  }

  /**
   * @param truncate return the first {@code limit} bytes instead of failing when there are more
   */
  static byte[] all(InputStream in, int limit, boolean truncate) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (out.size() + n > limit) {
        if (truncate) {
          out.write(buffer, 0, limit - out.size());
          return out.toByteArray();
        }
        throw new TooLarge();
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
