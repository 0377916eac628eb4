package dev.polder.runtime.decision;

import dev.polder.runtime.decision.bundle.BundleCompiler;
import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.bundle.BundleStatus;
import dev.polder.runtime.decision.rego.PolderRegoEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;

/** The repository's rules/ and policies/, loaded as the gateway loads them. */
public final class ShippedBundle {
  public static final Path RULES = Path.of("..", "rules");
  public static final Path POLICIES = Path.of("..", "policies");

  private ShippedBundle() {}

  /** A decision service on the shipped bundle with the given pattern (null: data.json's). */
  public static DecisionService service(String pattern) {
    BundleManager manager =
        new BundleManager(
            RULES,
            POLICIES,
            new BundleCompiler(new PolderRegoEngine(), pattern, ForkJoinPool.commonPool()),
            ForkJoinPool.commonPool());
    BundleStatus status = manager.reload();
    if (!status.ready()) {
      throw new IllegalStateException("shipped bundle refused: " + status.lastProblems());
    }
    return new DecisionService(manager, Duration.ofSeconds(2));
  }
}
