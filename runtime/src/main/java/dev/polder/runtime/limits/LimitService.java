package dev.polder.runtime.limits;

import dev.polder.connectors.api.Usage;
import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import dev.polder.runtime.identity.ApiKeyRegistry;
import dev.polder.runtime.pipeline.GatewayCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.infinispan.commons.CacheException;
import org.jboss.logging.Logger;

/**
 * Reserves a call's requests, tokens and cost before the backend call and reconciles them with the
 * real usage after it. Counters are only touched when a limit or budget is configured.
 */
@ApplicationScoped
public class LimitService {

  private static final Logger LOG = Logger.getLogger(LimitService.class);
  private static final String BEARER = "Bearer ";

  private final LimitPlan plan;
  private final PriceTable prices;
  private final Instance<LimitCounters> counters;
  private final Windows windows;
  private final int defaultMaxTokens;

  @Inject
  public LimitService(GatewayConfig config, Instance<LimitCounters> counters) {
    this(config, counters, Clock.systemUTC());
  }

  LimitService(GatewayConfig config, Instance<LimitCounters> counters, Clock clock) {
    this.plan = new LimitPlan(config);
    this.prices = new PriceTable(config.prices());
    this.counters = counters;
    this.windows = new Windows(clock);
    this.defaultMaxTokens = config.limits().defaultMaxTokens();
  }

  /** What a call is charged after it ran: tokens counted and their cost in nano-units. */
  public record Settled(long tokens, long costNanos) {}

  /**
   * Takes the call's share of every limit it falls under.
   *
   * @throws dev.polder.runtime.error.GatewayException 429 when a limit or budget would be exceeded
   */
  public void reserve(GatewayCall call) {
    if (!plan.active() || call.principal() == null) {
      return;
    }
    boolean embeddings = call.operation() == GatewayCall.Operation.EMBEDDINGS;
    long prompt = TokenEstimate.promptTokens(call.request());
    long completion = TokenEstimate.completionTokens(call.request(), embeddings, defaultMaxTokens);
    String backend = call.candidates().isEmpty() ? null : call.candidates().get(0);
    long cost = prices.costNanos(backend, prompt, completion);
    List<Charge> charges =
        plan.charges(
            new LimitPlan.Subject(
                keyHash(call.authorization()),
                call.principal().team(),
                call.model(),
                prompt + completion,
                cost,
                windows.now()));
    if (charges.isEmpty()) {
      return;
    }
    Optional<Charge> refused;
    try {
      refused = counters.get().reserve(charges);
    } catch (CacheException e) {
      // Fail closed: without the shared counters no limit can be kept.
      LOG.warnf("Request %s: limit counters unavailable: %s", call.requestId(), e.toString());
      throw new GatewayException(
          503,
          "service_unavailable",
          "limits_unavailable",
          null,
          "The limit counters are unavailable (cluster changing?); retry shortly");
    }
    if (refused.isPresent()) {
      throw LimitRefusals.of(refused.get());
    }
    call.attach(Reservation.class, new Reservation(charges, backend, prompt, completion));
  }

  /**
   * Replaces the reserved tokens and cost with what the call used: the backend's usage (the
   * stream's last chunk included), nothing if it failed without usage, or the reservation itself
   * when a call that went through reported no usage.
   */
  public Settled reconcile(GatewayCall call) {
    Optional<Reservation> reservation = call.attached(Reservation.class);
    Optional<Usage> usage = call.usage();
    String backend = call.backend().orElse(reservation.map(Reservation::backend).orElse(null));
    long tokens;
    long cost;
    if (usage.isPresent()) {
      tokens = usage.get().promptTokens() + usage.get().completionTokens();
      cost = prices.costNanos(backend, usage.get().promptTokens(), usage.get().completionTokens());
    } else if (reservation.isPresent() && call.status() > 0 && call.status() < 400) {
      Reservation r = reservation.get();
      tokens = r.tokens();
      cost = prices.costNanos(backend, r.promptTokens(), r.completionTokens());
    } else {
      tokens = 0;
      cost = 0;
    }
    if (reservation.isPresent()) {
      settle(reservation.get(), tokens, cost);
    }
    return new Settled(tokens, cost);
  }

  private void settle(Reservation reservation, long tokens, long cost) {
    List<Charge> corrections = new ArrayList<>();
    for (Charge charge : reservation.charges()) {
      long delta =
          switch (charge.kind()) {
            case REQUESTS -> 0;
            case TOKENS -> tokens - charge.amount();
            case COST -> cost - charge.amount();
          };
      if (delta != 0) {
        corrections.add(charge.withAmount(delta));
      }
    }
    if (corrections.isEmpty()) {
      return;
    }
    LimitCounters shared = counters.get();
    for (Charge correction : corrections) {
      try {
        shared.add(correction);
      } catch (CacheException e) {
        // The reservation stands (it is never less safe than the usage it was made for).
        LOG.warnf("Could not settle %s by %d: %s", correction.counter(), correction.amount(), e);
      }
    }
  }

  private static byte[] keyHash(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return ApiKeyRegistry.sha256(authorization.substring(BEARER.length()).trim());
  }
}
