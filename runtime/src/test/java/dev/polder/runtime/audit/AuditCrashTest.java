package dev.polder.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIGKILLs a JVM that appends from 16 threads and checks that every record it acknowledged is in
 * the log, unchanged, and that the chain verifies after recovery.
 */
class AuditCrashTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void everyAcknowledgedRecordSurvivesAKillMidLoad(FsyncPolicy policy) throws Exception {
    Path log = Files.createDirectories(dir.resolve("audit"));
    List<String> command =
        KillMidLoad.javaCommand(
            AuditLoadDriver.class, log.toString(), policy.name(), "16", String.valueOf(64 * 1024));

    KillMidLoad.Outcome outcome =
        KillMidLoad.run(command, 300, Duration.ofSeconds(60), dir.resolve("driver.stderr"));

    ChainVerifier.Status afterKill = ChainVerifier.verify(log).status();
    assertNotEquals(ChainVerifier.Status.FAILED, afterKill, ChainVerifier.verify(log).message());
    try (AuditLog reopened = AuditLog.open(AuditConfig.of(log, policy))) {
      reopened.recoveryNotes(); // a torn tail, if the kill cut a write, was set aside
    }
    ChainVerifier.Result verified = ChainVerifier.verify(log);
    assertEquals(ChainVerifier.Status.OK, verified.status(), verified.message());

    Map<Long, String> hashBySeq = new HashMap<>();
    for (Path file : SegmentName.listIn(log)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        long seq = AuditJson.chainFields(line.getBytes(StandardCharsets.UTF_8)).seq();
        hashBySeq.put(seq, ChainHash.of(line.getBytes(StandardCharsets.UTF_8)));
        assertTrue(line.contains("\"requestId\":\"t"), line);
      }
    }
    assertTrue(outcome.acks().size() >= 300);
    for (String[] ack : outcome.acks()) {
      long seq = Long.parseLong(ack[0]);
      assertEquals(ack[1], hashBySeq.get(seq), "acknowledged seq " + seq + " (" + ack[2] + ")");
    }
    assertTrue(verified.records() >= outcome.acks().size());
  }
}
