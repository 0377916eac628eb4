package dev.polder.runtime.decision;

import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.Answer;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.answer.RedactAction;
import dev.polder.runtime.decision.answer.RedactAnswer;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.answer.ToolAnswer;
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
 * The decision points of one request, answered in order on one bundle: each point is evaluated
 * once, when first asked (asking a later point answers the earlier ones it depends on), and every
 * point after classify sees the combined classification. Not thread-safe: one request's steps.
 */
public final class DecisionRun {
  private final CompiledBundle bundle;
  private final DecisionInput original;
  private final Duration limit;
  private final long started = System.nanoTime();
  private DecisionInput input;
  private Object regoInput;
  private DecisionInput regoInputFor;

  private PointOutcome<Classification> classify;
  private PointOutcome<AccessResult> access;
  private PointOutcome<RedactResult> redact;
  private PointOutcome<RouteResult> route;
  private PointOutcome<Map<String, ToolVerdict>> toolAccess;

  DecisionRun(CompiledBundle bundle, DecisionInput input, Duration limit) {
    this.bundle = bundle;
    this.original = input;
    this.input = input;
    this.limit = limit;
  }

  /** The hash of the bundle this run decides on ("" when none was loaded). */
  public String bundleHash() {
    return bundle == null ? "" : bundle.hash();
  }

  /** The input as the later points see it (with the combined classification). */
  public DecisionInput input() {
    classify();
    return input;
  }

  public PointOutcome<Classification> classify() {
    if (classify == null) {
      classify =
          ClassifyCombiner.combine(
              original.classification(), ask(DecisionPoint.CLASSIFY, ClassifyAnswer::new));
      input = original.withClassification(classify.result());
    }
    return classify;
  }

  public PointOutcome<AccessResult> access() {
    if (access == null) {
      classify();
      access = AccessCombiner.combine(ask(DecisionPoint.ACCESS, AccessAnswer::new));
    }
    return access;
  }

  public PointOutcome<RedactResult> redact() {
    if (redact == null) {
      access();
      List<String> types = input.findings().stream().map(FindingSummary::getType).toList();
      redact = RedactCombiner.combine(types, ask(DecisionPoint.REDACT, RedactAnswer::new));
    }
    return redact;
  }

  public PointOutcome<RouteResult> route() {
    if (route == null) {
      redact();
      route =
          RouteCombiner.combine(
              input.candidates(), ask(DecisionPoint.ROUTE, RouteAnswer::new), egress());
    }
    return route;
  }

  public PointOutcome<Map<String, ToolVerdict>> toolAccess() {
    if (toolAccess == null) {
      classify();
      List<String> tools = input.request().getTools().stream().map(Tool::getName).toList();
      // Nothing to decide without tools: skip the engines.
      List<ToolAnswer> answers =
          tools.isEmpty() ? List.of() : ask(DecisionPoint.TOOL_ACCESS, ToolAnswer::new);
      toolAccess = ToolAccessCombiner.combine(tools, answers);
    }
    return toolAccess;
  }

  /** Whether an external backend may receive the request, as far as policy has decided so far. */
  public boolean egress() {
    return bundle != null
        && access().result().allowed()
        && access().result().egress()
        && !classify().error()
        && (redact == null || !redact.error());
  }

  /** Why the request is refused after the points answered so far (empty: go ahead). */
  public List<String> reasons() {
    List<String> reasons = new ArrayList<>();
    if (bundle == null) {
      reasons.add(DecisionService.NO_BUNDLE_REASON);
    }
    if (access != null) {
      reasons.addAll(access.result().denyReasons());
    }
    for (PointOutcome<?> outcome : answered()) {
      if (outcome.error() && outcome != access) {
        reasons.add("The " + outcome.point().folder() + " policy could not be evaluated.");
      }
    }
    if (redact != null) {
      redact
          .result()
          .actions()
          .forEach(
              (type, action) -> {
                if (action == RedactAction.BLOCK) {
                  reasons.add(
                      "The request contains " + type + ", which policy never lets through.");
                }
              });
    }
    if (route != null
        && !input.candidates().isEmpty()
        && route.result().allowedBackends().isEmpty()) {
      reasons.add(
          "No backend of " + input.request().getVirtualModel() + " may serve this request.");
    }
    return reasons.stream().distinct().toList();
  }

  /** Answers every point and returns the whole decision with its trace. */
  public Decision decision() {
    route();
    toolAccess();
    return new Decision(
        bundleHash(),
        classify,
        access,
        redact,
        route,
        toolAccess,
        reasons(),
        System.nanoTime() - started);
  }

  /**
   * The points answered so far, in pipeline order, without answering any other (the audit of a
   * refused request records what was decided, not what would have been).
   */
  public List<PointOutcome<?>> answered() {
    List<PointOutcome<?>> out = new ArrayList<>();
    for (PointOutcome<?> o : new PointOutcome<?>[] {classify, access, redact, route, toolAccess}) {
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  private <A extends Answer> List<A> ask(DecisionPoint point, Function<String, A> answerFor) {
    if (bundle == null) {
      A none = answerFor.apply(DecisionService.DROOLS);
      none.fail("no policy bundle is loaded");
      return List.of(none);
    }
    A drools = answerFor.apply(DecisionService.DROOLS);
    long t0 = System.nanoTime();
    bundle.rules().get(point).evaluate(input, bundle.settings(), drools);
    checkTime(drools, point, System.nanoTime() - t0);
    if (bundle.policies() == null || !bundle.policies().answers(point)) {
      return List.of(drools);
    }
    A rego = answerFor.apply(DecisionService.REGO);
    if (regoInputFor != input) {
      regoInput = bundle.policies().prepareInput(input.toDocument());
      regoInputFor = input;
    }
    long t1 = System.nanoTime();
    bundle.policies().evaluate(point, regoInput, limit, rego);
    checkTime(rego, point, System.nanoTime() - t1);
    return List.of(drools, rego);
  }

  private void checkTime(Answer answer, DecisionPoint point, long nanos) {
    if (nanos > limit.toNanos() && !answer.failed()) {
      answer.speaking("", "");
      answer.fail(
          point.folder()
              + " took "
              + nanos / 1_000_000
              + " ms, over the limit of "
              + limit.toMillis()
              + " ms");
    }
  }
}
