package dev.polder.runtime.decision.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.decision.Decision;
import dev.polder.runtime.decision.DecisionService;
import dev.polder.runtime.decision.TempBundle;
import dev.polder.runtime.decision.TestInputs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One bundle folder through its life: broken start, load, no-op, refused changes, watch. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleLifecycleTest {
  static final String ALLOW_DRL =
      """
      package polder.test
      import dev.polder.runtime.decision.input.Principal;
      global dev.polder.runtime.decision.answer.AccessAnswer access;
      rule "Services are allowed"
      when Principal(kind == "service")
      then access.allow();
      end
      """;
  static final String ROUTE_REGO =
      """
      package polder.route

      allowed contains b.name if {
      	some b in input.candidates
      	b.location == "internal"
      }
      """;
  static final String ROUTE_TEST =
      """
      package polder.route_test

      import data.polder.route

      test_internal_only if {
      	route.allowed == {"a"} with input as {"candidates": [{"name": "a", "location": "internal"}, {"name": "b", "location": "external"}]}
      }
      """;

  @TempDir static Path root;
  static TempBundle files;
  static BundleManager manager;
  static DecisionService service;

  @BeforeAll
  static void create() {
    files = new TempBundle(root);
    manager = files.manager();
    service = new DecisionService(manager, Duration.ofSeconds(5));
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  @Order(1)
  void brokenStartServesNothingAndDenies() {
    files.write("rules/access/allow.drl", "package x\nrule \"half\" when then");
    BundleStatus status = manager.reload();
    assertEquals(BundleStatus.State.FAILED, status.state());
    assertEquals(BundleStatus.Outcome.REFUSED, status.lastOutcome());
    assertTrue(status.lastProblems().get(0).contains("rules/access/allow.drl"), status::toString);
    assertNull(manager.current());
    Decision d = service.decide(TestInputs.request().build());
    assertFalse(d.allowed());
    assertEquals(DecisionService.NO_BUNDLE_REASON, d.reasons().get(0));
  }

  @Test
  @Order(2)
  void loadsRulesPoliciesAndRunsTheirTests() {
    files.write("rules/access/allow.drl", ALLOW_DRL);
    files.write("policies/route/internal.rego", ROUTE_REGO);
    files.write("policies/route/internal_test.rego", ROUTE_TEST);
    BundleStatus status = manager.reload();
    assertEquals(BundleStatus.State.ACTIVE, status.state(), status::toString);
    assertEquals(BundleStatus.Outcome.ACTIVATED, status.lastOutcome());
    assertEquals(1, status.activeRegoTests());
    assertEquals(manager.current().hash(), status.activeHash());
    Decision d = service.decide(TestInputs.request().build());
    assertEquals(java.util.List.of("vllm-local"), d.route().result().allowedBackends());
    assertEquals(status.activeHash(), d.bundleHash());
  }

  @Test
  @Order(3)
  void unchangedFoldersAreNotRecompiled() {
    CompiledBundle before = manager.current();
    BundleStatus status = manager.reload();
    assertEquals(BundleStatus.Outcome.UNCHANGED, status.lastOutcome());
    assertSame(before, manager.current());
  }

  @Test
  @Order(4)
  void brokenRuleChangeIsRefusedAndOldBundleServes() {
    CompiledBundle before = manager.current();
    files.write("rules/access/allow.drl", ALLOW_DRL.replace("access.allow();", "access.allow(;"));
    BundleStatus status = manager.reload();
    assertEquals(BundleStatus.Outcome.REFUSED, status.lastOutcome());
    assertEquals(BundleStatus.State.ACTIVE, status.state());
    assertEquals(before.hash(), status.activeHash());
    assertNotEquals(before.hash(), status.lastAttemptHash());
    assertSame(before, manager.current());
    assertTrue(service.decide(TestInputs.request().build()).allowed());
  }

  @Test
  @Order(5)
  void failingRegoTestIsRefused() {
    CompiledBundle before = manager.current();
    files.write("rules/access/allow.drl", ALLOW_DRL);
    files.write("policies/route/internal.rego", ROUTE_REGO.replace("\"internal\"", "\"external\""));
    BundleStatus status = manager.reload();
    assertEquals(BundleStatus.Outcome.REFUSED, status.lastOutcome());
    assertTrue(
        status.lastProblems().get(0).contains("data.polder.route_test.test_internal_only"),
        status::toString);
    assertSame(before, manager.current());
  }

  @Test
  @Order(6)
  void misplacedRuleFileIsRefused() {
    files.write("policies/route/internal.rego", ROUTE_REGO);
    files.write("rules/stray.drl", ALLOW_DRL);
    BundleStatus status = manager.reload();
    assertEquals(BundleStatus.Outcome.REFUSED, status.lastOutcome());
    assertTrue(
        status
            .lastProblems()
            .get(0)
            .startsWith("rules/stray.drl is not in a decision point folder"));
    files.delete("rules/stray.drl");
  }

  @Test
  @Order(7)
  void watcherSwapsInAValidChange() throws InterruptedException {
    String before = manager.current().hash();
    manager.watch(Duration.ofMillis(100));
    files.write("policies/route/internal.rego", ROUTE_REGO + "\n# a comment changes the hash\n");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (manager.current().hash().equals(before) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertNotEquals(before, manager.current().hash());
    assertEquals(BundleStatus.Outcome.ACTIVATED, manager.status().lastOutcome());
  }
}
