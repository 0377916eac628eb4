package dev.polder.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.support.AuditDir;
import dev.polder.runtime.support.BundleCopy;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.RecordedBackends;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the Gherkin specs in {@code features/} (repository root, or {@code -Dpolder.features=...})
 * against the started gateway and its upstreams; fails when any scenario fails.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class FeaturesTest {

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;
  BundleCopy bundle;

  @Inject BundleManager bundles;
  RecordedBackends recorded;

  /**
   * Scenarios an author is still writing carry {@code @wip} and are left out, and {@code @cluster}
   * ones need several gateway processes ({@code ClusterFeaturesIT} runs them); {@code
   * -Dfeatures.tags=...} overrides.
   */
  static final String DEFAULT_TAGS = "not @wip and not @cluster";

  AuditDir audit;

  @Test
  void featuresPass() {
    Path features = Path.of(System.getProperty("polder.features", "../features"));
    if (!Files.isDirectory(features)) {
      throw new IllegalStateException(features.toAbsolutePath() + " is missing");
    }
    GatewayWorld.gateway = gateway;
    GatewayWorld.upstreams = upstreams;
    GatewayWorld.bundle = bundle;
    GatewayWorld.bundles = bundles;
    GatewayWorld.recorded = recorded;
    GatewayWorld.audit = audit;
    byte status =
        io.cucumber.core.cli.Main.run(
            new String[] {
              "--glue",
              "dev.polder.runtime.features",
              "--plugin",
              "pretty",
              "--plugin",
              "summary",
              "--monochrome",
              "--tags",
              System.getProperty("features.tags", DEFAULT_TAGS),
              features.toString()
            },
            Thread.currentThread().getContextClassLoader());
    assertEquals(0, status, "some scenarios failed: see the Cucumber report above");
  }
}
