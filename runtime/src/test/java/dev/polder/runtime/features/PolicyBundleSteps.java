package dev.polder.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.bundle.BundleStatus;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps that change the gateway's policy bundle for one scenario, as a compliance author would: the
 * file is written into the gateway's bundle folder (a copy of the repository's), the bundle is
 * reloaded — compiled and its tests run, exactly as the folder watch does — and after the scenario
 * the file is removed and the original bundle is back in service.
 */
public class PolicyBundleSteps {

  private final List<String> added = new ArrayList<>();
  private String hashBefore;

  @Given("the bundle file {string} is added:")
  public void fileIsAdded(String path, String content) {
    if (hashBefore == null) {
      hashBefore = bundles().current().hash();
    }
    GatewayWorld.bundle.write(path, content);
    added.add(path);
    BundleStatus status = bundles().reload();
    assertEquals(
        BundleStatus.Outcome.ACTIVATED,
        status.lastOutcome(),
        () -> "the changed bundle was not taken into service: " + status.lastProblems());
  }

  @After
  public void restoreTheBundle() {
    if (added.isEmpty()) {
      return;
    }
    added.forEach(GatewayWorld.bundle::remove);
    BundleStatus status = bundles().reload();
    assertEquals(hashBefore, status.activeHash(), () -> "bundle not restored: " + status);
  }

  private static BundleManager bundles() {
    return GatewayWorld.bundles;
  }
}
