package dev.polder.runtime.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.infinispan.commons.CacheException;

/**
 * Per-tool call rates of the MCP gateway, counted in the same shared counters ({@value
 * LimitCounters#CACHE}) and fixed UTC minutes as the LLM request limits: a tool limited to N calls
 * a minute admits N over the whole cluster, not N per node.
 */
@ApplicationScoped
public class ToolRates {

  /** What became of one call's claim on its tool's rate. */
  public sealed interface Outcome {}

  /** Counted: the call may go ahead. */
  public record Admitted() implements Outcome {}

  /** This minute's calls are used up. */
  public record Refused(long retryAfterMillis) implements Outcome {}

  /** The shared counters cannot be reached: no limit can be kept, so the call is refused. */
  public record Unavailable(String reason) implements Outcome {}

  private static final Admitted ADMITTED = new Admitted();

  private final Supplier<LimitCounters> counters;
  private final Clock clock;

  @Inject
  public ToolRates(Instance<LimitCounters> counters) {
    this(counters::get, Clock.systemUTC());
  }

  ToolRates(Supplier<LimitCounters> counters, Clock clock) {
    this.counters = counters;
    this.clock = clock;
  }

  /** The shared counter of a tool's calls in the minute of {@code now}. */
  public static String counter(String server, String tool, Instant now) {
    return "tool|" + server + "|" + tool + "|" + Windows.minute(now);
  }

  /**
   * Takes one call of {@code server}'s {@code tool} from its per-minute rate; a rate of 0 or less
   * is unlimited (no counter is touched).
   */
  public Outcome take(String server, String tool, int perMinute) {
    if (perMinute <= 0) {
      return ADMITTED;
    }
    Instant now = clock.instant();
    long retrySeconds = Windows.secondsLeftInMinute(now);
    Charge charge =
        new Charge(
            counter(server, tool, now),
            Charge.Kind.REQUESTS,
            "tool '" + server + "__" + tool + "'",
            1,
            perMinute,
            Windows.MINUTE_LIFESPAN_MS,
            retrySeconds);
    try {
      return counters.get().reserve(List.of(charge)).isPresent()
          ? new Refused(Windows.millisLeftInMinute(now))
          : ADMITTED;
    } catch (CacheException e) {
      return new Unavailable(e.toString());
    }
  }
}
