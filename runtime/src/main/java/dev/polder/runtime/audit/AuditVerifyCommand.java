package dev.polder.runtime.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code polder audit verify <dir>}: checks the hash chain of an audit log directory. Prints one
 * line and exits 0 (OK, with the record count and last hash), 1 (FAILED, naming the first altered,
 * removed, inserted or reordered record by file, line and sequence number), 2 (TORN: only a partial
 * last line, as a crash leaves) or 64 (usage or unreadable directory). With {@code --pruned}, a log
 * whose oldest files were removed by retention verifies from its first record.
 */
public final class AuditVerifyCommand {
  static final int USAGE = 64;

  /** Accept a log whose oldest files were removed by retention. */
  static final String PRUNED = "--pruned";

  private AuditVerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code. Accepts {@code [verify] <dir> [--pruned]}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> rest = new ArrayList<>(List.of(args));
    if (!rest.isEmpty() && rest.get(0).equals("verify")) {
      rest.remove(0);
    }
    boolean pruned = rest.remove(PRUNED);
    if (rest.size() != 1 || rest.get(0).startsWith("-")) {
      err.println("usage: polder audit verify <audit-log-directory> [" + PRUNED + "]");
      return USAGE;
    }
    Path directory = Path.of(rest.get(0));
    if (!Files.isDirectory(directory)) {
      err.println("polder audit verify: " + directory + " is not a directory");
      return USAGE;
    }
    try {
      if (SegmentName.listIn(directory).isEmpty()
          && !Files.exists(directory.resolve(HeadAnchor.FILE_NAME))) {
        err.println("polder audit verify: no audit log files (audit-*.jsonl) in " + directory);
        return USAGE;
      }
      ChainVerifier.Result result = ChainVerifier.verify(directory, pruned);
      (result.status() == ChainVerifier.Status.OK ? out : err).println(result.message());
      return result.status().exitCode;
    } catch (IOException | UncheckedIOException e) {
      err.println("polder audit verify: cannot read " + directory + ": " + e.getMessage());
      return USAGE;
    }
  }
}
