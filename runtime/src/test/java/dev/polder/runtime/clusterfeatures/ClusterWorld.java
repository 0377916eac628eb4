package dev.polder.runtime.clusterfeatures;

import dev.polder.runtime.support.GatewayProcess;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the cluster scenarios run against, set up by {@link ClusterFeaturesIT}: three gateway
 * processes of one cluster and the configured keys' secrets (fresh for each run).
 */
final class ClusterWorld {

  /** Admin role: creates and revokes keys. */
  static final String ADMIN = "cluster-admin";

  /** Team {@code budgeted}: a daily budget of 0.1 at 1000 per million tokens on {@code echo}. */
  static final String BUDGET = "cluster-budget";

  static final Map<String, String> SECRETS =
      Map.of(
          ADMIN, "cluster-admin-" + UUID.randomUUID(),
          BUDGET, "cluster-budget-" + UUID.randomUUID());

  static volatile List<GatewayProcess> nodes = List.of();

  private ClusterWorld() {}

  /** Node {@code n}, counted from 1 as in the scenarios. */
  static URI node(int n) {
    if (n < 1 || n > nodes.size()) {
      throw new IllegalArgumentException(
          "no node " + n + " (the cluster has " + nodes.size() + ")");
    }
    return nodes.get(n - 1).uri();
  }
}
