package dev.polder.runtime.decision.bundle;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.Answer;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.answer.RedactAnswer;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.answer.ToolAnswer;
import dev.polder.runtime.decision.input.Backend;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.decision.input.Principal;
import dev.polder.runtime.decision.input.Request;
import dev.polder.runtime.decision.input.Tool;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every point of a freshly compiled bundle a few times on a sample request before it serves,
 * so the first real requests do not pay for class loading and cold code (and, under the point time
 * limit, fail closed for it).
 */
final class BundleWarmup {
  private static final int ROUNDS = 20;
  private static final Duration BUDGET = Duration.ofSeconds(3);
  private static final Duration PER_EVALUATION = Duration.ofSeconds(1);
  private static final DecisionInput SAMPLE =
      new DecisionInput(
          new Request(
              "warmup",
              "chat-completions",
              "warmup",
              false,
              256,
              List.of(new Tool("read_file", "filesystem", List.of("path"))),
              List.of("application/pdf"),
              Map.of()),
          new Principal("warmup", "service", "warmup", List.of("developer"), "production", ""),
          List.of(new FindingSummary("EMAIL_ADDRESS", 1, 0.9, Set.of("prompt"))),
          null,
          List.of(
              new Backend("internal", "vllm", "internal"),
              new Backend("external", "openai", "external")));

  private BundleWarmup() {}

  static void run(CompiledBundle bundle) {
    Object regoInput =
        bundle.policies() == null ? null : bundle.policies().prepareInput(SAMPLE.toDocument());
    // A point that fails or times out here will fail closed in service too: warming it again
    // would only delay the bundle. The whole warm-up is bounded, whatever the policies do.
    long deadline = System.nanoTime() + BUDGET.toNanos();
    Set<DecisionPoint> broken = EnumSet.noneOf(DecisionPoint.class);
    for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
      for (DecisionPoint point : DecisionPoint.values()) {
        if (broken.contains(point)) {
          continue;
        }
        Answer rules = answer(point);
        bundle.rules().get(point).evaluate(SAMPLE, bundle.settings(), rules);
        Answer policies = answer(point);
        if (regoInput != null) {
          bundle.policies().evaluate(point, regoInput, PER_EVALUATION, policies);
        }
        if (rules.failed() || policies.failed()) {
          broken.add(point);
        }
      }
    }
  }

  private static Answer answer(DecisionPoint point) {
    return switch (point) {
      case CLASSIFY -> new ClassifyAnswer("warmup");
      case ACCESS -> new AccessAnswer("warmup");
      case REDACT -> new RedactAnswer("warmup");
      case ROUTE -> new RouteAnswer("warmup");
      case TOOL_ACCESS -> new ToolAnswer("warmup");
    };
  }
}
