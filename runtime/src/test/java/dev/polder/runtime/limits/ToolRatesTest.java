package dev.polder.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.state.LoopbackPorts;
import dev.polder.runtime.state.StateSettings;
import dev.polder.runtime.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MCP per-tool rates over two nodes clustered over loopback: a rate of N admits exactly N calls a
 * minute however the calls are spread over the nodes.
 */
class ToolRatesTest {

  /** Half past a minute: 30 s until the window ends. */
  private static final Clock HALF_MINUTE =
      Clock.fixed(Instant.parse("2026-01-05T10:15:30Z"), ZoneOffset.UTC);

  private final List<StateStore> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(StateStore::close);
  }

  @Test
  void aToolRateOfNAdmitsExactlyNOverTheCluster() throws Exception {
    String cluster = "tool-rates-" + UUID.randomUUID();
    List<Integer> ports = LoopbackPorts.pick(2);
    for (int port : ports) {
      nodes.add(StateStore.open(StateSettings.loopback(cluster, port, ports)));
    }
    for (int i = 0; i < 600 && nodes.get(0).members().size() < 2; i++) {
      Thread.sleep(100);
    }
    assertEquals(2, nodes.get(0).members().size(), "cluster did not form");
    List<ToolRates> rates = new ArrayList<>();
    for (StateStore node : nodes) {
      LimitCounters counters = new LimitCounters(node.<String, Long>cache(LimitCounters.CACHE));
      rates.add(new ToolRates(() -> counters, HALF_MINUTE));
    }

    AtomicInteger admitted = new AtomicInteger();
    List<ToolRates.Outcome> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ToolRates node = rates.get(i % 2);
      calls.add(
          pool.submit(
              (Callable<Void>)
                  () -> {
                    ToolRates.Outcome outcome = node.take("billing", "refund", 10);
                    if (outcome instanceof ToolRates.Admitted) {
                      admitted.incrementAndGet();
                    } else {
                      refusals.add(outcome);
                    }
                    return null;
                  }));
    }
    for (Future<?> call : calls) {
      call.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertEquals(10, admitted.get());
    assertEquals(30, refusals.size());
    ToolRates.Refused refused = assertInstanceOf(ToolRates.Refused.class, refusals.get(0));
    assertEquals(30_000, refused.retryAfterMillis());
    String counter = ToolRates.counter("billing", "refund", HALF_MINUTE.instant());
    for (StateStore node : nodes) {
      assertEquals(
          10,
          new LimitCounters(node.<String, Long>cache(LimitCounters.CACHE))
              .value(Charge.Kind.REQUESTS, counter));
    }
  }

  @Test
  void aToolWithoutARateTouchesNoCounter() {
    StateStore node = StateStore.open(StateSettings.local());
    nodes.add(node);
    LimitCounters counters = new LimitCounters(node.<String, Long>cache(LimitCounters.CACHE));
    ToolRates rates = new ToolRates(() -> counters, HALF_MINUTE);
    for (int i = 0; i < 3; i++) {
      assertInstanceOf(ToolRates.Admitted.class, rates.take("files", "read", 0));
    }
    assertTrue(node.<String, Long>cache(LimitCounters.CACHE).isEmpty());
  }
}
