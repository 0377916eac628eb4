package dev.polder.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.limits.Charge.Kind;
import dev.polder.runtime.state.StateSettings;
import dev.polder.runtime.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The counters on one node: exact under concurrency, all-or-nothing, settled in both ways. */
class LimitCountersTest {

  private static StateStore store;
  private static LimitCounters counters;

  @BeforeAll
  static void start() {
    store = StateStore.open(StateSettings.local());
    counters = new LimitCounters(store.<String, Long>cache(LimitCounters.CACHE));
  }

  @AfterAll
  static void stop() {
    store.close();
  }

  private static Charge charge(String counter, Kind kind, long amount, long limit) {
    return new Charge(counter, kind, "test", amount, limit, 60_000, 7);
  }

  @Test
  void manyThreadsAgainstALimitOfNGetExactlyN() throws Exception {
    Charge request = charge("rpm|exact", Kind.REQUESTS, 1, 100);
    Charge tokens = charge("tpm|exact", Kind.TOKENS, 3, 1_000_000);
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      calls.add(
          pool.submit(
              () -> {
                if (counters.reserve(List.of(tokens, request)).isEmpty()) {
                  admitted.incrementAndGet();
                }
              }));
    }
    for (Future<?> call : calls) {
      call.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(100, admitted.get());
    assertEquals(100, counters.value(request));
    assertEquals(300, counters.value(tokens), "refused calls gave their tokens back");
  }

  @Test
  void aRefusalNamesTheChargeThatDidNotFitAndTakesNothing() {
    Charge fits = charge("a|fits", Kind.REQUESTS, 1, 10);
    Charge tooMuch = charge("a|full", Kind.TOKENS, 50, 40);
    Optional<Charge> refused = counters.reserve(List.of(fits, tooMuch));
    assertEquals(Optional.of(tooMuch), refused);
    assertEquals(0, counters.value(fits));
    assertEquals(0, counters.value(tooMuch));
  }

  @Test
  void aFullCounterRefusesEvenARequestThatAddsNothing() {
    Charge spend = charge("cost|full", Kind.COST, 500, 500);
    assertTrue(counters.reserve(List.of(spend)).isEmpty());
    assertTrue(counters.reserve(List.of(spend.withAmount(0))).isPresent());
  }

  @Test
  void settlingAddsBeyondTheLimitAndGivesBackNeverBelowZero() {
    Charge tokens = charge("tpm|settle", Kind.TOKENS, 100, 150);
    assertTrue(counters.reserve(List.of(tokens)).isEmpty());
    counters.add(tokens.withAmount(80)); // used more than reserved
    assertEquals(180, counters.value(tokens));
    assertFalse(counters.reserve(List.of(tokens.withAmount(1))).isEmpty());
    counters.add(tokens.withAmount(-500));
    assertEquals(0, counters.value(tokens));
  }
}
