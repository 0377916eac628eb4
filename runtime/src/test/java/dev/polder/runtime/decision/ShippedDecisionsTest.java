package dev.polder.runtime.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.decision.answer.LogMode;
import dev.polder.runtime.decision.answer.RedactAction;
import dev.polder.runtime.decision.combine.ToolVerdict;
import dev.polder.runtime.decision.input.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both shipped patterns end to end: Drools and Rego answers combined, with the trace. */
class ShippedDecisionsTest {
  static DecisionService controlledEgress;
  static DecisionService airGapped;

  @BeforeAll
  static void load() {
    controlledEgress = ShippedBundle.service(null);
    airGapped = ShippedBundle.service("air-gapped");
  }

  @Test
  void plainRequestMayLeaveWithMetadataLogging() {
    Decision d = controlledEgress.decide(TestInputs.request().build());
    assertTrue(d.allowed(), d.reasons()::toString);
    assertTrue(d.egress());
    assertEquals(Level.INTERNAL, d.classify().result().level());
    assertEquals(List.of("vllm-local", "openai"), d.route().result().allowedBackends());
    assertEquals(8192, d.route().result().maxTokens());
    assertEquals(LogMode.METADATA, d.access().result().logMode());
    assertEquals(64, d.bundleHash().length());
  }

  @Test
  void confidentialPiiStaysInsideAndIsPseudonymized() {
    Decision d =
        controlledEgress.decide(TestInputs.request().finding("EMAIL_ADDRESS", 2, 0.95).build());
    assertTrue(d.allowed(), d.reasons()::toString);
    assertEquals(Level.CONFIDENTIAL, d.classify().result().level());
    assertFalse(d.egress());
    assertEquals(List.of("vllm-local"), d.route().result().allowedBackends());
    assertEquals(RedactAction.PSEUDONYMIZE, d.redact().result().actionFor("EMAIL_ADDRESS"));
    assertEquals(java.util.Set.of("restore-pseudonyms"), d.access().result().obligations());
    assertTrue(
        d.classify().contributions().stream()
            .anyMatch(
                c ->
                    c.engine().equals("drools")
                        && c.rule().equals("Email addresses are confidential")
                        && c.file().equals("rules/classify/finding-levels.csv")),
        d.classify().contributions()::toString);
  }

  @Test
  void weakPiiMayLeavePseudonymizedAndRestored() {
    Decision d =
        controlledEgress.decide(
            TestInputs.request().environment("staging").finding("EMAIL_ADDRESS", 1, 0.3).build());
    assertTrue(d.egress(), d.trace()::toString);
    assertEquals(
        java.util.Set.of("pseudonymize-pii", "restore-pseudonyms"),
        d.access().result().obligations());
    assertEquals(RedactAction.PSEUDONYMIZE, d.redact().result().actionFor("EMAIL_ADDRESS"));
    assertEquals(LogMode.FULL, d.access().result().logMode());
    assertEquals(2048, d.route().result().effectiveMaxTokens(4096));
  }

  @Test
  void tableRowsDecideTheirTypesAndOtherTypesArePseudonymized() {
    Decision d =
        controlledEgress.decide(
            TestInputs.request()
                .finding("CREDIT_CARD", 1, 1.0)
                .finding("IP_ADDRESS", 1, 0.9)
                .finding("ORGANIZATION", 1, 0.85)
                .build());
    assertEquals(RedactAction.MASK, d.redact().result().actionFor("CREDIT_CARD"));
    assertEquals(RedactAction.HASH, d.redact().result().actionFor("IP_ADDRESS"));
    assertEquals(RedactAction.PSEUDONYMIZE, d.redact().result().actionFor("ORGANIZATION"));
    assertEquals(RedactAction.PSEUDONYMIZE, d.redact().result().otherTypes());
  }

  @Test
  void secretsAlwaysBlockWithTheMetadataDescription() {
    Decision d =
        controlledEgress.decide(TestInputs.request().finding("GITHUB_TOKEN", 1, 0.99).build());
    assertFalse(d.allowed());
    assertTrue(
        d.reasons()
            .contains(
                "The request contains a secret (key, token or password); secrets are never sent to any model."),
        d.reasons()::toString);
    assertEquals(RedactAction.BLOCK, d.redact().result().actionFor("GITHUB_TOKEN"));
    assertTrue(
        d.access().contributions().stream()
            .anyMatch(
                c ->
                    c.rule().equals("data.polder.access.deny")
                        && c.file().startsWith("policies/access/controlled_egress.rego:")),
        d.access().contributions()::toString);
  }

  @Test
  void unattributedRequestsAreDenied() {
    Decision d = airGapped.decide(TestInputs.request().principal("", "service").build());
    assertFalse(d.allowed());
    assertTrue(
        d.reasons().get(0).startsWith("The request is not attributable"), d.reasons()::toString);
    assertTrue(d.classify().result().hasLabel("unattributed"));
  }

  @Test
  void airGappedNeverLeaves() {
    Decision d = airGapped.decide(TestInputs.request().classified(Level.PUBLIC).build());
    assertTrue(d.allowed(), d.reasons()::toString);
    assertFalse(d.egress());
    assertEquals(List.of("vllm-local"), d.route().result().allowedBackends());
    assertEquals(LogMode.REDACTED, d.access().result().logMode());
  }

  @Test
  void airGappedWithoutInternalBackendRefuses() {
    Decision d =
        airGapped.decide(
            TestInputs.request()
                .candidates(
                    new dev.polder.runtime.decision.input.Backend("openai", "openai", "external"))
                .build());
    assertFalse(d.allowed());
    assertTrue(d.reasons().get(0).startsWith("No backend of assistant"), d.reasons()::toString);
  }

  @Test
  void toolsByRoleWithProductionWriteBanAndPathConstraint() {
    Decision d =
        controlledEgress.decide(
            TestInputs.request()
                .roles("admin")
                .tool("read_file", "path")
                .tool("write_file", "path", "content")
                .tool("delete_everything")
                .build());
    Map<String, ToolVerdict> tools = d.toolAccess().result();
    assertTrue(tools.get("read_file").allowed());
    assertEquals(
        List.of(Map.of("pattern", "^/srv/shared/")),
        tools.get("read_file").constraints().get("path"));
    assertFalse(tools.get("write_file").allowed(), "denied in production although admin allows it");
    assertFalse(tools.get("delete_everything").allowed());
    assertTrue(tools.get("delete_everything").reason().startsWith("no rule or policy allows"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}: allowed {1}, egress {2}")
  @org.junit.jupiter.params.provider.CsvSource({
    "typical-request.json, true, false",
    "tool-call.json, true, true",
    "secret-in-attachment.json, false, false",
  })
  void shippedExamples(String name, boolean allowed, boolean egress) throws Exception {
    Decision d =
        controlledEgress.decide(
            dev.polder.runtime.decision.input.DecisionInputJson.parse(
                java.nio.file.Files.readString(
                    ShippedBundle.POLICIES.resolve("examples").resolve(name))));
    assertEquals(allowed, d.allowed(), d.reasons()::toString);
    assertEquals(egress, d.egress());
  }
}
