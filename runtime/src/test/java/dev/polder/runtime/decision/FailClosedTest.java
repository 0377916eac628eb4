package dev.polder.runtime.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.decision.answer.Contribution;
import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.bundle.BundleStatus;
import dev.polder.runtime.decision.combine.PointOutcome;
import dev.polder.runtime.decision.input.Level;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle whose every point breaks in a different way: each failure denies, nothing may leave, and
 * the trace says which rule or policy failed and why.
 */
class FailClosedTest {
  @TempDir static Path root;
  static Decision decision;

  @BeforeAll
  static void decide() {
    TempBundle files = new TempBundle(root);
    // classify: two complete definitions disagree → eval_conflict_error
    files.write(
        "policies/classify/conflict.rego",
        "package polder.classify\n\nlevel := \"public\" if true\n\nlevel := \"internal\" if true\n");
    // access: Rego allows and permits egress, but a Drools rule throws
    files.write(
        "policies/access/open.rego", "package polder.access\n\nallow := true\n\negress := true\n");
    files.write(
        "rules/access/throws.drl",
        """
        package polder.test.access
        import dev.polder.runtime.decision.input.Principal;
        global dev.polder.runtime.decision.answer.AccessAnswer access;
        rule "Broken rule"
        when Principal()
        then throw new IllegalStateException("lookup table missing");
        end
        """);
    // route: a rule that re-triggers itself forever
    files.write(
        "rules/route/loops.drl",
        """
        package polder.test.route
        import dev.polder.runtime.decision.input.Principal;
        global dev.polder.runtime.decision.answer.RouteAnswer route;
        rule "Endless"
        when $p : Principal()
        then route.allow("vllm-local"); update($p);
        end
        """);
    // tool-access: 4·10⁸ steps, far beyond the time limit on any machine; small arrays only
    files.write(
        "policies/tool-access/slow.rego",
        "package polder.tool_access\n\nallow contains \"read_file\" if {\n"
            + "\tcount([x | some x in numbers.range(1, 20000); some y in numbers.range(1, 20000);"
            + " x == y]) > 0\n}\n");
    BundleManager manager = files.manager();
    BundleStatus status = manager.reload();
    assertTrue(status.ready(), status::toString);
    decision =
        new DecisionService(manager, Duration.ofMillis(400))
            .decide(TestInputs.request().tool("read_file", "path").build());
  }

  @Test
  void deniesWithAReasonPerFailedPoint() {
    assertFalse(decision.allowed());
    assertFalse(decision.egress());
    assertTrue(
        decision.reasons().contains("The classify policy could not be evaluated."),
        decision.reasons()::toString);
    assertTrue(decision.reasons().contains("The request could not be checked against policy."));
  }

  @Test
  void regoErrorMakesClassificationRestricted() {
    assertTrue(decision.classify().error());
    assertEquals(Level.RESTRICTED, decision.classify().result().level());
    assertTrue(
        errorOf(decision.classify()).contains("eval_conflict_error"),
        decision.classify()::toString);
  }

  @Test
  void throwingRuleIsNamedInTheTrace() {
    assertTrue(decision.access().error());
    assertFalse(decision.access().result().allowed());
    assertFalse(
        decision.access().result().egress(),
        "Rego's egress = true does not survive a failed Drools answer");
    Contribution failed =
        decision.access().contributions().stream()
            .filter(c -> c.effect().startsWith("error"))
            .findFirst()
            .orElseThrow();
    assertEquals("Broken rule", failed.rule());
    assertEquals("rules/access/throws.drl", failed.file());
    assertTrue(failed.effect().contains("lookup table missing"));
  }

  @Test
  void loopingRulesAreStopped() {
    assertTrue(decision.route().error());
    assertTrue(decision.route().result().allowedBackends().isEmpty());
    assertTrue(errorOf(decision.route()).contains("a rule loops"), decision.route()::toString);
  }

  @Test
  void slowPolicyIsCancelled() {
    assertTrue(decision.toolAccess().error());
    assertFalse(decision.toolAccess().result().get("read_file").allowed());
    assertTrue(errorOf(decision.toolAccess()).contains("400 ms"), decision.toolAccess()::toString);
  }

  private static String errorOf(PointOutcome<?> outcome) {
    return outcome.contributions().stream()
        .map(Contribution::effect)
        .filter(e -> e.startsWith("error"))
        .findFirst()
        .orElse("");
  }
}
