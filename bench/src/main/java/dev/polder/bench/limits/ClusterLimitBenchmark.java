package dev.polder.bench.limits;

import dev.polder.runtime.limits.Charge;
import dev.polder.runtime.limits.LimitCounters;
import dev.polder.runtime.state.StateSettings;
import dev.polder.runtime.state.StateStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the {@code reserve} step costs a request: taking a request, tokens and cost from the
 * counters of a key, a team and a model (4 charges, as a typical configuration has), and settling
 * the tokens afterwards, on one node alone or on a node of a 3-node loopback cluster (the other
 * nodes in this JVM, so every write crosses a real TCP connection to the owners).
 *
 * <p>{@code hot}: every thread draws on the same counters (one team, contended locks); otherwise
 * each thread has its own key. Sample mode gives p50/p99 per reserve+settle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ClusterLimitBenchmark {

  @Param({"1", "3"})
  public int nodes;

  @Param({"true", "false"})
  public boolean hot;

  private final List<StateStore> stores = new ArrayList<>();
  private LimitCounters counters;

  @Setup(Level.Trial)
  public void start() {
    if (nodes == 1) {
      stores.add(StateStore.open(StateSettings.local()));
    } else {
      String cluster = "bench-" + UUID.randomUUID();
      List<Integer> ports = ports(nodes);
      for (int port : ports) {
        stores.add(StateStore.open(StateSettings.loopback(cluster, port, ports)));
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (stores.get(0).members().size() < nodes && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      if (stores.get(0).members().size() < nodes) {
        throw new IllegalStateException("cluster did not form: " + stores.get(0).members());
      }
      // Every node holds a copy only once it has started the cache, as the gateway does at start.
      stores.forEach(store -> store.cache(LimitCounters.CACHE));
    }
    counters = new LimitCounters(stores.get(0).<String, Long>cache(LimitCounters.CACHE));
  }

  @TearDown(Level.Trial)
  public void stop() {
    for (int i = stores.size() - 1; i >= 0; i--) {
      stores.get(i).close();
    }
  }

  @State(Scope.Thread)
  public static class Caller {
    String key = "key:" + UUID.randomUUID();
  }

  @Benchmark
  public boolean reserveAndSettle(Caller caller) {
    String key = hot ? "key:shared" : caller.key;
    List<Charge> charges =
        List.of(
            new Charge("rpm|" + key, Charge.Kind.REQUESTS, key, 1, Long.MAX_VALUE, 60_000, 1),
            new Charge("tpm|" + key, Charge.Kind.TOKENS, key, 300, Long.MAX_VALUE, 60_000, 1),
            new Charge(
                "tpm|team:bench", Charge.Kind.TOKENS, "team", 300, Long.MAX_VALUE, 60_000, 1),
            new Charge(
                "cost|team:bench", Charge.Kind.COST, "team", 900, Long.MAX_VALUE, 60_000, 1));
    boolean admitted = counters.reserve(charges).isEmpty();
    counters.add(charges.get(1).withAmount(-289));
    return admitted;
  }

  private static List<Integer> ports(int count) {
    List<Integer> ports = new ArrayList<>();
    while (ports.size() < count) {
      int port = ThreadLocalRandom.current().nextInt(12_000, 30_000);
      if (ports.stream().noneMatch(p -> Math.abs(p - port) <= 110)
          && free(port)
          && free(port + 100)) {
        ports.add(port);
      }
    }
    return ports;
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
