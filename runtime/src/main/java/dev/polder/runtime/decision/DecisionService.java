package dev.polder.runtime.decision;

import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.Answer;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.answer.RedactAction;
import dev.polder.runtime.decision.answer.RedactAnswer;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.answer.ToolAnswer;
import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.bundle.CompiledBundle;
import dev.polder.runtime.decision.combine.AccessCombiner;
import dev.polder.runtime.decision.combine.AccessResult;
import dev.polder.runtime.decision.combine.ClassifyCombiner;
import dev.polder.runtime.decision.combine.PointOutcome;
import dev.polder.runtime.decision.combine.RedactCombiner;
import dev.polder.runtime.decision.combine.RedactResult;
import dev.polder.runtime.decision.combine.RouteCombiner;
import dev.polder.runtime.decision.combine.RouteResult;
import dev.polder.runtime.decision.combine.ToolAccessCombiner;
import dev.polder.runtime.decision.combine.ToolVerdict;
import dev.polder.runtime.decision.drools.DroolsPointRules;
import dev.polder.runtime.decision.input.Classification;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.FindingSummary;
import dev.polder.runtime.decision.input.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers every decision point for one request with the bundle in service: Drools then Rego per
 * point, combined by the point's rule, each point seeing the classification decided before it.
 * Never throws for a policy problem: errors, over-time evaluations and missing answers deny.
 */
public final class DecisionService {
  public static final String DROOLS = "drools";
  public static final String REGO = "rego";
  public static final String NO_BUNDLE_REASON =
      "No policy bundle is loaded yet; requests are refused until one is.";

  private final BundleManager bundles;
  private final Duration pointLimit;
  private final long pointLimitNanos;

  /**
   * @param pointLimit time one engine may take for one point; slower answers count as failed
   */
  public DecisionService(BundleManager bundles, Duration pointLimit) {
    this.bundles = bundles;
    this.pointLimit = pointLimit;
    this.pointLimitNanos = pointLimit.toNanos();
  }

  public BundleManager bundles() {
    return bundles;
  }

  public Decision decide(DecisionInput input) {
    long started = System.nanoTime();
    CompiledBundle bundle = bundles.current();
    Bundled on = new Bundled(bundle, input);

    List<ClassifyAnswer> classifyAnswers = on.ask(DecisionPoint.CLASSIFY, ClassifyAnswer::new);
    PointOutcome<Classification> classify =
        ClassifyCombiner.combine(input.classification(), classifyAnswers);
    on.input = input.withClassification(classify.result());

    PointOutcome<AccessResult> access =
        AccessCombiner.combine(on.ask(DecisionPoint.ACCESS, AccessAnswer::new));

    List<String> foundTypes = input.findings().stream().map(FindingSummary::getType).toList();
    PointOutcome<RedactResult> redact =
        RedactCombiner.combine(foundTypes, on.ask(DecisionPoint.REDACT, RedactAnswer::new));

    PointOutcome<RouteResult> route =
        RouteCombiner.combine(
            input.candidates(),
            on.ask(DecisionPoint.ROUTE, RouteAnswer::new),
            access.result().allowed() && access.result().egress() && !redact.error());

    List<String> tools = input.request().getTools().stream().map(Tool::getName).toList();
    PointOutcome<Map<String, ToolVerdict>> toolAccess =
        ToolAccessCombiner.combine(tools, on.ask(DecisionPoint.TOOL_ACCESS, ToolAnswer::new));

    List<String> reasons = new ArrayList<>();
    if (bundle == null) {
      reasons.add(NO_BUNDLE_REASON);
    }
    reasons.addAll(access.result().denyReasons());
    for (PointOutcome<?> outcome : List.of(classify, redact, route, toolAccess)) {
      if (outcome.error()) {
        reasons.add("The " + outcome.point().folder() + " policy could not be evaluated.");
      }
    }
    redact
        .result()
        .actions()
        .forEach(
            (type, action) -> {
              if (action == RedactAction.BLOCK) {
                reasons.add("The request contains " + type + ", which policy never lets through.");
              }
            });
    if (!input.candidates().isEmpty() && route.result().allowedBackends().isEmpty()) {
      reasons.add(
          "No backend of " + input.request().getVirtualModel() + " may serve this request.");
    }
    return new Decision(
        bundle == null ? "" : bundle.hash(),
        classify,
        access,
        redact,
        route,
        toolAccess,
        reasons.stream().distinct().toList(),
        System.nanoTime() - started);
  }

  /** The engines' answers to each point, on one bundle, with the input as it evolves. */
  private final class Bundled {
    private final CompiledBundle bundle;
    private DecisionInput input;
    private Object document;
    private DecisionInput documentFor;

    Bundled(CompiledBundle bundle, DecisionInput input) {
      this.bundle = bundle;
      this.input = input;
    }

    <A extends Answer> List<A> ask(DecisionPoint point, Function<String, A> answerFor) {
      if (bundle == null) {
        A none = answerFor.apply(DROOLS);
        none.speaking("", "");
        none.fail("no policy bundle is loaded");
        return List.of(none);
      }
      A drools = answerFor.apply(DROOLS);
      DroolsPointRules rules = bundle.rules().get(point);
      long t0 = System.nanoTime();
      rules.evaluate(input, bundle.settings(), drools);
      checkTime(drools, point, System.nanoTime() - t0);
      if (bundle.policies() == null || !bundle.policies().answers(point)) {
        return List.of(drools);
      }
      A rego = answerFor.apply(REGO);
      if (documentFor != input) {
        document = bundle.policies().prepareInput(input.toDocument());
        documentFor = input;
      }
      long t1 = System.nanoTime();
      bundle.policies().evaluate(point, document, pointLimit, rego);
      checkTime(rego, point, System.nanoTime() - t1);
      return List.of(drools, rego);
    }

    private void checkTime(Answer answer, DecisionPoint point, long nanos) {
      if (nanos > pointLimitNanos && !answer.failed()) {
        answer.speaking("", "");
        answer.fail(
            point.folder()
                + " took "
                + nanos / 1_000_000
                + " ms, over the limit of "
                + pointLimitNanos / 1_000_000
                + " ms");
      }
    }
  }
}
