package dev.polder.runtime.decision.combine;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.input.Backend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * route: the intersection of the allowed sets (of answers that state one) within the candidates,
 * less anything excluded, and without external backends unless egress is permitted; preferences in
 * answer order, then candidate order; the smallest cap.
 */
public final class RouteCombiner {
  private RouteCombiner() {}

  public static PointOutcome<RouteResult> combine(
      List<Backend> candidates, List<RouteAnswer> answers, boolean egressPermitted) {
    List<String> notes = PointOutcome.failures(answers);
    boolean failed = !notes.isEmpty();
    Set<String> allowed = new LinkedHashSet<>();
    for (Backend backend : candidates) {
      allowed.add(backend.getName());
    }
    boolean anyStated = false;
    Integer cap = null;
    List<String> preference = new ArrayList<>();
    for (RouteAnswer answer : answers) {
      if (answer.getAllowed() != null) {
        anyStated = true;
        allowed.retainAll(answer.getAllowed());
      }
      allowed.removeAll(answer.getExcluded());
      if (answer.getMaxTokens() != null) {
        cap = cap == null ? answer.getMaxTokens() : Math.min(cap, answer.getMaxTokens());
      }
      for (String name : answer.getPreference()) {
        if (!preference.contains(name)) {
          preference.add(name);
        }
      }
    }
    boolean failedClosed = failed;
    if (failed) {
      allowed.clear();
    } else if (!anyStated) {
      allowed.clear();
      failedClosed = true;
      notes.add("no rule or policy allowed any backend (fail closed)");
    }
    if (!egressPermitted) {
      for (Backend backend : candidates) {
        if (backend.isExternal() && allowed.remove(backend.getName())) {
          notes.add("egress not permitted: external backend " + backend.getName() + " removed");
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String name : preference) {
      if (allowed.contains(name)) {
        ordered.add(name);
      }
    }
    for (String name : allowed) {
      if (!ordered.contains(name)) {
        ordered.add(name);
      }
    }
    if (ordered.isEmpty() && !failedClosed) {
      notes.add("no candidate backend is allowed");
    }
    return PointOutcome.of(
        DecisionPoint.ROUTE, new RouteResult(ordered, cap), answers, notes, failedClosed);
  }
}
