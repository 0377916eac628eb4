package dev.polder.runtime.clusterfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polder.runtime.state.LoopbackPorts;
import dev.polder.runtime.support.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code @cluster} scenarios of {@code features/} (the in-JVM {@code FeaturesTest} leaves
 * them out) against three packaged gateways in JVMs of their own, one Infinispan cluster over
 * loopback TCP. Failsafe, after {@code package}.
 */
class ClusterFeaturesIT {

  private final List<GatewayProcess> nodes = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void stopNodes() throws InterruptedException {
    GatewayProcess.closeAll(nodes);
    ClusterWorld.nodes = List.of();
  }

  @Test
  void clusterScenariosPass() throws Exception {
    Path features = Path.of(System.getProperty("polder.features", "../features"));
    if (!Files.isDirectory(features)) {
      throw new IllegalStateException(features.toAbsolutePath() + " is missing");
    }
    String cluster = "polder-features-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.pick(3);
    String admin = ClusterWorld.SECRETS.get(ClusterWorld.ADMIN);
    // The first node becomes coordinator; the others join it (no merge of three singletons).
    nodes.add(start(0, cluster, ports));
    nodes.get(0).awaitUp(admin);
    nodes.add(start(1, cluster, ports));
    nodes.add(start(2, cluster, ports));
    nodes.get(1).awaitUp(admin);
    nodes.get(2).awaitUp(admin);
    nodes.get(0).awaitLog("cluster view of 3 members");
    ClusterWorld.nodes = List.copyOf(nodes);

    byte status =
        io.cucumber.core.cli.Main.run(
            new String[] {
              "--glue",
              "dev.polder.runtime.clusterfeatures",
              "--plugin",
              "pretty",
              "--plugin",
              "summary",
              "--monochrome",
              "--tags",
              System.getProperty("features.cluster-tags", "@cluster and not @wip"),
              features.toString()
            },
            Thread.currentThread().getContextClassLoader());
    assertEquals(0, status, "some cluster scenarios failed: see the Cucumber report above");
  }

  private GatewayProcess start(int index, String cluster, List<Integer> ports) throws Exception {
    Map<String, String> properties =
        new LinkedHashMap<>(GatewayProcess.clusterNode(cluster, ports, index));
    properties.putAll(
        GatewayProcess.key(
            ClusterWorld.ADMIN, ClusterWorld.SECRETS.get(ClusterWorld.ADMIN), "ops", "*"));
    properties.put("polder.auth.keys." + ClusterWorld.ADMIN + ".roles", "admin");
    properties.putAll(
        GatewayProcess.key(
            ClusterWorld.BUDGET,
            ClusterWorld.SECRETS.get(ClusterWorld.BUDGET),
            "budgeted",
            "echo"));
    // The echo backend reports 19 + 19 tokens for these calls: 0.038 a call at 1000 per million.
    properties.put("polder.prices.echo.input", "1000");
    properties.put("polder.prices.echo.output", "1000");
    properties.put("polder.limits.teams.budgeted.budget.day", "0.1");
    return GatewayProcess.start(dir.resolve("node" + index), properties);
  }
}
