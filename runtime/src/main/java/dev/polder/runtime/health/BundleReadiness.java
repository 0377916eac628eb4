package dev.polder.runtime.health;

import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.bundle.BundleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready}: ready while a policy bundle serves decisions. A refused change keeps the
 * old bundle serving (still ready) and shows its problems; with no bundle at all every decision
 * denies, so the node is not ready.
 */
@Readiness
@ApplicationScoped
public class BundleReadiness implements HealthCheck {

  private final BundleManager bundles;

  @Inject
  public BundleReadiness(BundleManager bundles) {
    this.bundles = bundles;
  }

  @Override
  public HealthCheckResponse call() {
    BundleStatus status = bundles.status();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("policy-bundle")
            .status(status.ready())
            .withData("state", status.state().name())
            .withData("last_outcome", status.lastOutcome().name());
    if (status.activeHash() != null) {
      response.withData("active_hash", status.activeHash());
    }
    if (status.lastAttemptHash() != null) {
      response.withData("last_attempt_hash", status.lastAttemptHash());
    }
    if (!status.lastProblems().isEmpty()) {
      response.withData("last_problems", String.join("; ", status.lastProblems()));
    }
    return response.build();
  }
}
