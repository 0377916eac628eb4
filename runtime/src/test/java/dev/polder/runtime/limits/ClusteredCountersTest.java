package dev.polder.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.limits.Charge.Kind;
import dev.polder.runtime.state.LoopbackPorts;
import dev.polder.runtime.state.StateSettings;
import dev.polder.runtime.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.infinispan.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three nodes in one JVM, clustered over loopback TCP: a limit of N admits exactly N of many
 * concurrent requests spread over the nodes, and the counts outlive a node that leaves.
 */
class ClusteredCountersTest {

  private final List<StateStore> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(StateStore::close);
  }

  @Test
  void aLimitOfNAdmitsExactlyNAcrossTheClusterAndSurvivesANodeLeaving() throws Exception {
    String cluster = "counters-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.pick(3);
    for (int port : ports) {
      nodes.add(StateStore.open(StateSettings.loopback(cluster, port, ports)));
    }
    assertTrue(awaitMembers(3), "cluster did not form: " + nodes.get(0).members());
    List<LimitCounters> counters = new ArrayList<>();
    for (StateStore node : nodes) {
      Cache<String, Long> cache = node.cache(LimitCounters.CACHE);
      counters.add(new LimitCounters(cache));
    }

    int limit = 25;
    Charge perKey = new Charge("rpm|key:k|m1", Kind.REQUESTS, "key 'k'", 1, limit, 60_000, 1);
    Charge perTeam = new Charge("tpm|team:t|m1", Kind.TOKENS, "team 't'", 10, 10_000, 60_000, 1);
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      LimitCounters node = counters.get(i % 3);
      calls.add(
          pool.submit(
              (Callable<Void>)
                  () -> {
                    if (node.reserve(List.of(perTeam, perKey)).isEmpty()) {
                      admitted.incrementAndGet();
                    }
                    return null;
                  }));
    }
    for (Future<?> call : calls) {
      call.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertEquals(limit, admitted.get());
    for (LimitCounters node : counters) {
      assertEquals(limit, node.value(perKey));
      // Refused requests gave back the tokens they took from the team first.
      assertEquals(limit * 10L, node.value(perTeam));
    }

    nodes.remove(0).close();
    assertTrue(awaitMembers(2), "the two remaining nodes did not see the leave");
    for (LimitCounters node : counters.subList(1, 3)) {
      assertEquals(limit, node.value(perKey));
      assertTrue(node.reserve(List.of(perKey)).isPresent(), "the limit must stay exhausted");
    }
  }

  private boolean awaitMembers(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (nodes.stream().allMatch(n -> n.members().size() == count)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
