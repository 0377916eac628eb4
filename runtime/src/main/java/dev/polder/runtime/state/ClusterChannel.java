package dev.polder.runtime.state;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.infinispan.remoting.transport.jgroups.JGroupsChannelConfigurator;
import org.jgroups.JChannel;
import org.jgroups.conf.ProtocolConfiguration;
import org.jgroups.protocols.FD_ALL3;
import org.jgroups.protocols.FD_SOCK2;
import org.jgroups.protocols.FRAG4;
import org.jgroups.protocols.MERGE3;
import org.jgroups.protocols.MFC;
import org.jgroups.protocols.MPING;
import org.jgroups.protocols.TCP;
import org.jgroups.protocols.TCPPING;
import org.jgroups.protocols.UFC;
import org.jgroups.protocols.UNICAST3;
import org.jgroups.protocols.VERIFY_SUSPECT2;
import org.jgroups.protocols.dns.DNS_PING;
import org.jgroups.protocols.pbcast.GMS;
import org.jgroups.protocols.pbcast.NAKACK2;
import org.jgroups.protocols.pbcast.STABLE;
import org.jgroups.stack.Protocol;
import org.jgroups.util.SocketFactory;

/**
 * The JGroups stack of a node, built in code so that each node of one JVM (tests, benchmarks) gets
 * its own addresses: Infinispan's default TCP stack with the discovery protocol chosen in the
 * settings, and every socket on the bind address (FD_SOCK2 would otherwise listen on all
 * interfaces).
 */
final class ClusterChannel {

  /** Failure detection listens this far above the TCP port. */
  static final int FD_SOCK_OFFSET = 100;

  private static final Pattern MEMBER = Pattern.compile("\\s*([^\\s\\[\\]]+)\\[(\\d{1,5})]\\s*");

  private ClusterChannel() {}

  /** Hands Infinispan the channel built here (it would otherwise build its default UDP one). */
  static JGroupsChannelConfigurator configurator(StateSettings settings) {
    return new JGroupsChannelConfigurator() {
      @Override
      public String getName() {
        return "polder-tcp";
      }

      @Override
      public JChannel createChannel(String name) throws Exception {
        return open(settings);
      }

      @Override
      public void setSocketFactory(SocketFactory socketFactory) {}

      @Override
      public void setDataSource(DataSource dataSource) {}

      @Override
      public String getProtocolStackString() {
        return getName();
      }

      @Override
      public List<ProtocolConfiguration> getProtocolStack() {
        return List.of();
      }
    };
  }

  static JChannel open(StateSettings settings) throws Exception {
    InetAddress bind = InetAddress.getByName(settings.bindAddress());
    List<Protocol> stack = new ArrayList<>();
    TCP tcp = new TCP().setBindAddress(bind).setBindPort(settings.port()).setPortRange(0);
    // As Infinispan's own TCP stack: without TCP_NODELAY every small RPC (a counter update) waits
    // for the peer's delayed ACK, tens of milliseconds.
    tcp.tcpNodelay(true);
    tcp.setBundlerType("transfer-queue");
    stack.add(tcp);
    stack.add(discovery(settings, bind));
    stack.add(new MERGE3().setMinInterval(10_000).setMaxInterval(30_000));
    stack.add(new FD_SOCK2().setBindAddress(bind).setOffset(FD_SOCK_OFFSET).setPortRange(5));
    stack.add(new FD_ALL3());
    stack.add(new VERIFY_SUSPECT2().setTimeout(1_000));
    stack.add(new NAKACK2().setValue("use_mcast_xmit", false));
    stack.add(new UNICAST3());
    stack.add(new STABLE());
    stack.add(new GMS().setJoinTimeout(2_000).setValue("print_local_addr", false));
    stack.add(new UFC());
    stack.add(new MFC());
    stack.add(new FRAG4());
    return new JChannel(stack);
  }

  private static Protocol discovery(StateSettings settings, InetAddress bind) throws Exception {
    return switch (settings.discovery()) {
      case STATIC -> {
        List<InetSocketAddress> hosts = new ArrayList<>(members(settings.members()));
        InetSocketAddress self = new InetSocketAddress(bind, settings.port());
        if (!hosts.contains(self)) {
          hosts.add(self);
        }
        yield new TCPPING().setInitialHosts(hosts).setPortRange(0);
      }
      case MULTICAST -> new MPING().setBindAddr(bind);
      case DNS ->
          new DNS_PING()
              .setDNSQuery(
                  settings
                      .dnsQuery()
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "polder.state.dns-query is required for dns discovery")));
    };
  }

  /** Parses {@code host[port]} entries; throws naming the entry that is malformed. */
  static List<InetSocketAddress> members(List<String> members) {
    List<InetSocketAddress> hosts = new ArrayList<>();
    for (String member : members) {
      hosts.add(member(member));
    }
    return hosts;
  }

  static InetSocketAddress member(String member) {
    Matcher m = MEMBER.matcher(member);
    if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
      throw new IllegalArgumentException("'" + member + "' is not host[port]");
    }
    return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
  }
}
