package dev.polder.runtime.state;

import dev.polder.runtime.config.GatewayConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How this node keeps shared state: alone (local caches), or as a member of a JGroups cluster.
 *
 * @param cluster join a cluster; false keeps everything in this JVM
 * @param clusterName nodes join only a cluster of the same name
 * @param bindAddress the address JGroups (and its failure detection) listens on
 * @param port the JGroups TCP port; failure detection uses {@code port + 100}
 * @param discovery how a node finds the others
 * @param members {@code host[port]} of the nodes to contact first, for static discovery
 * @param dnsQuery the DNS name listing the nodes, for dns discovery (e.g. a headless service)
 * @param jgroupsFile an operator's own JGroups stack file; wins over discovery settings
 * @param owners copies of each entry across nodes; 0 keeps a copy on every node
 * @param directory where durable caches keep their files; empty keeps everything in memory
 */
public record StateSettings(
    boolean cluster,
    String clusterName,
    String bindAddress,
    int port,
    Discovery discovery,
    List<String> members,
    Optional<String> dnsQuery,
    Optional<String> jgroupsFile,
    int owners,
    Optional<Path> directory) {

  /** How nodes find each other. */
  public enum Discovery {
    /** TCPPING: a fixed list of {@code host[port]}. */
    STATIC,
    /** MPING: IP multicast on the local network. */
    MULTICAST,
    /** DNS_PING: the A/SRV records of a DNS name (Kubernetes headless service). */
    DNS
  }

  public StateSettings {
    members = List.copyOf(members);
  }

  /** One node alone: local caches, no network. */
  public static StateSettings local() {
    return new StateSettings(
        false,
        "polder",
        "127.0.0.1",
        7800,
        Discovery.STATIC,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        0,
        Optional.empty());
  }

  /** A node of a loopback cluster with static discovery, as tests and benchmarks start them. */
  public static StateSettings loopback(String clusterName, int port, List<Integer> memberPorts) {
    return new StateSettings(
        true,
        clusterName,
        "127.0.0.1",
        port,
        Discovery.STATIC,
        memberPorts.stream().map(p -> "127.0.0.1[" + p + "]").toList(),
        Optional.empty(),
        Optional.empty(),
        0,
        Optional.empty());
  }

  public static StateSettings of(GatewayConfig.State state) {
    return new StateSettings(
        state.cluster(),
        state.clusterName(),
        state.bindAddress(),
        state.port(),
        Discovery.valueOf(state.discovery().toUpperCase(java.util.Locale.ROOT)),
        state.members().orElse(List.of()),
        state.dnsQuery(),
        state.jgroupsFile(),
        state.owners(),
        state.directory().map(Path::of));
  }

  /** The same node, keeping its durable caches in files under that directory. */
  public StateSettings withDirectory(Path dir) {
    return new StateSettings(
        cluster,
        clusterName,
        bindAddress,
        port,
        discovery,
        members,
        dnsQuery,
        jgroupsFile,
        owners,
        Optional.of(dir));
  }
}
