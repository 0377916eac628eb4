package dev.polder.runtime.routing;

import dev.polder.runtime.config.GatewayConfig.Strategy;
import dev.polder.runtime.config.GatewayConfig.Target;
import dev.polder.runtime.config.GatewayConfig.VirtualModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The order in which a virtual model's backends are tried: targets by priority (lowest number
 * first); within a priority, by weighted random draw or by measured latency; then the explicit
 * fallback list. The first entry serves the request, the rest are the failover path.
 */
public final class CandidateOrder {

  private CandidateOrder() {}

  public static List<String> of(
      VirtualModel model, LatencyTracker latency, RandomGenerator random) {
    Map<Integer, List<Target>> byPriority = new TreeMap<>();
    for (Target target : model.targets()) {
      byPriority.computeIfAbsent(target.priority(), p -> new ArrayList<>()).add(target);
    }
    LinkedHashSet<String> order = new LinkedHashSet<>();
    for (List<Target> group : byPriority.values()) {
      if (model.strategy() == Strategy.latency) {
        group.stream()
            .sorted(Comparator.comparingLong(t -> latency.averageMicros(t.backend())))
            .forEach(t -> order.add(t.backend()));
      } else {
        weightedShuffle(group, random).forEach(t -> order.add(t.backend()));
      }
    }
    model.fallback().ifPresent(order::addAll);
    return List.copyOf(order);
  }

  /** Weighted sampling without replacement; weight-0 targets come last, as failover only. */
  static List<Target> weightedShuffle(List<Target> group, RandomGenerator random) {
    List<Target> remaining = new ArrayList<>(group);
    List<Target> drawn = new ArrayList<>(group.size());
    while (!remaining.isEmpty()) {
      long total = 0;
      for (Target t : remaining) {
        total += t.weight();
      }
      if (total == 0) {
        drawn.addAll(remaining);
        break;
      }
      long point = random.nextLong(total);
      for (int i = 0; i < remaining.size(); i++) {
        point -= remaining.get(i).weight();
        if (point < 0) {
          drawn.add(remaining.remove(i));
          break;
        }
      }
    }
    return drawn;
  }

  /** Moves a remembered backend to the front, if it is still one of the candidates. */
  public static List<String> preferring(List<String> candidates, String backend) {
    if (!candidates.contains(backend) || candidates.get(0).equals(backend)) {
      return candidates;
    }
    List<String> reordered = new ArrayList<>(candidates.size());
    reordered.add(backend);
    for (String c : candidates) {
      if (!c.equals(backend)) {
        reordered.add(c);
      }
    }
    return reordered;
  }
}
