package dev.polder.runtime.decision.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.decision.DecisionService;
import dev.polder.runtime.decision.TempBundle;
import dev.polder.runtime.decision.TestInputs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing every file of rules/ or policies/ from under a running gateway is refused like a broken
 * bundle: the old bundle keeps serving (and allowing), and the status says why.
 */
class EmptiedFolderTest {

  @TempDir Path root;

  private TempBundle loaded() {
    TempBundle files = new TempBundle(root);
    files.write("rules/access/allow.drl", BundleLifecycleTest.ALLOW_DRL);
    files.write("policies/route/internal.rego", BundleLifecycleTest.ROUTE_REGO);
    files.write("policies/route/internal_test.rego", BundleLifecycleTest.ROUTE_TEST);
    return files;
  }

  @Test
  void emptiedRulesFolderIsRefusedAndTheOldBundleServes() {
    TempBundle files = loaded();
    try (BundleManager manager = files.manager()) {
      assertEquals(BundleStatus.Outcome.ACTIVATED, manager.reload().lastOutcome());
      CompiledBundle before = manager.current();

      files.delete("rules/access/allow.drl");
      BundleStatus status = manager.reload();

      assertEquals(BundleStatus.Outcome.REFUSED, status.lastOutcome(), status::toString);
      assertEquals(BundleStatus.State.ACTIVE, status.state());
      assertEquals(before.hash(), status.activeHash());
      assertTrue(status.lastProblems().get(0).startsWith("rules/ ("), status::toString);
      assertTrue(status.lastProblems().get(0).contains("every file was removed"));
      assertSame(before, manager.current());
      DecisionService service = new DecisionService(manager, Duration.ofSeconds(5));
      assertTrue(service.decide(TestInputs.request().build()).allowed());
    }
  }

  @Test
  void emptiedPoliciesFolderIsRefused() {
    TempBundle files = loaded();
    try (BundleManager manager = files.manager()) {
      manager.reload();
      CompiledBundle before = manager.current();

      files.delete("policies/route/internal.rego").delete("policies/route/internal_test.rego");
      BundleStatus status = manager.reload();

      assertEquals(BundleStatus.Outcome.REFUSED, status.lastOutcome(), status::toString);
      assertTrue(status.lastProblems().get(0).startsWith("policies/ ("), status::toString);
      assertSame(before, manager.current());
    }
  }

  @Test
  void restoringTheFilesIsAcceptedAgain() {
    TempBundle files = loaded();
    try (BundleManager manager = files.manager()) {
      manager.reload();
      String hash = manager.current().hash();
      files.delete("rules/access/allow.drl");
      assertEquals(BundleStatus.Outcome.REFUSED, manager.reload().lastOutcome());

      files.write("rules/access/allow.drl", BundleLifecycleTest.ALLOW_DRL);
      BundleStatus status = manager.reload();

      assertEquals(BundleStatus.Outcome.UNCHANGED, status.lastOutcome(), status::toString);
      assertEquals(hash, manager.current().hash());
    }
  }

  @Test
  void aFolderEmptyFromTheStartIsServedWithout() {
    TempBundle files = new TempBundle(root);
    files.write("rules/access/allow.drl", BundleLifecycleTest.ALLOW_DRL);
    try (BundleManager manager = files.manager()) {
      BundleStatus status = manager.reload();
      assertEquals(BundleStatus.Outcome.ACTIVATED, status.lastOutcome(), status::toString);
    }
  }
}
