package dev.polder.runtime.audit;

import dev.polder.runtime.audit.AuditRecord.DecisionStep;
import dev.polder.runtime.audit.AuditRecord.DecisionTrace;
import dev.polder.runtime.audit.AuditRecord.Redaction;
import dev.polder.runtime.audit.AuditRecord.TokenUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;

/** Realistic audit records for tests and the crash driver. */
final class TestRecords {
  private TestRecords() {}

  static AuditRecord record(String requestId) {
    TreeMap<String, Integer> findings = new TreeMap<>();
    findings.put("EMAIL", 2);
    findings.put("IBAN", 1);
    return new AuditRecord(
        Instant.parse("2026-01-01T12:00:00.123456Z"),
        requestId,
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
                new DecisionStep("access", "rego", "policies/access/egress.rego", "allow"))),
        List.of(new Redaction("IBAN", "mask", 1), new Redaction("EMAIL", "pseudonymize", 2)),
        new TokenUsage(412, 128),
        new BigDecimal("0.000540"),
        231,
        200,
        null,
        LogMode.REDACTED,
        "Pay <IBAN_1> and mail <EMAIL_1>",
        "Done.");
  }

  /** A clock that tests move by hand, for rotation by age. */
  static final class ManualClock extends Clock {
    private volatile Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    void advance(java.time.Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
