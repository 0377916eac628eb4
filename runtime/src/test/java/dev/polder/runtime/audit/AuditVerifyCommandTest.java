package dev.polder.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tampers with a 30-record log in three files (A: seq 1-10, B: 11-20, C: 21-30) in every way the
 * verifier must catch, and checks its exact verdict.
 */
class AuditVerifyCommandTest {
  static final String A = "audit-0000000000000001-20260101T000000Z.jsonl";
  static final String B = "audit-0000000000000011-20260101T010000Z.jsonl";
  static final String C = "audit-0000000000000021-20260101T020000Z.jsonl";

  @TempDir Path dir;
  final List<String> hashes = new ArrayList<>(); // hashes.get(n) is the hash of seq n

  interface Tamper {
    void apply(AuditVerifyCommandTest t) throws IOException;
  }

  @BeforeEach
  void writeThirtyRecordsInThreeFiles() {
    TestRecords.ManualClock clock =
        new TestRecords.ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    AuditConfig config = AuditConfig.of(dir, FsyncPolicy.NONE).withMaxFileAge(Duration.ofHours(1));
    hashes.add(ChainHash.GENESIS);
    try (AuditLog log = AuditLog.open(config, clock)) {
      for (int seq = 1; seq <= 30; seq++) {
        hashes.add(log.append(TestRecords.record("req-" + seq)).hash());
        if (seq % 10 == 0) {
          clock.advance(Duration.ofHours(1));
        }
      }
    }
  }

  static Stream<Arguments> tamperings() {
    return Stream.of(
        Arguments.of(
            "untouched",
            (Tamper) t -> {},
            0,
            "OK: 30 records in 3 files; last hash {30}; audit.head matches"),
        Arguments.of(
            "alter a field",
            (Tamper)
                t -> t.edit(B, lines -> lines.set(4, lines.get(4).replace("req-15", "req-51"))),
            1,
            "FAILED: record altered: seq 15 at "
                + B
                + ":5 does not match the hash that seq 16 at "
                + B
                + ":6 holds for it"),
        Arguments.of(
            "delete a line",
            (Tamper) t -> t.edit(B, lines -> lines.remove(4)),
            1,
            "FAILED: records removed: seq 15 missing between seq 14 at "
                + B
                + ":4 and seq 16 at "
                + B
                + ":5"),
        Arguments.of(
            "insert a forged copy after the original",
            (Tamper)
                t -> t.edit(B, lines -> lines.add(5, lines.get(4).replace("req-15", "req-evil"))),
            1,
            "FAILED: record inserted: " + B + ":6 (claims seq 15) is not in the chain"),
        Arguments.of(
            "insert a forged copy before the original",
            (Tamper)
                t -> t.edit(B, lines -> lines.add(4, lines.get(4).replace("req-15", "req-evil"))),
            1,
            "FAILED: record inserted: " + B + ":5 (claims seq 15) is not in the chain"),
        Arguments.of(
            "insert a line with an invented seq",
            (Tamper)
                t ->
                    t.edit(
                        B,
                        lines -> lines.add(4, lines.get(4).replace("\"seq\":15,", "\"seq\":99,"))),
            1,
            "FAILED: record inserted: " + B + ":5 (claims seq 99) is not in the chain"),
        Arguments.of(
            "swap two adjacent lines",
            (Tamper) t -> t.edit(B, lines -> lines.set(4, lines.set(5, lines.get(4)))),
            1,
            "FAILED: records reordered: seq 16 at " + B + ":5 comes before seq 15 at " + B + ":6"),
        Arguments.of(
            "swap two distant lines",
            (Tamper) t -> t.edit(B, lines -> lines.set(1, lines.set(7, lines.get(1)))),
            1,
            "FAILED: records reordered: seq 18 at " + B + ":2 comes before seq 12 at " + B + ":8"),
        Arguments.of(
            "delete a whole middle file",
            (Tamper) t -> Files.delete(t.dir.resolve(B)),
            1,
            "FAILED: records removed: seq 11..20 missing between seq 10 at "
                + A
                + ":10 and seq 21 at "
                + C
                + ":1"),
        Arguments.of(
            "delete the first file",
            (Tamper) t -> Files.delete(t.dir.resolve(A)),
            1,
            "FAILED: records removed: seq 1..10 missing between the start of the log and seq 11 at "
                + B
                + ":1"),
        Arguments.of(
            "cut whole records from the tail",
            (Tamper) t -> t.edit(C, lines -> lines.subList(7, 10).clear()),
            1,
            "FAILED: records removed from the tail: the log ends at seq 27 at "
                + C
                + ":7 but audit.head records seq 30"),
        Arguments.of(
            "truncate the tail inside the last record",
            (Tamper)
                t -> {
                  Path c = t.dir.resolve(C);
                  try (var channel =
                      java.nio.channels.FileChannel.open(c, StandardOpenOption.WRITE)) {
                    channel.truncate(Files.size(c) - 40);
                  }
                },
            1,
            "FAILED: records removed from the tail: the log ends at seq 29 at "
                + C
                + ":9 but audit.head records seq 30"),
        Arguments.of(
            "alter the newest record",
            (Tamper)
                t -> t.edit(C, lines -> lines.set(9, lines.get(9).replace("req-30", "req-03"))),
            1,
            "FAILED: record altered: seq 30 at " + C + ":10 does not match the hash in audit.head"),
        Arguments.of(
            "replace a line with something that is no record",
            (Tamper) t -> t.edit(B, lines -> lines.set(4, "{\"v\":1}")),
            1,
            "FAILED: malformed record at " + B + ":5: missing or invalid \"seq\""),
        Arguments.of(
            "a crash cut the next write short",
            (Tamper)
                t ->
                    Files.write(
                        t.dir.resolve(C),
                        "{\"v\":1,\"seq\":31,\"prev\":\"".getBytes(StandardCharsets.US_ASCII),
                        StandardOpenOption.APPEND),
            2,
            "TORN: "
                + C
                + ":11 is a partial record (24 bytes without a newline), as a crash leaves; the 30 records before it verify, last hash {30}. Opening the log moves the partial record aside."),
        Arguments.of(
            "cut the tail and remove the head anchor",
            (Tamper)
                t -> {
                  t.edit(C, lines -> lines.subList(7, 10).clear());
                  Files.delete(t.dir.resolve(HeadAnchor.FILE_NAME));
                },
            0,
            "OK: 27 records in 3 files; last hash {27}; no audit.head, so records cut from the tail would go unnoticed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void reportsTheFirstBrokenRecordByPosition(
      String name, Tamper tamper, int exitCode, String message) throws IOException {
    tamper.apply(this);

    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
    int code = AuditVerifyCommand.run(new String[] {"verify", dir.toString()}, print, print);

    assertEquals(expand(message) + System.lineSeparator(), output.toString(StandardCharsets.UTF_8));
    assertEquals(exitCode, code);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--pruned|0|OK: 20 records in 2 files, from seq 11 (earlier records pruned; seq 11 links to {10}); last hash {30}; audit.head matches",
        "strict|1|FAILED: records removed: seq 1..10 missing between the start of the log and seq 11 at "
            + B
            + ":1"
      })
  void retentionThatRemovedTheOldestFileIsAcceptedOnlyWhenAsked(
      String mode, int exitCode, String message) throws IOException {
    Files.delete(dir.resolve(A));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
    String[] args =
        mode.equals("strict")
            ? new String[] {"verify", dir.toString()}
            : new String[] {"verify", dir.toString(), mode};

    assertEquals(exitCode, AuditVerifyCommand.run(args, print, print));
    assertEquals(expand(message) + System.lineSeparator(), output.toString(StandardCharsets.UTF_8));
  }

  @Test
  void usageErrorsExit64() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
    Path missing = dir.resolve("missing");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertEquals(64, AuditVerifyCommand.run(new String[] {"verify"}, print, print));
    assertEquals(64, AuditVerifyCommand.run(new String[] {missing.toString()}, print, print));
    assertEquals(
        64, AuditVerifyCommand.run(new String[] {"verify", empty.toString()}, print, print));
    assertEquals(
        "usage: polder audit verify <audit-log-directory> [--pruned]\n"
            + "polder audit verify: "
            + missing
            + " is not a directory\n"
            + "polder audit verify: no audit log files (audit-*.jsonl) in "
            + empty
            + "\n",
        output.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  private String expand(String message) {
    String expanded = message;
    for (int seq = hashes.size() - 1; seq >= 0; seq--) {
      expanded = expanded.replace("{" + seq + "}", hashes.get(seq));
    }
    return expanded;
  }

  interface LineEdit {
    void apply(List<String> lines);
  }

  void edit(String file, LineEdit edit) throws IOException {
    Path path = dir.resolve(file);
    List<String> lines = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
    edit.apply(lines);
    Files.write(path, lines, StandardCharsets.UTF_8);
  }
}
