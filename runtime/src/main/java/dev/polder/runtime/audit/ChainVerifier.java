package dev.polder.runtime.audit;

import dev.polder.runtime.audit.LogLines.Entry;
import dev.polder.runtime.audit.LogLines.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Walks a log directory's chain and names the first record that was altered, removed, inserted or
 * reordered. It keeps a small look-ahead window so that it can tell a line that is out of place
 * (the record the chain expects comes a little later) from one that is missing.
 */
public final class ChainVerifier {
  /** How far ahead to look for the record the chain expects next. */
  private static final int WINDOW = 32;

  /** The outcome; {@code message} is what the verify command prints. */
  public record Result(Status status, String message, long records, String lastHash) {}

  public enum Status {
    OK(0),
    /** The chain is broken: tampering, or damage that no crash leaves. */
    FAILED(1),
    /** The newest file ends in a partial line, as a crash leaves; the log repairs it on open. */
    TORN(2);

    public final int exitCode;

    Status(int exitCode) {
      this.exitCode = exitCode;
    }
  }

  /** The record last accepted into the chain; seq 0 stands for the start of the log. */
  private record Link(long seq, String hash, String position) {
    String describe() {
      return seq == 0 ? "the start of the log" : "seq " + seq + " at " + position;
    }
  }

  private final Deque<Entry> window = new ArrayDeque<>();
  private final boolean prunedStart;
  private LogLines lines;
  private long count;
  private String prunedNote = "";

  private ChainVerifier(boolean prunedStart) {
    this.prunedStart = prunedStart;
  }

  public static Result verify(Path directory) throws IOException {
    return verify(directory, false);
  }

  /**
   * @param prunedStart accept a log whose oldest files were removed by retention: the chain then
   *     starts at the first record found, whatever its seq (reported, so it can be checked against
   *     the archive)
   */
  public static Result verify(Path directory, boolean prunedStart) throws IOException {
    return new ChainVerifier(prunedStart).run(directory);
  }

  private Result run(Path directory) throws IOException {
    List<Path> files = SegmentName.listIn(directory);
    Optional<HeadAnchor.Head> head;
    try {
      head = HeadAnchor.readFrom(directory);
    } catch (IOException e) {
      return new Result(Status.FAILED, "FAILED: " + e.getMessage(), 0, ChainHash.GENESIS);
    }
    Link last = new Link(0, ChainHash.GENESIS, null);
    Entry torn = null;
    try (LogLines reader = new LogLines(files)) {
      lines = reader;
      for (Entry e; (e = take()) != null; ) {
        if (e.kind() == Kind.TORN) {
          torn = e;
          break;
        }
        if (e.kind() == Kind.MALFORMED) {
          return failed("malformed record at " + e.position() + ": " + e.problem(), last);
        }
        if (prunedStart && last.seq() == 0 && e.kind() == Kind.RECORD && e.seq() > 1) {
          prunedNote =
              ", from seq "
                  + e.seq()
                  + " (earlier records pruned; seq "
                  + e.seq()
                  + " links to "
                  + e.prev()
                  + ")";
          last = new Link(e.seq() - 1, e.prev(), "(pruned)");
        }
        String problem = fits(e, last) ? twinProblem(e) : misplacedProblem(e, last);
        if (problem != null) {
          return failed(problem, last);
        }
        if (head.isPresent()
            && e.seq() == head.get().seq()
            && !e.hash().equals(head.get().hash())) {
          return failed(
              "record altered: seq "
                  + e.seq()
                  + " at "
                  + e.position()
                  + " does not match the hash in "
                  + HeadAnchor.FILE_NAME,
              last);
        }
        last = new Link(e.seq(), e.hash(), e.position());
        count++;
      }
    }
    if (head.isPresent() && head.get().seq() > last.seq()) {
      return failed(
          "records removed from the tail: the log ends at "
              + last.describe()
              + " but "
              + HeadAnchor.FILE_NAME
              + " records seq "
              + head.get().seq(),
          last);
    }
    if (torn != null) {
      return new Result(
          Status.TORN,
          "TORN: "
              + torn.position()
              + " is a partial record ("
              + torn.problem()
              + "), as a crash leaves; the "
              + count
              + " records before it verify, last hash "
              + last.hash()
              + ". Opening the log moves the partial record aside.",
          count,
          last.hash());
    }
    String anchor =
        head.isPresent()
            ? "audit.head matches"
            : "no audit.head, so records cut from the tail would go unnoticed";
    return new Result(
        Status.OK,
        "OK: "
            + count
            + " records in "
            + files.size()
            + " files"
            + prunedNote
            + "; last hash "
            + last.hash()
            + "; "
            + anchor
            + tornNotes(directory),
        count,
        last.hash());
  }

  private static boolean fits(Entry e, Link last) {
    return e.kind() == Kind.RECORD && e.seq() == last.seq() + 1 && e.prev().equals(last.hash());
  }

  /** A forged copy that claims the same place as {@code e}; the one something links to is real. */
  private String twinProblem(Entry e) {
    Entry twin =
        find(x -> x.kind() == Kind.RECORD && x.seq() == e.seq() && x.prev().equals(e.prev()));
    if (twin == null) {
      return null;
    }
    if (find(x -> twin.hash().equals(x.prev())) != null) {
      return inserted(e);
    }
    if (find(x -> e.hash().equals(x.prev())) != null) {
      return inserted(twin);
    }
    return "record inserted: seq "
        + e.seq()
        + " at "
        + e.position()
        + " and at "
        + twin.position()
        + " claim the same place in the chain";
  }

  /** {@code e} does not follow {@code last}: out of place, or something is missing or altered. */
  private String misplacedProblem(Entry e, Link last) {
    Entry expected = find(x -> fits(x, last));
    if (expected != null) {
      boolean linked = find(x -> e.hash().equals(x.prev()) || e.prev().equals(x.hash())) != null;
      return linked
          ? "records reordered: seq "
              + e.seq()
              + " at "
              + e.position()
              + " comes before seq "
              + expected.seq()
              + " at "
              + expected.position()
          : inserted(e);
    }
    if (e.seq() == last.seq() + 1) {
      return last.seq() == 0
          ? "record altered: seq 1 at " + e.position() + " does not start from the genesis hash"
          : "record altered: "
              + last.describe()
              + " does not match the hash that seq "
              + e.seq()
              + " at "
              + e.position()
              + " holds for it";
    }
    if (e.seq() > last.seq() + 1) {
      long from = last.seq() + 1;
      long to = e.seq() - 1;
      return "records removed: seq "
          + (from == to ? String.valueOf(from) : from + ".." + to)
          + " missing between "
          + last.describe()
          + " and seq "
          + e.seq()
          + " at "
          + e.position();
    }
    return "record out of order: seq "
        + e.seq()
        + " at "
        + e.position()
        + " follows "
        + last.describe();
  }

  private static String inserted(Entry e) {
    return "record inserted: " + e.position() + " (claims seq " + e.seq() + ") is not in the chain";
  }

  private Result failed(String problem, Link last) {
    return new Result(Status.FAILED, "FAILED: " + problem, count, last.hash());
  }

  private Entry take() {
    fill();
    return window.pollFirst();
  }

  /** The first entry in the look-ahead window (after the current one) that matches. */
  private Entry find(Predicate<Entry> test) {
    fill();
    for (Entry x : window) {
      if (x.kind() == Kind.RECORD && test.test(x)) {
        return x;
      }
    }
    return null;
  }

  private void fill() {
    while (window.size() < WINDOW && lines.hasNext()) {
      window.addLast(lines.next());
    }
  }

  private static String tornNotes(Path directory) throws IOException {
    List<String> kept = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.matches("audit-.*\\.jsonl\\.torn-\\d+"))
          .sorted()
          .forEach(kept::add);
    }
    return kept.isEmpty() ? "" : "; torn tails set aside on recovery: " + String.join(", ", kept);
  }
}
