package dev.polder.runtime.config;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks of {@code polder.limits}, {@code polder.prices} and {@code polder.state}. */
final class LimitsChecks {

  private static final Pattern MEMBER = Pattern.compile("\\s*[^\\s\\[\\]]+\\[\\d{1,5}]\\s*");
  private static final Set<String> DISCOVERY = Set.of("static", "multicast", "dns");

  private LimitsChecks() {}

  static void check(GatewayConfig config, List<String> problems) {
    GatewayConfig.Limits limits = config.limits();
    String prefix = "polder.limits.";
    limits
        .keys()
        .forEach(
            (name, rates) -> {
              if (!config.auth().keys().containsKey(name)) {
                problems.add(
                    prefix + "keys." + name + ": unknown key (not under polder.auth.keys)");
              }
              rates(prefix + "keys." + name, rates, problems);
            });
    limits.eachKey().ifPresent(r -> rates(prefix + "each-key", r, problems));
    limits
        .teams()
        .forEach(
            (name, team) -> {
              rates(prefix + "teams." + name, team, problems);
              budget(prefix + "teams." + name + ".budget", team.budget(), problems);
            });
    limits
        .eachTeam()
        .ifPresent(
            team -> {
              rates(prefix + "each-team", team, problems);
              budget(prefix + "each-team.budget", team.budget(), problems);
            });
    limits
        .models()
        .forEach(
            (name, rates) -> {
              if (!config.models().containsKey(name)) {
                problems.add(prefix + "models." + name + ": unknown virtual model");
              }
              rates(prefix + "models." + name, rates, problems);
            });
    limits.eachModel().ifPresent(r -> rates(prefix + "each-model", r, problems));
    if (limits.defaultMaxTokens() < 1) {
      problems.add(prefix + "default-max-tokens: must be at least 1");
    }
    prices(config.prices(), config.backends().keySet(), problems);
    state(config.state(), problems);
  }

  private static void rates(String key, GatewayConfig.Rates rates, List<String> problems) {
    rates
        .requestsPerMinute()
        .ifPresent(
            v -> {
              if (v < 1) {
                problems.add(key + ".requests-per-minute: must be at least 1");
              }
            });
    rates
        .tokensPerMinute()
        .ifPresent(
            v -> {
              if (v < 1) {
                problems.add(key + ".tokens-per-minute: must be at least 1");
              }
            });
  }

  private static void budget(String key, GatewayConfig.Budget budget, List<String> problems) {
    budget.day().ifPresent(v -> positiveAmount(key + ".day", v, problems));
    budget.month().ifPresent(v -> positiveAmount(key + ".month", v, problems));
  }

  private static void positiveAmount(String key, BigDecimal value, List<String> problems) {
    if (value.signum() <= 0) {
      problems.add(key + ": must be more than 0");
    } else if (value.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
      problems.add(key + ": must be at most 1000000000");
    }
  }

  private static void prices(
      Map<String, GatewayConfig.Price> prices, Set<String> backends, List<String> problems) {
    prices.forEach(
        (backend, price) -> {
          String key = "polder.prices." + backend;
          if (!backends.contains(backend)) {
            problems.add(key + ": unknown backend '" + backend + "'");
          }
          if (price.input().signum() < 0) {
            problems.add(key + ".input: must not be negative");
          }
          if (price.output().signum() < 0) {
            problems.add(key + ".output: must not be negative");
          }
        });
  }

  private static void state(GatewayConfig.State state, List<String> problems) {
    String prefix = "polder.state.";
    if (!DISCOVERY.contains(state.discovery())) {
      problems.add(
          prefix + "discovery: must be static, multicast or dns, got '" + state.discovery() + "'");
    }
    if (state.port() < 1 || state.port() > 65535 - 105) {
      problems.add(prefix + "port: must be between 1 and 65430 (failure detection uses port+100)");
    }
    if (state.owners() == 1 || state.owners() < 0) {
      problems.add(
          prefix
              + "owners: must be 0 (a copy on every node) or at least 2 (one copy would lose"
              + " counts when its node leaves)");
    }
    List<String> members = state.members().orElse(List.of());
    for (int i = 0; i < members.size(); i++) {
      if (!MEMBER.matcher(members.get(i)).matches()) {
        problems.add(prefix + "members[" + i + "]: '" + members.get(i) + "' is not host[port]");
      }
    }
    if (state.cluster()
        && "dns".equals(state.discovery())
        && state.dnsQuery().isEmpty()
        && state.jgroupsFile().isEmpty()) {
      problems.add(prefix + "dns-query: is required for dns discovery");
    }
    state.directory().ifPresent(dir -> directory(prefix + "directory", dir, problems));
  }

  /**
   * The state directory must be a writable directory, or be creatable: its nearest existing
   * ancestor a writable directory. Nothing is created here.
   */
  private static void directory(String key, String dir, List<String> problems) {
    if (dir.isBlank()) {
      problems.add(key + ": must name a directory (or be left unset to keep state in memory)");
      return;
    }
    Path path;
    try {
      path = Path.of(dir).toAbsolutePath();
    } catch (InvalidPathException e) {
      problems.add(key + ": '" + dir + "' is not a path");
      return;
    }
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      problems.add(
          key
              + ": '"
              + dir
              + "' is not a directory this node can create and write"
              + (existing == null || existing.equals(path)
                  ? ""
                  : " ('" + existing + "' is in the way)"));
    }
  }
}
