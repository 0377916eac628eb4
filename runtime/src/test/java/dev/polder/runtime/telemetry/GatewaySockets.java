package dev.polder.runtime.telemetry;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP and UDP sockets one process holds, read from {@code /proc/<pid>/fd} (socket inodes) and
 * {@code /proc/<pid>/net/{tcp,tcp6,udp,udp6}} (their endpoints in the process's network namespace).
 */
final class GatewaySockets {

  /** One socket: protocol, local and remote endpoint ("127.0.0.1:8080"), TCP state. */
  record Socket(String protocol, String local, String remote, String state) {
    int localPort() {
      return port(local);
    }

    int remotePort() {
      return port(remote);
    }

    String remoteHost() {
      return remote.substring(0, remote.lastIndexOf(':'));
    }

    private static int port(String endpoint) {
      return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    @Override
    public String toString() {
      return protocol + " " + local + " -> " + remote + " " + state;
    }
  }

  private GatewaySockets() {}

  static List<Socket> of(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", "" + pid, "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed while we listed them
        }
      }
    }
    List<Socket> sockets = new ArrayList<>();
    for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
      Path table = Path.of("/proc", "" + pid, "net", protocol);
      if (!Files.exists(table)) {
        continue;
      }
      List<String> lines = Files.readAllLines(table);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (f.length > 9 && inodes.contains(f[9])) {
          sockets.add(new Socket(protocol, endpoint(f[1]), endpoint(f[2]), state(protocol, f[3])));
        }
      }
    }
    return sockets;
  }

  /** "0100007F:1F90" (little-endian words) → "127.0.0.1:8080"; IPv6 likewise. */
  static String endpoint(String hex) {
    String[] parts = hex.split(":");
    String address = parts[0];
    int port = Integer.parseInt(parts[1], 16);
    StringBuilder host = new StringBuilder();
    if (address.length() == 8) {
      for (int i = 3; i >= 0; i--) {
        host.append(Integer.parseInt(address.substring(i * 2, i * 2 + 2), 16));
        if (i > 0) {
          host.append('.');
        }
      }
    } else {
      // Four 32-bit words, each in host (little-endian) order.
      byte[] bytes = new byte[16];
      for (int w = 0; w < 4; w++) {
        for (int b = 0; b < 4; b++) {
          String pair = address.substring(w * 8 + (3 - b) * 2, w * 8 + (3 - b) * 2 + 2);
          bytes[w * 4 + b] = (byte) Integer.parseInt(pair, 16);
        }
      }
      try {
        host.append(java.net.InetAddress.getByAddress(bytes).getHostAddress());
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    return host + ":" + port;
  }

  private static String state(String protocol, String hex) {
    if (protocol.startsWith("udp")) {
      return "UDP";
    }
    return switch (Integer.parseInt(hex, 16)) {
      case 1 -> "ESTABLISHED";
      case 2 -> "SYN_SENT";
      case 3 -> "SYN_RECV";
      case 4 -> "FIN_WAIT1";
      case 5 -> "FIN_WAIT2";
      case 6 -> "TIME_WAIT";
      case 7 -> "CLOSE";
      case 8 -> "CLOSE_WAIT";
      case 9 -> "LAST_ACK";
      case 10 -> "LISTEN";
      case 11 -> "CLOSING";
      default -> "STATE_" + hex;
    };
  }

  /** Loopback in either notation (also IPv4-mapped IPv6). */
  static boolean loopback(String host) {
    return host.startsWith("127.")
        || host.equals("0:0:0:0:0:0:0:1")
        || host.startsWith("0:0:0:0:0:ffff:7f");
  }
}
