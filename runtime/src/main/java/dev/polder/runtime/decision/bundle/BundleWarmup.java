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
    for (int round = 0; round < ROUNDS; round++) {
      for (DecisionPoint point : DecisionPoint.values()) {
        bundle.rules().get(point).evaluate(SAMPLE, bundle.settings(), answer(point));
        if (regoInput != null) {
          bundle.policies().evaluate(point, regoInput, Duration.ofSeconds(10), answer(point));
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
