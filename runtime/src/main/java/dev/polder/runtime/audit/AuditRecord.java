package dev.polder.runtime.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the gateway records about one request or tool call. The log adds the chain fields ({@code
 * v}, {@code seq}, {@code prev}) in front of these when it writes the line; the field order below
 * is the canonical order of the JSON, so the bytes (and so the hash) of a record are reproducible.
 *
 * <p>Findings are counts by entity type, never the values. The prompt and answer are present only
 * as {@link #logMode} allows: both must be null for {@link LogMode#METADATA_ONLY}; for {@link
 * LogMode#REDACTED} the caller passes the redacted text.
 */
@JsonPropertyOrder({
  "time",
  "requestId",
  "traceId",
  "principal",
  "endpoint",
  "virtualModel",
  "backend",
  "egress",
  "classification",
  "findings",
  "decision",
  "redactions",
  "tokens",
  "cost",
  "latencyMs",
  "status",
  "error",
  "logMode",
  "prompt",
  "answer"
})
public record AuditRecord(
    Instant time,
    String requestId,
    String traceId,
    String principal,
    String endpoint,
    String virtualModel,
    String backend,
    boolean egress,
    String classification,
    SortedMap<String, Integer> findings,
    DecisionTrace decision,
    List<Redaction> redactions,
    TokenUsage tokens,
    BigDecimal cost,
    long latencyMs,
    int status,
    String error,
    LogMode logMode,
    String prompt,
    String answer) {

  public AuditRecord {
    requireText(requestId, "requestId");
    requireText(endpoint, "endpoint");
    Objects.requireNonNull(time, "audit record: time is required");
    Objects.requireNonNull(logMode, "audit record: logMode is required");
    findings = findings == null ? new TreeMap<>() : new TreeMap<>(findings);
    for (Map.Entry<String, Integer> finding : findings.entrySet()) {
      if (finding.getValue() == null || finding.getValue() < 0) {
        throw new IllegalArgumentException(
            "audit record: findings count for '" + finding.getKey() + "' must be >= 0");
      }
    }
    redactions = redactions == null ? List.of() : List.copyOf(redactions);
    if (latencyMs < 0) {
      throw new IllegalArgumentException("audit record: latencyMs must be >= 0, was " + latencyMs);
    }
    if (logMode == LogMode.METADATA_ONLY && (prompt != null || answer != null)) {
      throw new IllegalArgumentException(
          "audit record: log mode metadata_only forbids prompt and answer (request "
              + requestId
              + ")");
    }
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("audit record: " + field + " is required");
    }
  }

  /** The decisions taken for the request, with the hash of the policy bundle that took them. */
  @JsonPropertyOrder({"bundleHash", "outcome", "steps"})
  public record DecisionTrace(String bundleHash, String outcome, List<DecisionStep> steps) {
    public DecisionTrace {
      steps = steps == null ? List.of() : List.copyOf(steps);
    }
  }

  /** One answer of one engine at one decision point, and where it came from. */
  @JsonPropertyOrder({"point", "engine", "source", "outcome"})
  public record DecisionStep(String point, String engine, String source, String outcome) {}

  /** A redaction action applied to all findings of one entity type. */
  @JsonPropertyOrder({"entityType", "action", "count"})
  public record Redaction(String entityType, String action, int count) {}

  /** Token counts as the backend reported them (or as the gateway counted them). */
  @JsonPropertyOrder({"input", "output"})
  public record TokenUsage(long input, long output) {}
}
