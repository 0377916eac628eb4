package dev.polder.runtime.audit;

import dev.polder.runtime.audit.AuditJson.ChainFields;
import dev.polder.runtime.audit.AuditJson.MalformedLineException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Reads the lines of all log files in chain order, one {@link Entry} per line, streaming. */
final class LogLines implements Iterator<LogLines.Entry>, AutoCloseable {

  enum Kind {
    RECORD,
    MALFORMED,
    /** The last line of the newest file, without its newline. */
    TORN
  }

  /** One line: where it is, its chain fields and its hash (or what is wrong with it). */
  record Entry(
      Path file, long line, Kind kind, long seq, String prev, String hash, String problem) {
    String position() {
      return file.getFileName() + ":" + line;
    }
  }

  private final List<Path> files;
  private int fileIndex = -1;
  private InputStream in;
  private long lineNumber;
  private final byte[] buffer = new byte[64 * 1024];
  private int bufferStart;
  private int bufferEnd;
  private final ByteArrayOutputStream lineBytes = new ByteArrayOutputStream(2048);
  private Entry next;

  LogLines(List<Path> files) {
    this.files = files;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public Entry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Entry entry = next;
    next = null;
    return entry;
  }

  private Entry read() throws IOException {
    while (true) {
      if (in == null) {
        if (fileIndex + 1 >= files.size()) {
          return null;
        }
        fileIndex++;
        in = Files.newInputStream(files.get(fileIndex));
        bufferStart = 0;
        bufferEnd = 0;
        lineNumber = 0;
      }
      lineBytes.reset();
      boolean newline = readLine();
      if (!newline && lineBytes.size() == 0) {
        in.close();
        in = null;
        continue;
      }
      lineNumber++;
      Path file = files.get(fileIndex);
      byte[] bytes = lineBytes.toByteArray();
      if (!newline) {
        boolean newest = fileIndex == files.size() - 1;
        return new Entry(
            file,
            lineNumber,
            newest ? Kind.TORN : Kind.MALFORMED,
            0,
            null,
            null,
            bytes.length + " bytes without a newline");
      }
      try {
        ChainFields fields = AuditJson.chainFields(bytes);
        return new Entry(
            file, lineNumber, Kind.RECORD, fields.seq(), fields.prev(), ChainHash.of(bytes), null);
      } catch (MalformedLineException e) {
        return new Entry(file, lineNumber, Kind.MALFORMED, 0, null, null, e.getMessage());
      }
    }
  }

  /** Moves the next line's bytes into {@code lineBytes}; false if the file ended first. */
  private boolean readLine() throws IOException {
    while (true) {
      for (int i = bufferStart; i < bufferEnd; i++) {
        if (buffer[i] == '\n') {
          lineBytes.write(buffer, bufferStart, i - bufferStart);
          bufferStart = i + 1;
          return true;
        }
      }
      lineBytes.write(buffer, bufferStart, bufferEnd - bufferStart);
      bufferStart = 0;
      bufferEnd = in.read(buffer);
      if (bufferEnd <= 0) {
        bufferEnd = 0;
        return false;
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}
