package dev.polder.runtime.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for cluster nodes: each port and {@code port + 100} (failure detection) are
 * free when picked. Picked at random from a range below the ephemeral ports, so that neighbours
 * started by other builds on the machine rarely collide.
 */
public final class LoopbackPorts {

  private LoopbackPorts() {}

  public static List<Integer> pick(int count) {
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < count) {
      int port = ThreadLocalRandom.current().nextInt(12_000, 30_000);
      boolean clash = ports.stream().anyMatch(p -> Math.abs(p - port) <= 110);
      if (!clash && free(port) && free(port + ClusterChannel.FD_SOCK_OFFSET)) {
        ports.add(port);
      }
    }
    return ports;
  }

  /** A free port for an HTTP server. */
  public static int any() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
