package dev.polder.runtime.audit;

import dev.polder.runtime.audit.AuditJson.ChainFields;
import dev.polder.runtime.audit.AuditJson.MalformedLineException;
import java.io.BufferedInputStream;
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
        in = new BufferedInputStream(Files.newInputStream(files.get(fileIndex)), 64 * 1024);
        lineNumber = 0;
      }
      lineBytes.reset();
      int b;
      while ((b = in.read()) != -1 && b != '\n') {
        lineBytes.write(b);
      }
      if (b == -1 && lineBytes.size() == 0) {
        in.close();
        in = null;
        continue;
      }
      lineNumber++;
      Path file = files.get(fileIndex);
      byte[] bytes = lineBytes.toByteArray();
      if (b == -1) {
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

  @Override
  public void close() throws IOException {
    if (in != null) {
      in.close();
    }
  }
}
