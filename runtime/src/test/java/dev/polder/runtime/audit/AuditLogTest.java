package dev.polder.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditLogTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(FsyncPolicy.class)
  void concurrentAppendersGetDistinctConsecutiveSeqsAndTheChainVerifies(FsyncPolicy policy)
      throws Exception {
    int threads = 8;
    int perThread = 25;
    List<AuditReceipt> receipts = new ArrayList<>();
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, policy).withMaxFileBytes(16 * 1024))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<List<AuditReceipt>>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  List<AuditReceipt> mine = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    mine.add(log.append(TestRecords.record("req-" + thread + "-" + i)));
                  }
                  return mine;
                }));
      }
      for (Future<List<AuditReceipt>> f : work) {
        receipts.addAll(f.get());
      }
      pool.shutdown();
    }

    Set<Long> seqs = new HashSet<>();
    receipts.forEach(r -> seqs.add(r.seq()));
    assertEquals(threads * perThread, seqs.size());
    assertEquals(1L, seqs.stream().mapToLong(Long::longValue).min().orElseThrow());
    assertEquals(
        (long) threads * perThread, seqs.stream().mapToLong(Long::longValue).max().orElseThrow());
    assertTrue(SegmentName.listIn(dir).size() > 1, "16 KiB files must have rotated");
    ChainVerifier.Result result = ChainVerifier.verify(dir);
    assertEquals(ChainVerifier.Status.OK, result.status(), result.message());
    assertEquals(threads * perThread, result.records());
    AuditReceipt newest = receipts.stream().max((a, b) -> Long.compare(a.seq(), b.seq())).get();
    assertEquals(newest.hash(), result.lastHash());
  }

  @Test
  void receiptHashIsTheNextRecordsPrevAndSurvivesReopening() throws Exception {
    AuditReceipt first;
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.ALWAYS))) {
      first = log.append(TestRecords.record("a"));
    }
    AuditReceipt second;
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.ALWAYS))) {
      assertEquals(List.of(), log.recoveryNotes());
      second = log.append(TestRecords.record("b"));
    }
    assertEquals(2, second.seq());
    assertEquals(first.file(), second.file(), "a young, small file is continued after reopening");
    List<String> lines = Files.readAllLines(second.file());
    assertTrue(lines.get(1).startsWith("{\"v\":1,\"seq\":2,\"prev\":\"" + first.hash() + "\""));
    assertEquals(second.hash(), ChainHash.of(lines.get(1).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void rotatesByAgeAndTheNewFileLinksToTheLastRecordOfThePreviousOne() throws Exception {
    TestRecords.ManualClock clock =
        new TestRecords.ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    AuditConfig config = AuditConfig.of(dir, FsyncPolicy.BATCH).withMaxFileAge(Duration.ofHours(1));
    AuditReceipt lastOfFirst;
    AuditReceipt firstOfSecond;
    try (AuditLog log = AuditLog.open(config, clock)) {
      log.append(TestRecords.record("a"));
      lastOfFirst = log.append(TestRecords.record("b"));
      clock.advance(Duration.ofMinutes(61));
      firstOfSecond = log.append(TestRecords.record("c"));
    }
    assertEquals(
        "audit-0000000000000001-20260101T000000Z.jsonl",
        lastOfFirst.file().getFileName().toString());
    assertEquals(
        "audit-0000000000000003-20260101T010100Z.jsonl",
        firstOfSecond.file().getFileName().toString());
    String line = Files.readAllLines(firstOfSecond.file()).get(0);
    assertTrue(line.startsWith("{\"v\":1,\"seq\":3,\"prev\":\"" + lastOfFirst.hash() + "\""), line);
  }

  @Test
  void tornTailIsSetAsideAndTheChainGoesOnFromTheLastCompleteRecord() throws Exception {
    AuditReceipt acknowledged;
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.ALWAYS))) {
      log.append(TestRecords.record("a"));
      acknowledged = log.append(TestRecords.record("b"));
    }
    // A crash cut the next write short: part of a line, no newline. Its head is not advanced.
    byte[] partial = "{\"v\":1,\"seq\":3,\"prev\":\"".getBytes(StandardCharsets.US_ASCII);
    Files.write(acknowledged.file(), partial, StandardOpenOption.APPEND);
    assertEquals(ChainVerifier.Status.TORN, ChainVerifier.verify(dir).status());

    AuditReceipt next;
    List<String> notes;
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.ALWAYS))) {
      notes = log.recoveryNotes();
      next = log.append(TestRecords.record("c"));
    }
    String tornFile;
    try (var files = Files.list(dir)) {
      tornFile =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.contains(".torn-"))
              .findFirst()
              .orElseThrow();
    }
    assertEquals(
        List.of(
            "torn tail: 23 bytes after the last complete record of "
                + acknowledged.file().getFileName()
                + " (a write cut short by a crash, never acknowledged) moved to "
                + tornFile),
        notes);
    assertEquals(3, next.seq());
    assertTrue(
        Files.readAllLines(next.file())
            .get(2)
            .contains("\"prev\":\"" + acknowledged.hash() + "\""));
    ChainVerifier.Result result = ChainVerifier.verify(dir);
    assertEquals(ChainVerifier.Status.OK, result.status(), result.message());
    assertTrue(
        result.message().endsWith("; torn tails set aside on recovery: " + tornFile),
        result.message());
  }

  @Test
  void anEmptyNewestFileLeftByACrashAfterRotationIsRemoved() throws Exception {
    AuditReceipt first;
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH))) {
      first = log.append(TestRecords.record("a"));
    }
    Path empty = Files.createFile(dir.resolve("audit-0000000000000002-20260101T000000Z.jsonl"));

    AuditReceipt second;
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH))) {
      assertEquals(
          List.of("removed empty newest file " + empty.getFileName()), log.recoveryNotes());
      second = log.append(TestRecords.record("b"));
    }
    assertEquals(2, second.seq());
    assertTrue(
        Files.readAllLines(second.file()).get(0).contains("\"prev\":\"" + first.hash() + "\""));
    assertEquals(ChainVerifier.Status.OK, ChainVerifier.verify(dir).status());
  }

  @Test
  void refusesToOpenAfterACompleteLineThatIsNoRecord() throws Exception {
    Path file;
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH))) {
      file = log.append(TestRecords.record("a")).file();
    }
    Files.writeString(file, "not a record\n", StandardOpenOption.APPEND);

    AuditLogException e =
        assertThrows(
            AuditLogException.class, () -> AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH)));
    assertTrue(
        e.getMessage().startsWith("audit log " + file + ": the last complete line (at byte "),
        e.getMessage());
    assertTrue(e.getMessage().contains(") is not an audit record (invalid JSON ("), e.getMessage());
    assertTrue(
        e.getMessage().endsWith("; not appending after it. Run: polder audit verify " + dir),
        e.getMessage());
  }

  @Test
  void refusesToOpenWhenAcknowledgedRecordsWereCutFromTheTail() throws Exception {
    AuditReceipt last;
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH))) {
      log.append(TestRecords.record("a"));
      last = log.append(TestRecords.record("b"));
    }
    List<String> lines = Files.readAllLines(last.file());
    Files.writeString(last.file(), lines.get(0) + "\n");

    AuditLogException e =
        assertThrows(
            AuditLogException.class, () -> AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH)));
    assertTrue(
        e.getMessage()
            .endsWith(
                " ends at seq 1 but audit.head records seq 2 (hash "
                    + last.hash()
                    + "): acknowledged records are missing or altered. Run: polder audit verify "
                    + dir
                    + "; to accept the loss and go on, move audit.head aside"),
        e.getMessage());
  }

  @Test
  void oneWriterPerDirectory() {
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH))) {
      AuditLogException e =
          assertThrows(
              AuditLogException.class, () -> AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH)));
      assertEquals(
          "audit log "
              + dir
              + " is already open (in another process or another log of this one);"
              + " one writer per directory",
          e.getMessage());
      log.append(TestRecords.record("still-writing"));
    }
    try (AuditLog reopened = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH))) {
      assertEquals(2, reopened.append(TestRecords.record("after")).seq());
    }
  }

  @Test
  void anUnreadableHeadIsNotedAndRewritten() throws Exception {
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH))) {
      log.append(TestRecords.record("a"));
    }
    Files.write(dir.resolve(HeadAnchor.FILE_NAME), new byte[] {0, 0, 0, 0});
    try (AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH))) {
      assertEquals(1, log.recoveryNotes().size());
      assertTrue(
          log.recoveryNotes().get(0).endsWith("; the tail could not be checked against it"),
          log.recoveryNotes().get(0));
      log.append(TestRecords.record("b"));
    }
    ChainVerifier.Result result = ChainVerifier.verify(dir);
    assertEquals(ChainVerifier.Status.OK, result.status(), result.message());
    assertTrue(result.message().endsWith("; audit.head matches"), result.message());
  }

  @Test
  void appendsAfterCloseFailWithAClearError() {
    AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.NONE));
    log.close();
    CompletableFuture<AuditReceipt> late = log.appendAsync(TestRecords.record("late"));
    AuditLogException e =
        assertThrows(AuditLogException.class, () -> log.append(TestRecords.record("late")));
    assertEquals("audit log is closed", e.getMessage());
    assertTrue(late.isCompletedExceptionally());
  }

  @Test
  void aWriteFailureFailsThePendingAndAllLaterAppends() throws Exception {
    AuditLog log = AuditLog.open(AuditConfig.of(dir, FsyncPolicy.BATCH).withMaxFileBytes(4096));
    try {
      log.append(TestRecords.record("a"));
      // The directory disappears: the next rotation cannot create its file.
      for (Path f : SegmentName.listIn(dir)) {
        Files.delete(f);
      }
      Files.delete(dir.resolve(HeadAnchor.FILE_NAME));
      Files.delete(dir);
      AuditLogException first = null;
      for (int i = 0; i < 10 && first == null; i++) {
        try {
          log.append(TestRecords.record("b" + i));
        } catch (AuditLogException e) {
          first = e;
        }
      }
      assertTrue(first != null, "rotating into a missing directory must fail");
      assertTrue(
          first.getMessage().contains("failed and takes no more records"), first.getMessage());
      AuditLogException later =
          assertThrows(AuditLogException.class, () -> log.append(TestRecords.record("c")));
      assertEquals(first.getMessage(), later.getMessage());
    } finally {
      log.close();
    }
  }
}
