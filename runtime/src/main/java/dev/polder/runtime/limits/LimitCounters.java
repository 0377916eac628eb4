package dev.polder.runtime.limits;

import dev.polder.runtime.state.StateStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * Counters shared by every node, exact under concurrency: each change is a compare-and-set that the
 * key's primary owner checks under its lock, and a synchronous write that has reached every copy
 * when it returns. A request draws on several counters; it is admitted only if every one of them
 * stays within its limit, else what it took already is given back.
 *
 * <p>Rate windows (a minute) live in {@link #CACHE}; budget spend (a day, a month) in the durable
 * {@link #BUDGET_CACHE}, which survives a restart of the whole cluster when a state directory is
 * set.
 */
@ApplicationScoped
public class LimitCounters {

  public static final String CACHE = "polder-limits";

  /** Budget spend per team and period, in nano-units of the price table's currency. */
  public static final String BUDGET_CACHE = "polder-budgets";

  private final Cache<String, Long> rates;
  private final Cache<String, Long> budgets;

  @Inject
  public LimitCounters(StateStore state) {
    this(state.<String, Long>cache(CACHE), state.<String, Long>durableCache(BUDGET_CACHE));
  }

  /** Every counter in one cache (tests, benchmarks). */
  public LimitCounters(Cache<String, Long> cache) {
    this(cache, cache);
  }

  public LimitCounters(Cache<String, Long> rates, Cache<String, Long> budgets) {
    this.rates = rates;
    this.budgets = budgets;
  }

  /**
   * Starts the counters' cache with the application: a node holds a copy of a shared cache only
   * once it has started it, and every node must, so that counts outlive any one of them.
   */
  void startWithTheApplication(@Observes StartupEvent event) {
    rates.getName();
    budgets.getName();
  }

  /**
   * Takes every charge or none.
   *
   * @return the first charge that did not fit, or empty when all were taken
   */
  public Optional<Charge> reserve(List<Charge> charges) {
    List<Charge> taken = new ArrayList<>(charges.size());
    for (Charge charge : charges) {
      if (!tryTake(charge)) {
        for (Charge back : taken) {
          add(back.withAmount(-back.amount()));
        }
        return Optional.of(charge);
      }
      taken.add(charge);
    }
    return Optional.empty();
  }

  /**
   * Adds the charge's amount to its counter whatever the limit (reconciling a reservation with real
   * usage); a negative amount gives back, never below zero.
   */
  public void add(Charge charge) {
    add(cacheOf(charge.kind()), charge.counter(), charge.amount(), charge.lifespanMillis());
  }

  private static void add(
      Cache<String, Long> cache, String counter, long delta, long lifespanMillis) {
    if (delta == 0) {
      return;
    }
    int attempt = 0;
    while (true) {
      Long current = cache.get(counter);
      long next = Math.max(0, (current == null ? 0 : current) + delta);
      if (current == null) {
        if (delta < 0
            || cache.putIfAbsent(counter, next, lifespanMillis, TimeUnit.MILLISECONDS) == null) {
          return;
        }
      } else if (cache.replace(counter, current, next, lifespanMillis, TimeUnit.MILLISECONDS)) {
        return;
      }
      backOff(++attempt);
    }
  }

  /** The charge's counter's value; 0 when it has never been written or has expired. */
  public long value(Charge charge) {
    return value(charge.kind(), charge.counter());
  }

  /** A counter's value by its kind and name; 0 when never written or expired. */
  public long value(Charge.Kind kind, String counter) {
    Long value = cacheOf(kind).get(counter);
    return value == null ? 0 : value;
  }

  private Cache<String, Long> cacheOf(Charge.Kind kind) {
    return kind == Charge.Kind.COST ? budgets : rates;
  }

  private boolean tryTake(Charge charge) {
    Cache<String, Long> cache = cacheOf(charge.kind());
    int attempt = 0;
    while (true) {
      Long current = cache.get(charge.counter());
      long used = current == null ? 0 : current;
      // A full counter refuses even a request that adds nothing (a team over budget calling a
      // backend without a price).
      if (used >= charge.limit() || used + charge.amount() > charge.limit()) {
        return false;
      }
      if (charge.amount() == 0) {
        return true;
      }
      long next = used + charge.amount();
      long lifespan = charge.lifespanMillis();
      if (current == null) {
        if (cache.putIfAbsent(charge.counter(), next, lifespan, TimeUnit.MILLISECONDS) == null) {
          return true;
        }
      } else if (cache.replace(charge.counter(), current, next, lifespan, TimeUnit.MILLISECONDS)) {
        return true;
      }
      backOff(++attempt);
    }
  }

  /**
   * After a lost compare-and-set the local copy may lag the owner's for a moment; spin first, then
   * yield the core.
   */
  private static void backOff(int attempt) {
    if (attempt < 4) {
      Thread.onSpinWait();
    } else {
      try {
        Thread.sleep(Math.min(attempt - 3, 5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while updating a limit counter", e);
      }
    }
  }
}
