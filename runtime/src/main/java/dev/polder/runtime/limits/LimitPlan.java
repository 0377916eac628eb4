package dev.polder.runtime.limits;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.limits.Charge.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which counters a request draws on, from {@code polder.limits}: the rates of its API key, its team
 * and its virtual model, and its team's budgets. Built once from the configuration.
 */
public final class LimitPlan {

  /** What the plan needs to know of one request. */
  public record Subject(
      byte[] keyHash, String team, String model, long tokens, long costNanos, Instant now) {}

  private final Map<String, String> keyNameByHash = new HashMap<>();
  private final Map<String, GatewayConfig.Rates> keys;
  private final Optional<GatewayConfig.Rates> eachKey;
  private final Map<String, GatewayConfig.TeamLimits> teams;
  private final Optional<GatewayConfig.TeamLimits> eachTeam;
  private final Map<String, GatewayConfig.Rates> models;
  private final Optional<GatewayConfig.Rates> eachModel;

  public LimitPlan(GatewayConfig config) {
    GatewayConfig.Limits limits = config.limits();
    config.auth().keys().forEach((name, key) -> keyNameByHash.put(key.sha256(), name));
    this.keys = limits.keys();
    this.eachKey = limits.eachKey();
    this.teams = limits.teams();
    this.eachTeam = limits.eachTeam();
    this.models = limits.models();
    this.eachModel = limits.eachModel();
  }

  /** Whether any limit or budget is configured at all; if not, the steps do nothing. */
  public boolean active() {
    return !keys.isEmpty()
        || eachKey.isPresent()
        || !teams.isEmpty()
        || eachTeam.isPresent()
        || !models.isEmpty()
        || eachModel.isPresent();
  }

  public List<Charge> charges(Subject subject) {
    List<Charge> charges = new ArrayList<>(8);
    if (subject.keyHash() != null) {
      String hex = HexFormat.of().formatHex(subject.keyHash());
      String name = keyNameByHash.get(hex);
      GatewayConfig.Rates rates = name == null ? null : keys.get(name);
      if (rates == null) {
        rates = eachKey.orElse(null);
      }
      // Counters never hold a key: a configured key by its name, any other by a hash prefix.
      String id = name != null ? "key:" + name : "key#" + hex.substring(0, 24);
      String scope = name != null ? "key '" + name + "'" : "this key";
      rates(charges, id, scope, rates, subject);
    }
    if (subject.team() != null) {
      GatewayConfig.TeamLimits team = teams.get(subject.team());
      if (team == null) {
        team = eachTeam.orElse(null);
      }
      String id = "team:" + subject.team();
      String scope = "team '" + subject.team() + "'";
      rates(charges, id, scope, team, subject);
      if (team != null) {
        budgets(charges, id, scope, team.budget(), subject);
      }
    }
    if (subject.model() != null) {
      GatewayConfig.Rates rates = models.get(subject.model());
      if (rates == null) {
        rates = eachModel.orElse(null);
      }
      rates(charges, "model:" + subject.model(), "model '" + subject.model() + "'", rates, subject);
    }
    return charges;
  }

  private static void rates(
      List<Charge> charges, String id, String scope, GatewayConfig.Rates rates, Subject subject) {
    if (rates == null) {
      return;
    }
    Instant now = subject.now();
    String window = Windows.minute(now);
    long retry = Windows.secondsLeftInMinute(now);
    rates
        .requestsPerMinute()
        .ifPresent(
            limit ->
                charges.add(
                    new Charge(
                        "rpm|" + id + "|" + window,
                        Kind.REQUESTS,
                        scope,
                        1,
                        limit,
                        Windows.MINUTE_LIFESPAN_MS,
                        retry)));
    rates
        .tokensPerMinute()
        .ifPresent(
            limit ->
                charges.add(
                    new Charge(
                        "tpm|" + id + "|" + window,
                        Kind.TOKENS,
                        scope,
                        subject.tokens(),
                        limit,
                        Windows.MINUTE_LIFESPAN_MS,
                        retry)));
  }

  private static void budgets(
      List<Charge> charges, String id, String scope, GatewayConfig.Budget budget, Subject subject) {
    Instant now = subject.now();
    budget
        .day()
        .ifPresent(
            amount ->
                charges.add(
                    new Charge(
                        "cost|" + id + "|" + Windows.day(now),
                        Kind.COST,
                        scope + " (daily budget)",
                        subject.costNanos(),
                        PriceTable.toNanos(amount),
                        Windows.DAY_LIFESPAN_MS,
                        Windows.secondsLeftInDay(now))));
    budget
        .month()
        .ifPresent(
            amount ->
                charges.add(
                    new Charge(
                        "cost|" + id + "|" + Windows.month(now),
                        Kind.COST,
                        scope + " (monthly budget)",
                        subject.costNanos(),
                        PriceTable.toNanos(amount),
                        Windows.MONTH_LIFESPAN_MS,
                        Windows.secondsLeftInMonth(now))));
  }
}
