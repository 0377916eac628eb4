package dev.polder.runtime.audit.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.audit.AuditRecord;
import dev.polder.runtime.audit.AuditRecord.DecisionStep;
import dev.polder.runtime.audit.AuditRecord.DecisionTrace;
import dev.polder.runtime.audit.AuditRecordBuilder;
import dev.polder.runtime.audit.LogMode;
import dev.polder.runtime.decision.DecisionRun;
import dev.polder.runtime.decision.answer.Contribution;
import dev.polder.runtime.decision.combine.AccessResult;
import dev.polder.runtime.decision.combine.PointOutcome;
import dev.polder.runtime.decision.combine.RedactResult;
import dev.polder.runtime.decision.input.Classification;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.pipeline.GatewayCall;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Makes the audit record of one call from what its steps left: the call itself, and the exchange
 * properties of {@link CallProperties}. Reads decisions as they were taken; never asks policy
 * anything.
 */
public final class CallRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TRACEPARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");

  private CallRecords() {}

  /** The record of a call that went through the pipeline (status and error already set). */
  public static AuditRecord of(GatewayCall call, LogMode defaultLogMode) {
    Map<String, Object> props = call.properties();
    Optional<DecisionRun> run = decisionRun(call);
    AuditRecordBuilder record =
        AuditRecordBuilder.request(call.requestId(), endpoint(call.operation()))
            .time(receivedAt(call.receivedNanos()))
            .traceId(traceId(call).orElse(null))
            .principal(call.principal() == null ? null : call.principal().id())
            .route(
                call.model(),
                call.backend().orElse(null),
                Boolean.TRUE.equals(props.get(CallProperties.EGRESS)))
            .classification(classification(call, run).orElse(null))
            .findings(findings(props.get(CallProperties.FINDINGS)))
            .decision(run.map(CallRecords::trace).orElse(null))
            .outcome(call.status(), call.errorCode().orElse(null), latencyMs(call.receivedNanos()));
    Optional<RedactResult> redact = point(run, RedactResult.class);
    counts(props.get(CallProperties.REDACTIONS))
        .forEach(
            (type, count) ->
                record.redaction(
                    type, redact.map(r -> r.actionFor(type).label()).orElse(null), count));
    BigDecimal cost = cost(props.get(CallProperties.COST));
    call.usage()
        .ifPresentOrElse(
            usage -> record.usage(usage.promptTokens(), usage.completionTokens(), cost),
            () -> {
              if (cost != null) {
                record.usage(0, 0, cost);
              }
            });
    LogMode mode = logMode(call, defaultLogMode);
    switch (mode) {
      case FULL -> record.content(mode, prompt(call, true), null, answer(props), null);
      case REDACTED ->
          record.content(
              mode,
              null,
              props.containsKey(CallProperties.REDACTIONS) ? prompt(call, false) : null,
              null,
              text(props.get(CallProperties.ANSWER_REDACTED)));
      case METADATA_ONLY -> record.content(mode, null, null, null, null);
    }
    return record.build();
  }

  /**
   * The record of a request that never reached a route (unknown path, wrong method, body too large
   * for the edge to read).
   */
  public static AuditRecord unrouted(
      String requestId,
      String endpoint,
      long receivedNanos,
      String traceparent,
      int status,
      String error) {
    return AuditRecordBuilder.request(requestId, endpoint.isBlank() ? "/" : endpoint)
        .time(receivedAt(receivedNanos))
        .traceId(traceIdOf(traceparent).orElse(null))
        .outcome(status, error, latencyMs(receivedNanos))
        .build();
  }

  /**
   * What the record may keep of prompt and answer: the access decision's log mode, else the
   * configured default.
   */
  public static LogMode logMode(GatewayCall call, LogMode defaultLogMode) {
    return point(decisionRun(call), AccessResult.class)
        .map(AccessResult::logMode)
        .map(
            mode ->
                switch (mode) {
                  case FULL -> LogMode.FULL;
                  case REDACTED -> LogMode.REDACTED;
                  case METADATA -> LogMode.METADATA_ONLY;
                })
        .orElse(defaultLogMode);
  }

  /** The path the caller posted to, e.g. {@code /v1/chat/completions}. */
  public static String endpoint(GatewayCall.Operation operation) {
    return operation.endpoint() == null
        ? "/v1/" + operation.routeId()
        : operation.endpoint().openAiPath();
  }

  static Optional<String> traceId(GatewayCall call) {
    Object set = call.properties().get(CallProperties.TRACE_ID);
    if (set != null && !set.toString().isBlank()) {
      return Optional.of(set.toString());
    }
    return call.header("traceparent").flatMap(CallRecords::traceIdOf);
  }

  static Optional<String> traceIdOf(String traceparent) {
    if (traceparent == null) {
      return Optional.empty();
    }
    var m = TRACEPARENT.matcher(traceparent.trim());
    return m.matches() && !m.group(1).equals("0".repeat(32))
        ? Optional.of(m.group(1))
        : Optional.empty();
  }

  private static Optional<DecisionRun> decisionRun(GatewayCall call) {
    return call.properties().get(CallProperties.DECISION) instanceof DecisionRun run
        ? Optional.of(run)
        : Optional.empty();
  }

  /** The result of an answered point of the given result type. */
  private static <R> Optional<R> point(Optional<DecisionRun> run, Class<R> resultType) {
    if (run.isEmpty()) {
      return Optional.empty();
    }
    for (PointOutcome<?> outcome : run.get().answered()) {
      if (resultType.isInstance(outcome.result())) {
        return Optional.of(resultType.cast(outcome.result()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> classification(GatewayCall call, Optional<DecisionRun> run) {
    return point(run, Classification.class)
        .or(
            () ->
                call.properties().get("polder.classification") instanceof Classification c
                    ? Optional.of(c)
                    : Optional.empty())
        .map(Classification::getLevel);
  }

  private static DecisionTrace trace(DecisionRun run) {
    List<DecisionStep> steps = new ArrayList<>();
    for (PointOutcome<?> outcome : run.answered()) {
      String point = outcome.point().folder();
      for (Contribution c : outcome.contributions()) {
        String source =
            c.file() == null || c.file().isBlank() ? c.rule() : c.rule() + " (" + c.file() + ")";
        steps.add(new DecisionStep(point, c.engine(), source, c.effect()));
      }
      if (outcome.failedClosed()) {
        steps.add(
            new DecisionStep(
                point, null, null, "failed closed: " + String.join("; ", outcome.notes())));
      }
    }
    String bundle = run.bundleHash();
    return new DecisionTrace(
        bundle.isEmpty() ? null : bundle, run.reasons().isEmpty() ? "allow" : "deny", steps);
  }

  private static Map<String, Integer> findings(Object value) {
    Map<String, Integer> byType = new TreeMap<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof FindingSummary f) {
          byType.merge(f.getType(), f.getCount(), Integer::sum);
        }
      }
      return byType;
    }
    return counts(value);
  }

  private static Map<String, Integer> counts(Object value) {
    Map<String, Integer> byType = new TreeMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (type, count) -> {
            if (type != null && count instanceof Number n && n.intValue() >= 0) {
              byType.merge(type.toString(), n.intValue(), Integer::sum);
            }
          });
    }
    return byType;
  }

  private static BigDecimal cost(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return null;
  }

  /** The prompt part of the request as JSON text: the original bytes' or the (redacted) call's. */
  private static String prompt(GatewayCall call, boolean original) {
    JsonNode request = call.request();
    if (original && call.rawBody() != null) {
      try {
        request = JSON.readTree(call.rawBody());
      } catch (IOException e) {
        return null;
      }
    }
    if (!(request instanceof ObjectNode body)) {
      return null;
    }
    for (String field : new String[] {"messages", "prompt", "input"}) {
      if (body.has(field)) {
        return body.get(field).toString();
      }
    }
    return null;
  }

  private static String answer(Map<String, Object> props) {
    return text(props.get(CallProperties.ANSWER));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Instant receivedAt(long receivedNanos) {
    return Instant.now()
        .minus(Duration.ofNanos(System.nanoTime() - receivedNanos))
        .truncatedTo(ChronoUnit.MILLIS);
  }

  private static long latencyMs(long receivedNanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - receivedNanos));
  }
}
