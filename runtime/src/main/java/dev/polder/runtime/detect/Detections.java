package dev.polder.runtime.detect;

import dev.polder.pii.detect.Finding;
import dev.polder.runtime.decision.input.FindingSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the detect step found in one request: every scanned text with its findings (spans, for the
 * redact step only) and the summary policy sees (types, counts, scores, where; never values).
 */
public final class Detections {

  /** Exchange property holding the detections of the request (spans: redact step only). */
  public static final String PROPERTY = "polder.detections";

  /** One scanned text and its non-overlapping findings in text order. */
  public record Scanned(TextSlot slot, List<Finding> findings) {
    public Scanned {
      findings = List.copyOf(findings);
    }
  }

  private final List<Scanned> scanned;

  public Detections(List<Scanned> scanned) {
    this.scanned = List.copyOf(scanned);
  }

  public List<Scanned> scanned() {
    return scanned;
  }

  public boolean isEmpty() {
    return scanned.stream().allMatch(s -> s.findings().isEmpty());
  }

  /** Per entity type: how many, the highest score and where, in order of first appearance. */
  public List<FindingSummary> summary() {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Double> scores = new LinkedHashMap<>();
    Map<String, Set<String>> where = new LinkedHashMap<>();
    for (Scanned s : scanned) {
      for (Finding f : s.findings()) {
        counts.computeIfAbsent(f.type(), t -> new int[1])[0]++;
        scores.merge(f.type(), f.score(), Math::max);
        where.computeIfAbsent(f.type(), t -> new LinkedHashSet<>()).add(s.slot().where());
      }
    }
    List<FindingSummary> out = new ArrayList<>();
    counts.forEach(
        (type, n) -> out.add(new FindingSummary(type, n[0], scores.get(type), where.get(type))));
    return out;
  }
}
