package dev.polder.runtime.audit;

import dev.polder.runtime.audit.AuditJson.ChainFields;
import dev.polder.runtime.audit.AuditJson.MalformedLineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where the chain goes on when a log is opened: the last complete record of the newest file.
 *
 * <p>Torn-tail rule: a record is acknowledged only after its whole line, newline included, was
 * written (and forced, by policy). So bytes after the last newline of the newest file are a write
 * cut short by a crash and hold no acknowledged record. They are copied to {@code
 * <file>.torn-<epoch millis>} beside the log (for inspection), cut from the file, and reported; the
 * chain goes on from the last complete record. A newest file left empty (a crash right after
 * rotation) is removed. Anything else that is not a valid record at the end of the log stops the
 * opening with an error: that is not what a crash leaves, and {@code polder audit verify} will say
 * what it is.
 */
final class TailRecovery {
  private static final int CHUNK = 64 * 1024;

  private TailRecovery() {}

  /** Where the chain stands after recovery, and what recovery did. */
  record Position(long lastSeq, String lastHash, Optional<Path> newestFile, List<String> notes) {}

  static Position recover(Path directory) throws IOException {
    List<String> notes = new ArrayList<>();
    List<Path> files = new ArrayList<>(SegmentName.listIn(directory));
    boolean newest = true;
    while (!files.isEmpty()) {
      Path file = files.get(files.size() - 1);
      Optional<LastLine> last = lastLine(file, newest, notes);
      if (last.isPresent()) {
        ChainFields fields;
        try {
          fields = AuditJson.chainFields(last.get().bytes());
        } catch (MalformedLineException e) {
          throw new AuditLogException(
              "audit log "
                  + file
                  + ": the last complete line (at byte "
                  + last.get().offset()
                  + ") is not an audit record ("
                  + e.getMessage()
                  + "); not appending after it. Run: polder audit verify "
                  + directory);
        }
        Position position =
            new Position(
                fields.seq(),
                ChainHash.of(last.get().bytes()),
                newest ? Optional.of(file) : Optional.empty(),
                notes);
        checkHead(directory, position);
        return position;
      }
      if (!newest) {
        throw new AuditLogException(
            "audit log " + file + " is empty but is not the newest file. Run: polder audit verify");
      }
      Files.delete(file);
      Directories.force(directory);
      notes.add("removed empty newest file " + file.getFileName());
      files.remove(files.size() - 1);
      newest = false;
    }
    Position genesis = new Position(0, ChainHash.GENESIS, Optional.empty(), notes);
    checkHead(directory, genesis);
    return genesis;
  }

  private static void checkHead(Path directory, Position position) throws IOException {
    Optional<HeadAnchor.Head> head;
    try {
      head = HeadAnchor.readFrom(directory);
    } catch (IOException e) {
      // A head is not forced to disk; a power loss can leave it unreadable. Note it and go on.
      position.notes().add(e.getMessage() + "; the tail could not be checked against it");
      return;
    }
    if (head.isEmpty()) {
      return;
    }
    long headSeq = head.get().seq();
    if (headSeq > position.lastSeq()
        || (headSeq == position.lastSeq() && !head.get().hash().equals(position.lastHash()))) {
      throw new AuditLogException(
          "audit log "
              + directory
              + " ends at seq "
              + position.lastSeq()
              + " but "
              + HeadAnchor.FILE_NAME
              + " records seq "
              + headSeq
              + " (hash "
              + head.get().hash()
              + "): acknowledged records are missing or altered. Run: polder audit verify "
              + directory
              + "; to accept the loss and go on, move "
              + HeadAnchor.FILE_NAME
              + " aside");
    }
  }

  private record LastLine(long offset, byte[] bytes) {}

  /** The last newline-terminated line of a file; in the newest file a torn tail is cut first. */
  private static Optional<LastLine> lastLine(Path file, boolean newest, List<String> notes)
      throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = channel.size();
      long lastNewline = lastIndexOfNewline(channel, size);
      long end = lastNewline + 1; // end of the complete lines
      if (end < size) {
        if (!newest) {
          throw new AuditLogException(
              "audit log "
                  + file
                  + " ends in a partial line but is not the newest file. Run: polder audit verify");
        }
        cutTornTail(channel, file, end, size, notes);
      }
      if (lastNewline < 0) {
        return Optional.empty();
      }
      long lineStart = lastIndexOfNewline(channel, lastNewline) + 1;
      long length = lastNewline - lineStart;
      if (length > Integer.MAX_VALUE - 16) {
        throw new AuditLogException("audit log " + file + ": last line is too long");
      }
      ByteBuffer line = ByteBuffer.allocate((int) length);
      readFully(channel, line, lineStart);
      return Optional.of(new LastLine(lineStart, line.array()));
    }
  }

  private static void cutTornTail(
      FileChannel channel, Path file, long end, long size, List<String> notes) throws IOException {
    Path keep = file.resolveSibling(file.getFileName() + ".torn-" + Instant.now().toEpochMilli());
    try (FileChannel copy =
        FileChannel.open(keep, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long at = end;
      while (at < size) {
        at += channel.transferTo(at, size - at, copy);
      }
      copy.force(true);
    }
    Directories.force(file.getParent());
    channel.truncate(end);
    channel.force(true);
    notes.add(
        "torn tail: "
            + (size - end)
            + " bytes after the last complete record of "
            + file.getFileName()
            + " (a write cut short by a crash, never acknowledged) moved to "
            + keep.getFileName());
  }

  /** Position of the last '\n' before {@code before}, or -1. */
  private static long lastIndexOfNewline(FileChannel channel, long before) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    long chunkEnd = before;
    while (chunkEnd > 0) {
      long chunkStart = Math.max(0, chunkEnd - CHUNK);
      buffer.clear().limit((int) (chunkEnd - chunkStart));
      readFully(channel, buffer, chunkStart);
      for (int i = buffer.limit() - 1; i >= 0; i--) {
        if (buffer.get(i) == '\n') {
          return chunkStart + i;
        }
      }
      chunkEnd = chunkStart;
    }
    return -1;
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of " + channel);
      }
      at += read;
    }
  }
}
