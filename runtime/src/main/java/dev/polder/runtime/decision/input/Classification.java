package dev.polder.runtime.decision.input;

import java.util.Set;

/** A classification: the input's "so far" before classify, the combined result after it. */
public final class Classification {
  private final Level level;
  private final Set<String> labels;

  public Classification(Level level, Set<String> labels) {
    this.level = level == null ? Level.PUBLIC : level;
    this.labels = Set.copyOf(labels == null ? Set.of() : labels);
  }

  public Level level() {
    return level;
  }

  /** The level's name for rules: {@code Classification(level == "restricted")}. */
  public String getLevel() {
    return level.label();
  }

  public Set<String> getLabels() {
    return labels;
  }

  public boolean hasLabel(String label) {
    return labels.contains(label);
  }

  /** For rules: {@code Classification(atLeast("confidential"))}. */
  public boolean atLeast(String levelName) {
    return level.atLeast(Level.parse(levelName));
  }
}
