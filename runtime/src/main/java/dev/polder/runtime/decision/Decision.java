package dev.polder.runtime.decision;

import dev.polder.runtime.decision.answer.Contribution;
import dev.polder.runtime.decision.combine.AccessResult;
import dev.polder.runtime.decision.combine.PointOutcome;
import dev.polder.runtime.decision.combine.RedactResult;
import dev.polder.runtime.decision.combine.RouteResult;
import dev.polder.runtime.decision.combine.ToolVerdict;
import dev.polder.runtime.decision.input.Classification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combined decision of every point for one request, with its trace. {@link #allowed()} is the
 * single answer the pipeline acts on; {@link #reasons()} are what the caller is told.
 */
public record Decision(
    String bundleHash,
    PointOutcome<Classification> classify,
    PointOutcome<AccessResult> access,
    PointOutcome<RedactResult> redact,
    PointOutcome<RouteResult> route,
    PointOutcome<Map<String, ToolVerdict>> toolAccess,
    List<String> reasons,
    long nanos) {

  public Decision {
    reasons = List.copyOf(reasons);
  }

  /**
   * Go ahead: access allows, no point failed, nothing found must block, and (when there are
   * candidates) some backend is allowed.
   */
  public boolean allowed() {
    return reasons.isEmpty();
  }

  /** Whether an external backend may receive this request. */
  public boolean egress() {
    return allowed() && access.result().egress();
  }

  public List<PointOutcome<?>> outcomes() {
    return List.of(classify, access, redact, route, toolAccess);
  }

  /** The decision trace as a JSON-shaped document (explain endpoint, audit record). */
  public Map<String, Object> trace() {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("bundle", bundleHash);
    doc.put("allowed", allowed());
    doc.put("reasons", reasons);
    doc.put("egress", egress());
    List<Object> points = new ArrayList<>();
    for (PointOutcome<?> outcome : outcomes()) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("point", outcome.point().folder());
      point.put("result", outcome.result());
      point.put("failed_closed", outcome.failedClosed());
      point.put("error", outcome.error());
      point.put("notes", outcome.notes());
      List<Object> contributions = new ArrayList<>();
      for (Contribution c : outcome.contributions()) {
        contributions.add(
            Map.of("engine", c.engine(), "rule", c.rule(), "file", c.file(), "effect", c.effect()));
      }
      point.put("contributions", contributions);
      points.add(point);
    }
    doc.put("points", points);
    doc.put("micros", nanos / 1000);
    return doc;
  }
}
