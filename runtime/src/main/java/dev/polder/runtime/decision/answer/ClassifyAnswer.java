package dev.polder.runtime.decision.answer;

import dev.polder.runtime.decision.input.Level;
import java.util.Set;
import java.util.TreeSet;

/** classify: a level (the highest stated) and labels (all stated). Global {@code classify}. */
public final class ClassifyAnswer extends Answer {
  private Level level;
  private final Set<String> labels = new TreeSet<>();

  public ClassifyAnswer(String engine) {
    super(engine);
  }

  public void level(String name) {
    Level parsed = Level.parse(name);
    level = Level.max(level, parsed);
    note("level=" + parsed.label());
  }

  public void label(String label) {
    labels.add(label);
    note("label=" + label);
  }

  public Level getLevel() {
    return level;
  }

  public Set<String> getLabels() {
    return Set.copyOf(labels);
  }

  @Override
  public boolean isEmpty() {
    return level == null && labels.isEmpty();
  }
}
