package dev.polder.runtime.decision.drools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.decision.DecisionPoint;
import dev.polder.runtime.decision.TestInputs;
import dev.polder.runtime.decision.answer.AccessAnswer;
import dev.polder.runtime.decision.answer.ClassifyAnswer;
import dev.polder.runtime.decision.answer.RedactAction;
import dev.polder.runtime.decision.answer.RedactAnswer;
import dev.polder.runtime.decision.answer.RouteAnswer;
import dev.polder.runtime.decision.answer.ToolAnswer;
import dev.polder.runtime.decision.bundle.BundleCompiler;
import dev.polder.runtime.decision.bundle.BundleSnapshot;
import dev.polder.runtime.decision.bundle.CompiledBundle;
import dev.polder.runtime.decision.input.DecisionInput;
import dev.polder.runtime.decision.input.Level;
import dev.polder.runtime.decision.input.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rules/ folder, fired on typed facts (the Rego side is left out here). */
class ShippedRulesTest {
  static final Path RULES = Path.of("..", "rules");
  static CompiledBundle bundle;

  @BeforeAll
  static void compile() {
    BundleSnapshot rulesOnly = BundleSnapshot.read(RULES, Path.of("..", "policies"));
    Map<String, byte[]> files = new HashMap<>();
    rulesOnly
        .files()
        .forEach(
            (path, bytes) -> {
              if (!path.endsWith(".rego")) {
                files.put(path, bytes);
              }
            });
    bundle =
        new BundleCompiler(null, null, ForkJoinPool.commonPool())
            .compile(new BundleSnapshot(files, rulesOnly.hash()));
  }

  static <A extends dev.polder.runtime.decision.answer.Answer> A fire(
      DecisionPoint point, DecisionInput input, String pattern, A answer) {
    Settings base = bundle.settings();
    Map<String, Object> values = new HashMap<>(base.getValues());
    values.put("pattern", pattern);
    bundle.rules().get(point).evaluate(input, new Settings(pattern, values), answer);
    assertTrue(!answer.failed(), () -> "answer failed: " + answer.failure());
    return answer;
  }

  @ParameterizedTest(name = "{0} at {1} → {2} {3}")
  @CsvSource({
    "EMAIL_ADDRESS, 0.9, confidential, pii",
    "EMAIL_ADDRESS, 0.3, , ",
    "CREDIT_CARD, 0.99, restricted, financial",
    "GITHUB_TOKEN, 0.99, restricted, secret",
    "PERSON, 0.6, confidential, pii",
  })
  void findingsClassify(String type, double score, String level, String label) {
    ClassifyAnswer answer =
        fire(
            DecisionPoint.CLASSIFY,
            TestInputs.request().finding(type, 1, score).build(),
            "controlled-egress",
            new ClassifyAnswer("drools"));
    if (level == null) {
      assertNull(answer.getLevel());
    } else {
      assertEquals(Level.parse(level), answer.getLevel());
      assertTrue(answer.getLabels().contains(label), answer.getLabels()::toString);
      assertTrue(
          answer.contributions().stream().allMatch(c -> c.file().startsWith("rules/classify/")),
          answer.contributions()::toString);
    }
  }

  @Test
  void restrictedMediaAndEnvironmentAreConfidential() {
    ClassifyAnswer answer =
        fire(
            DecisionPoint.CLASSIFY,
            TestInputs.request().attachment("application/pdf").environment("restricted").build(),
            "controlled-egress",
            new ClassifyAnswer("drools"));
    assertEquals(Level.CONFIDENTIAL, answer.getLevel());
    assertTrue(
        answer
            .getLabels()
            .containsAll(java.util.Set.of("restricted-media", "restricted-environment")));
  }

  @ParameterizedTest(name = "{0} in {1} → {2}")
  @CsvSource({
    "controlled-egress, production, metadata",
    "controlled-egress, staging, full",
    "air-gapped, production, redacted",
  })
  void logMode(String pattern, String environment, String mode) {
    AccessAnswer answer =
        fire(
            DecisionPoint.ACCESS,
            TestInputs.request().environment(environment).build(),
            pattern,
            new AccessAnswer("drools"));
    assertEquals(mode, answer.getLogMode().label());
  }

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource({
    "controlled-egress, EMAIL_ADDRESS, pseudonymize",
    "controlled-egress, IP_ADDRESS, hash",
    "controlled-egress, CREDIT_CARD, mask",
    "controlled-egress, AWS_SECRET_KEY, block",
    "air-gapped, AWS_SECRET_KEY, mask",
    "air-gapped, EMAIL_ADDRESS, ",
  })
  void redactActions(String pattern, String type, String action) {
    RedactAnswer answer =
        fire(
            DecisionPoint.REDACT,
            TestInputs.request().finding(type, 2, 0.95).build(),
            pattern,
            new RedactAnswer("drools"));
    assertEquals(action == null ? null : RedactAction.parse(action), answer.actionFor(type));
  }

  @ParameterizedTest(name = "{0} → cap {1}")
  @CsvSource({"production, 8192", "development, 2048"})
  void tokenCaps(String environment, int cap) {
    RouteAnswer answer =
        fire(
            DecisionPoint.ROUTE,
            TestInputs.request().environment(environment).build(),
            "controlled-egress",
            new RouteAnswer("drools"));
    assertEquals(cap, answer.getMaxTokens());
    assertNull(answer.getAllowed(), "Drools states caps only; backends come from Rego");
  }

  @Test
  void writingToolsDeniedInProductionAndReadsConstrained() {
    ToolAnswer answer =
        fire(
            DecisionPoint.TOOL_ACCESS,
            TestInputs.request()
                .tool("write_file", "path", "content")
                .tool("read_file", "path")
                .build(),
            "controlled-egress",
            new ToolAnswer("drools"));
    assertTrue(answer.getDenied().containsKey("write_file"));
    assertEquals(
        Map.of("path", Map.of("pattern", "^/srv/shared/")),
        answer.getConstraints().get("read_file"));
  }
}
