package dev.polder.runtime.audit.trail;

/**
 * Exchange properties (carried in {@code GatewayCall.properties()}) that the audit record is made
 * from. Steps of any route may set them; the record takes what it finds.
 */
public final class CallProperties {

  /** Findings of the detectors: {@code List<FindingSummary>} (or a {@code Map<String,Integer>}). */
  public static final String FINDINGS = "polder.findings";

  /** The request's {@code DecisionRun} (set by the decide-* steps). */
  public static final String DECISION = "polder.decision";

  /**
   * Redactions applied: entity type to count, {@code Map<String,Integer>}. Its presence also says
   * that the request in the call is the redacted one (what {@code redacted} log mode keeps).
   */
  public static final String REDACTIONS = "polder.redactions";

  /** W3C trace id (32 hex digits) of the request's span; else the caller's traceparent is used. */
  public static final String TRACE_ID = "polder.trace-id";

  /** Cost of the call in the accounting currency: a {@code BigDecimal} or other {@code Number}. */
  public static final String COST = "polder.cost";

  /** {@code Boolean.TRUE} once the request was sent to an external backend. */
  public static final String EGRESS = "polder.egress";

  /** The answer text as relayed to the caller (kept only when the log mode is full). */
  public static final String ANSWER = "polder.answer";

  /** The answer after redaction, for the redacted log mode (set by a response-redaction step). */
  public static final String ANSWER_REDACTED = "polder.answer.redacted";

  /** The record's pending append: a {@code CompletableFuture<AuditReceipt>} (set by the step). */
  public static final String PENDING = "polder.audit.pending";

  private CallProperties() {}
}
