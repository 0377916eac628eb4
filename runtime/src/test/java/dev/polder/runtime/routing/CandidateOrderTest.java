package dev.polder.runtime.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.runtime.config.GatewayConfig;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidateOrderTest {

  record Target(String backend, int weight, int priority) implements GatewayConfig.Target {}

  static GatewayConfig.VirtualModel model(
      GatewayConfig.Strategy strategy, List<String> fallback, Target... targets) {
    return new GatewayConfig.VirtualModel() {
      public List<GatewayConfig.Target> targets() {
        return List.of(targets);
      }

      public GatewayConfig.Strategy strategy() {
        return strategy;
      }

      public Optional<List<String>> fallback() {
        return Optional.of(fallback);
      }

      public GatewayConfig.Sticky sticky() {
        return null;
      }
    };
  }

  @Test
  void priorityGroupsComeInOrderThenFallbackWithoutDuplicates() {
    var model =
        model(
            GatewayConfig.Strategy.weighted,
            List.of("z", "b"),
            new Target("c", 1, 2),
            new Target("a", 1, 0),
            new Target("b", 1, 1));
    assertEquals(
        List.of("a", "b", "c", "z"),
        CandidateOrder.of(model, new LatencyTracker(), new SplittableRandom(1)));
  }

  @Test
  void weightZeroIsOnlyAFailover() {
    var model =
        model(
            GatewayConfig.Strategy.weighted,
            List.of(),
            new Target("x", 0, 0),
            new Target("y", 5, 0));
    for (int seed = 0; seed < 50; seed++) {
      assertEquals(
          List.of("y", "x"),
          CandidateOrder.of(model, new LatencyTracker(), new SplittableRandom(seed)));
    }
  }

  @Test
  void latencyStrategyOrdersByMeasuredTimeAndTriesUnmeasuredFirst() {
    LatencyTracker latency = new LatencyTracker();
    latency.record("slow", 90_000);
    latency.record("fast", 2_000);
    var model =
        model(
            GatewayConfig.Strategy.latency,
            List.of(),
            new Target("slow", 1, 0),
            new Target("fast", 1, 0),
            new Target("new", 1, 0));
    assertEquals(
        List.of("new", "fast", "slow"), CandidateOrder.of(model, latency, new SplittableRandom(1)));
  }

  @Test
  void preferringMovesARememberedCandidateToTheFront() {
    assertEquals(List.of("b", "a", "c"), CandidateOrder.preferring(List.of("a", "b", "c"), "b"));
    assertEquals(List.of("a", "b"), CandidateOrder.preferring(List.of("a", "b"), "gone"));
  }
}
