package dev.polder.runtime.decision.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * route: the backends this answer allows (null until a rule allows one: the answer abstains),
 * backends it excludes whatever others allow, a preference order and a token cap. Global {@code
 * route}.
 */
public final class RouteAnswer extends Answer {
  private Set<String> allowed;
  private final Set<String> excluded = new TreeSet<>();
  private final List<String> preference = new ArrayList<>();
  private Integer maxTokens;

  public RouteAnswer(String engine) {
    super(engine);
  }

  public void allow(String backend) {
    if (allowed == null) {
      allowed = new LinkedHashSet<>();
    }
    allowed.add(backend);
    note("allow " + backend);
  }

  /** States that this answer allows nothing (distinct from abstaining). */
  public void allowNone() {
    if (allowed == null) {
      allowed = new LinkedHashSet<>();
    }
    note("allow none");
  }

  public void exclude(String backend) {
    excluded.add(backend);
    note("exclude " + backend);
  }

  public void prefer(String backend) {
    if (!preference.contains(backend)) {
      preference.add(backend);
    }
    note("prefer " + backend);
  }

  public void maxTokens(int cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("max tokens cap must not be negative: " + cap);
    }
    maxTokens = maxTokens == null ? cap : Math.min(maxTokens, cap);
    note("max_tokens=" + cap);
  }

  public Set<String> getAllowed() {
    return allowed == null ? null : Set.copyOf(allowed);
  }

  public Set<String> getExcluded() {
    return Set.copyOf(excluded);
  }

  public List<String> getPreference() {
    return List.copyOf(preference);
  }

  public Integer getMaxTokens() {
    return maxTokens;
  }

  @Override
  public boolean isEmpty() {
    return allowed == null && excluded.isEmpty() && preference.isEmpty() && maxTokens == null;
  }
}
