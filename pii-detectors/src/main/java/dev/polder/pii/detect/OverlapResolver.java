package dev.polder.pii.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks non-overlapping findings deterministically: a validated finding beats an unvalidated one,
 * then the higher score wins, then the longer span; remaining ties go to the earlier start, then
 * type and detector name, so the same input always gives the same output.
 */
public final class OverlapResolver {

  public static final Comparator<Finding> PRIORITY =
      Comparator.comparing(Finding::validated)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
          .thenComparing(Comparator.comparingInt(Finding::length).reversed())
          .thenComparingInt(Finding::start)
          .thenComparing(Finding::type)
          .thenComparing(Finding::detector);

  private OverlapResolver() {}

  /** Non-overlapping findings, sorted by start offset. */
  public static List<Finding> resolve(List<Finding> candidates) {
    List<Finding> byPriority = new ArrayList<>(candidates);
    byPriority.sort(PRIORITY);
    List<Finding> kept = new ArrayList<>();
    for (Finding candidate : byPriority) {
      if (kept.stream().noneMatch(candidate::overlaps)) {
        kept.add(candidate);
      }
    }
    kept.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
    return kept;
  }
}
