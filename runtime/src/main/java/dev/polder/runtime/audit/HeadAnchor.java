package dev.polder.runtime.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file {@code audit.head}: sequence number and hash of the newest durable record, rewritten
 * after every write batch. The chain alone cannot show that whole records were cut from the end of
 * the newest file; the head can, as long as it is kept (copy it elsewhere to anchor the log). It is
 * not fsynced itself: it is written only after the log it describes was, so it never runs ahead of
 * a durable log.
 */
final class HeadAnchor implements AutoCloseable {
  static final String FILE_NAME = "audit.head";
  private static final Pattern FORMAT =
      Pattern.compile("\\{\"seq\":(\\d+),\"hash\":\"([0-9a-f]{64})\"}\\n?");

  private final FileChannel channel;

  private HeadAnchor(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Opens the head for writing and locks it, so that no second process (or second log in this
   * process) appends to the same directory and forks the chain.
   */
  static HeadAnchor openIn(Path directory) throws IOException {
    FileChannel channel =
        FileChannel.open(
            directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new AuditLogException(
          "audit log "
              + directory
              + " is already open (in another process or another log of this one); "
              + "one writer per directory");
    }
    return new HeadAnchor(channel);
  }

  void write(long seq, String hash) throws IOException {
    byte[] text = format(seq, hash).getBytes(StandardCharsets.US_ASCII);
    ByteBuffer buffer = ByteBuffer.wrap(text);
    long at = 0;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
    channel.truncate(text.length);
  }

  static String format(long seq, String hash) {
    return "{\"seq\":" + seq + ",\"hash\":\"" + hash + "\"}\n";
  }

  /** The head recorded in a directory, if there is a readable one. */
  static Optional<Head> readFrom(Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    if (text.isEmpty()) {
      return Optional.empty(); // created, nothing written yet
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IOException(file + " is not a valid audit head: " + abbreviate(text));
    }
    return Optional.of(new Head(Long.parseLong(m.group(1)), m.group(2)));
  }

  private static String abbreviate(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  record Head(long seq, String hash) {}
}
