package dev.polder.runtime.decision.drools;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.answer.Answer;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.Settings;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * The compiled rules of one decision point (one KieBase per {@code rules/<point>/} folder). Each
 * evaluation runs a fresh session with the input as facts and the answer as the point's global.
 */
public final class DroolsPointRules {
  /** Rule firings per evaluation above which the rules are taken to loop. */
  static final int MAX_FIRINGS = 10_000;

  private final DecisionPoint point;
  private final KieBase kieBase;
  private final KieSessionsPool sessions;
  private final boolean declaresGlobal;
  private final int ruleCount;

  DroolsPointRules(
      DecisionPoint point,
      KieBase kieBase,
      KieSessionsPool sessions,
      boolean declaresGlobal,
      int ruleCount) {
    this.point = point;
    this.kieBase = kieBase;
    this.sessions = sessions;
    this.declaresGlobal = declaresGlobal;
    this.ruleCount = ruleCount;
  }

  public DecisionPoint point() {
    return point;
  }

  public int ruleCount() {
    return ruleCount;
  }

  /**
   * Fires the rules on the input and records into the answer; an exception in a rule, or a rule
   * loop, marks the answer failed (the combiner then fails closed).
   */
  public void evaluate(DecisionInput input, Settings settings, Answer answer) {
    if (ruleCount == 0) {
      return;
    }
    KieSession session = sessions.newKieSession();
    DefaultAgendaEventListener speaker =
        new DefaultAgendaEventListener() {
          @Override
          public void beforeMatchFired(BeforeMatchFiredEvent event) {
            answer.speaking(event.getMatch().getRule().getName(), RuleSources.of(event));
          }
        };
    try {
      if (declaresGlobal) {
        session.setGlobal(point.droolsGlobal(), answer);
      }
      session.addEventListener(speaker);
      DroolsFacts.insert(session, input, settings);
      int fired = session.fireAllRules(MAX_FIRINGS);
      if (fired >= MAX_FIRINGS) {
        answer.fail("rules fired " + fired + " times without settling: a rule loops");
      }
    } catch (ConsequenceException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      answer.speaking(e.getMatch().getRule().getName(), RuleSources.of(e.getMatch().getRule()));
      answer.fail("rule '" + e.getMatch().getRule().getName() + "' threw " + describe(cause));
    } catch (RuntimeException e) {
      answer.fail("rules of " + point.folder() + " failed: " + describe(e));
    } finally {
      session.removeEventListener(speaker);
      // A pooled session is reset (facts, agenda) and returned to the pool.
      session.dispose();
    }
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
