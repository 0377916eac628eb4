package dev.polder.runtime.decision.input;

import java.util.Set;

/**
 * The detectors' findings of one entity type, summarised: how many, the highest score, and where
 * they were found ({@code prompt}, {@code attachment}, {@code tool}). Raw values never get here.
 */
public final class FindingSummary {
  public static final Set<String> LOCATIONS = Set.of("prompt", "attachment", "tool");

  private final String type;
  private final int count;
  private final double maxScore;
  private final Set<String> where;

  public FindingSummary(String type, int count, double maxScore, Set<String> where) {
    this.type = Inputs.required(type, "findings type");
    if (count < 1) {
      throw new IllegalArgumentException("findings." + type + ".count must be at least 1");
    }
    if (maxScore < 0 || maxScore > 1) {
      throw new IllegalArgumentException("findings." + type + ".max_score must be within 0..1");
    }
    this.count = count;
    this.maxScore = maxScore;
    this.where = Set.copyOf(where == null ? Set.of() : where);
    for (String location : this.where) {
      if (!LOCATIONS.contains(location)) {
        throw new IllegalArgumentException(
            "findings."
                + type
                + ".where has '"
                + location
                + "' (expected prompt, attachment or tool)");
      }
    }
  }

  public String getType() {
    return type;
  }

  public int getCount() {
    return count;
  }

  public double getMaxScore() {
    return maxScore;
  }

  public Set<String> getWhere() {
    return where;
  }

  public boolean foundIn(String location) {
    return where.contains(location);
  }
}
