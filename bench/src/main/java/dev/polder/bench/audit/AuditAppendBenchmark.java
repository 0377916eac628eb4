package dev.polder.bench.audit;

import dev.polder.runtime.audit.AuditConfig;
import dev.polder.runtime.audit.AuditLog;
import dev.polder.runtime.audit.AuditReceipt;
import dev.polder.runtime.audit.AuditRecord;
import dev.polder.runtime.audit.AuditRecord.DecisionStep;
import dev.polder.runtime.audit.AuditRecord.DecisionTrace;
import dev.polder.runtime.audit.AuditRecord.Redaction;
import dev.polder.runtime.audit.AuditRecord.TokenUsage;
import dev.polder.runtime.audit.ChainVerifier;
import dev.polder.runtime.audit.FsyncPolicy;
import dev.polder.runtime.audit.LogMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link AuditLog#append} (serialize, chain, write, fsync per policy) for a realistic ~1 KB
 * record. Run with {@code -t 1} and {@code -t 16} for 1 and 16 concurrent appenders: throughput
 * mode gives records/s over all threads, sample mode the latency percentiles an append adds to a
 * request. The log lives in {@code -Dpolder.bench.audit.dir} (default: a temp dir).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class AuditAppendBenchmark {
  @Param({"ALWAYS", "BATCH", "NONE"})
  public String fsync;

  /** Group-commit window for BATCH, in microseconds. */
  @Param({"1000"})
  public long batchWindowMicros;

  private Path directory;
  private AuditLog log;
  private AuditRecord record;

  @Setup(Level.Trial)
  public void open() throws IOException {
    String base = System.getProperty("polder.bench.audit.dir");
    directory =
        base == null
            ? Files.createTempDirectory("polder-audit-bench")
            : Files.createTempDirectory(Files.createDirectories(Path.of(base)), "run");
    AuditConfig config =
        AuditConfig.of(directory, FsyncPolicy.parse(fsync))
            .withBatchWindow(Duration.ofNanos(batchWindowMicros * 1000));
    log = AuditLog.open(config);
    record = sampleRecord();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    log.close();
    System.out.printf(
        "%n[audit] %s window=%dus: %d records, %d fsyncs, %.1f records per fsync%n",
        fsync,
        batchWindowMicros,
        log.recordsWritten(),
        log.forces(),
        log.forces() == 0 ? 0.0 : (double) log.recordsWritten() / log.forces());
    long started = System.nanoTime();
    ChainVerifier.Result verified = ChainVerifier.verify(directory);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "[audit] verify: %s, %d records in %.2f s (%.0f records/s)%n",
        verified.status(), verified.records(), seconds, verified.records() / seconds);
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public AuditReceipt append() {
    return log.append(record);
  }

  static AuditRecord sampleRecord() {
    TreeMap<String, Integer> findings = new TreeMap<>();
    findings.put("EMAIL", 2);
    findings.put("IBAN", 1);
    return new AuditRecord(
        Instant.parse("2026-01-01T12:00:00.123456Z"),
        "0f8e3c1a-7b7d-4b8e-9c59-2d6f3c0e1a77",
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "svc:billing-bot",
        "/v1/chat/completions",
        "chat-default",
        "vllm-internal",
        false,
        "confidential",
        findings,
        new DecisionTrace(
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "allow",
            List.of(
                new DecisionStep(
                    "classify", "drools", "rules/classify/pii.drl#iban", "confidential"),
                new DecisionStep("access", "rego", "policies/access/egress.rego", "allow"),
                new DecisionStep("redact", "rego", "policies/redact/default.rego", "mask"),
                new DecisionStep(
                    "route", "drools", "rules/route/internal-only.drl", "vllm-internal"))),
        List.of(new Redaction("IBAN", "mask", 1), new Redaction("EMAIL", "pseudonymize", 2)),
        new TokenUsage(412, 128),
        new BigDecimal("0.000540"),
        231,
        200,
        null,
        LogMode.REDACTED,
        "Please pay invoice 2026-113 to <IBAN_1> and send the receipt to <EMAIL_1> and <EMAIL_2>."
            + " Summarise the payment terms of the attached contract in three bullet points.",
        "- Net 30 days from the invoice date.\n- 2% discount if paid within 10 days.\n"
            + "- Late payments accrue 1% interest per month.");
  }
}
