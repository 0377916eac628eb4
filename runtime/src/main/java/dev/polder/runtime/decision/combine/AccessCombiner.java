package dev.polder.runtime.decision.combine;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.LogMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * access: deny overrides (and at least one answer must allow); egress only if every answer that
 * states it permits it; obligations united; the strictest log mode (metadata if none is stated).
 */
public final class AccessCombiner {
  public static final String POLICY_FAILED_REASON =
      "The request could not be checked against policy.";
  public static final String NOTHING_ALLOWS_REASON = "No rule or policy allows this request.";

  private AccessCombiner() {}

  public static PointOutcome<AccessResult> combine(List<AccessAnswer> answers) {
    List<String> notes = PointOutcome.failures(answers);
    boolean failed = !notes.isEmpty();
    List<String> reasons = new ArrayList<>();
    Set<String> obligations = new TreeSet<>();
    boolean anyAllow = false;
    boolean anyRefusal = false;
    Boolean egress = null;
    LogMode logMode = null;
    for (AccessAnswer answer : answers) {
      if (answer.getAllow() != null) {
        anyAllow |= answer.getAllow();
        anyRefusal |= !answer.getAllow();
      }
      for (String reason : answer.getDenyReasons()) {
        if (!reasons.contains(reason)) {
          reasons.add(reason);
        }
      }
      if (answer.getEgress() != null) {
        egress = egress == null ? answer.getEgress() : egress && answer.getEgress();
      }
      obligations.addAll(answer.getObligations());
      logMode = LogMode.strictest(logMode, answer.getLogMode());
    }
    boolean failedClosed = failed;
    if (failed) {
      reasons.add(POLICY_FAILED_REASON);
    } else if (!anyAllow && reasons.isEmpty()) {
      reasons.add(NOTHING_ALLOWS_REASON);
      notes.add("no rule or policy allowed the request (fail closed)");
      failedClosed = true;
    }
    boolean allowed = !failed && anyAllow && !anyRefusal && reasons.isEmpty();
    if (egress == null) {
      notes.add("no rule or policy permitted egress: internal backends only");
    }
    if (logMode == null) {
      logMode = LogMode.METADATA;
      notes.add("no rule or policy stated a log mode: metadata");
    }
    boolean egressPermitted = allowed && Boolean.TRUE.equals(egress);
    AccessResult result =
        new AccessResult(
            allowed, reasons, egressPermitted, obligations, failed ? LogMode.METADATA : logMode);
    return PointOutcome.of(DecisionPoint.ACCESS, result, answers, notes, failedClosed);
  }
}
