package dev.polder.runtime.audit;

import dev.polder.runtime.audit.AuditRecord.DecisionTrace;
import dev.polder.runtime.audit.AuditRecord.Redaction;
import dev.polder.runtime.audit.AuditRecord.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an {@link AuditRecord} field by field, and keeps the prompt and answer only as the log
 * mode allows: {@link #content} is given both the original and the redacted text and picks.
 */
public final class AuditRecordBuilder {
  private Instant time = Instant.now();
  private String requestId;
  private String traceId;
  private String principal;
  private String endpoint;
  private String virtualModel;
  private String backend;
  private boolean egress;
  private String classification;
  private final TreeMap<String, Integer> findings = new TreeMap<>();
  private DecisionTrace decision;
  private final List<Redaction> redactions = new ArrayList<>();
  private TokenUsage tokens;
  private BigDecimal cost;
  private long latencyMs;
  private int status;
  private String error;
  private LogMode logMode = LogMode.METADATA_ONLY;
  private String prompt;
  private String answer;

  public static AuditRecordBuilder request(String requestId, String endpoint) {
    AuditRecordBuilder builder = new AuditRecordBuilder();
    builder.requestId = requestId;
    builder.endpoint = endpoint;
    return builder;
  }

  public AuditRecordBuilder time(Instant value) {
    time = value;
    return this;
  }

  public AuditRecordBuilder traceId(String value) {
    traceId = value;
    return this;
  }

  public AuditRecordBuilder principal(String value) {
    principal = value;
    return this;
  }

  public AuditRecordBuilder route(String virtualModel, String backend, boolean egress) {
    this.virtualModel = virtualModel;
    this.backend = backend;
    this.egress = egress;
    return this;
  }

  public AuditRecordBuilder classification(String value) {
    classification = value;
    return this;
  }

  /** Adds findings of one entity type (counts add up). */
  public AuditRecordBuilder finding(String entityType, int count) {
    findings.merge(entityType, count, Integer::sum);
    return this;
  }

  public AuditRecordBuilder findings(Map<String, Integer> countsByType) {
    countsByType.forEach(this::finding);
    return this;
  }

  public AuditRecordBuilder decision(DecisionTrace value) {
    decision = value;
    return this;
  }

  public AuditRecordBuilder redaction(String entityType, String action, int count) {
    redactions.add(new Redaction(entityType, action, count));
    return this;
  }

  public AuditRecordBuilder usage(long inputTokens, long outputTokens, BigDecimal cost) {
    this.tokens = new TokenUsage(inputTokens, outputTokens);
    this.cost = cost;
    return this;
  }

  public AuditRecordBuilder outcome(int status, String error, long latencyMs) {
    this.status = status;
    this.error = error;
    this.latencyMs = latencyMs;
    return this;
  }

  /**
   * Sets the log mode and keeps of the exchange what it allows: the original texts for {@code
   * full}, the redacted ones for {@code redacted}, nothing for {@code metadata_only}.
   */
  public AuditRecordBuilder content(
      LogMode mode,
      String originalPrompt,
      String redactedPrompt,
      String originalAnswer,
      String redactedAnswer) {
    logMode = mode;
    switch (mode) {
      case FULL -> {
        prompt = originalPrompt;
        answer = originalAnswer;
      }
      case REDACTED -> {
        prompt = redactedPrompt;
        answer = redactedAnswer;
      }
      case METADATA_ONLY -> {
        prompt = null;
        answer = null;
      }
    }
    return this;
  }

  /**
   * @throws IllegalArgumentException naming the missing or invalid field
   */
  public AuditRecord build() {
    return new AuditRecord(
        time,
        requestId,
        traceId,
        principal,
        endpoint,
        virtualModel,
        backend,
        egress,
        classification,
        findings,
        decision,
        redactions,
        tokens,
        cost,
        latencyMs,
        status,
        error,
        logMode,
        prompt,
        answer);
  }
}
