package dev.polder.runtime.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code polder audit verify <dir>}: checks the hash chain of an audit log directory. Prints one
 * line and exits 0 (OK, with the record count and last hash), 1 (FAILED, naming the first altered,
 * removed, inserted or reordered record by file, line and sequence number), 2 (TORN: only a partial
 * last line, as a crash leaves) or 64 (usage or unreadable directory).
 */
public final class AuditVerifyCommand {
  static final int USAGE = 64;

  private AuditVerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code. Accepts {@code verify <dir>} or {@code <dir>}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String[] rest = args.length > 0 && args[0].equals("verify") ? dropFirst(args) : args;
    if (rest.length != 1 || rest[0].startsWith("-")) {
      err.println("usage: polder audit verify <audit-log-directory>");
      return USAGE;
    }
    Path directory = Path.of(rest[0]);
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
      ChainVerifier.Result result = ChainVerifier.verify(directory);
      (result.status() == ChainVerifier.Status.OK ? out : err).println(result.message());
      return result.status().exitCode;
    } catch (IOException | UncheckedIOException e) {
      err.println("polder audit verify: cannot read " + directory + ": " + e.getMessage());
      return USAGE;
    }
  }

  private static String[] dropFirst(String[] args) {
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    return rest;
  }
}
