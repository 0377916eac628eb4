package dev.polder.runtime.audit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Appends records from many threads until it is killed, printing {@code ACK <seq> <hash>
 * <requestId>} for each record once {@link AuditLog#append} returned it. Arguments: directory,
 * fsync policy, threads, max file bytes.
 */
public final class AuditLoadDriver {
  private AuditLoadDriver() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    FsyncPolicy policy = FsyncPolicy.parse(args[1]);
    int threads = Integer.parseInt(args[2]);
    long maxFileBytes = Long.parseLong(args[3]);
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    AuditLog log = AuditLog.open(AuditConfig.of(directory, policy).withMaxFileBytes(maxFileBytes));
    for (int t = 0; t < threads; t++) {
      int thread = t;
      new Thread(
              () -> {
                for (long i = 0; ; i++) {
                  String requestId = "t" + thread + "-" + i;
                  AuditReceipt receipt = log.append(TestRecords.record(requestId));
                  out.println("ACK " + receipt.seq() + " " + receipt.hash() + " " + requestId);
                }
              },
              "appender-" + t)
          .start();
    }
  }
}
