package dev.polder.runtime.account;

import dev.polder.connectors.api.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Tokens used per principal and virtual model since start; the ground for budgets and metrics. */
@ApplicationScoped
public class UsageLedger {

  /** Running totals of one principal on one model. */
  public static final class Totals {
    private final LongAdder requests = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();

    public long requests() {
      return requests.sum();
    }

    public long promptTokens() {
      return promptTokens.sum();
    }

    public long completionTokens() {
      return completionTokens.sum();
    }
  }

  private final Map<String, Totals> totals = new ConcurrentHashMap<>();

  public void record(String principal, String model, Usage usage) {
    Totals t = totals.computeIfAbsent(principal + '\u0000' + model, k -> new Totals());
    t.requests.increment();
    if (usage != null) {
      t.promptTokens.add(usage.promptTokens());
      t.completionTokens.add(usage.completionTokens());
    }
  }

  public Totals totals(String principal, String model) {
    return totals.getOrDefault(principal + '\u0000' + model, new Totals());
  }
}
