package dev.polder.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what the type system of {@link GatewayConfig} cannot: references between backends, models
 * and keys, and value ranges. Each problem names its key, so start-up can say exactly what to fix.
 */
public final class ConfigValidator {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private ConfigValidator() {}

  /**
   * All problems found, each as {@code <key>: <problem>}; empty when the configuration is valid.
   */
  public static List<String> problems(GatewayConfig config) {
    List<String> problems = new ArrayList<>();
    config.backends().forEach((name, backend) -> checkBackend(name, backend, problems));
    if (config.models().isEmpty()) {
      problems.add("polder.models: at least one virtual model is required");
    }
    config.models().forEach((name, model) -> checkModel(name, model, config.backends(), problems));
    config
        .auth()
        .keys()
        .forEach((name, key) -> checkKey(name, key, config.models().keySet(), problems));
    IdentityChecks.check(config, problems);
    McpConfigValidator.check(config.mcp(), problems);
    if (config.limits().maxBodyBytes() < 1024) {
      problems.add("polder.limits.max-body-bytes: must be at least 1024");
    }
    if (config.limits().maxJsonDepth() < 4) {
      problems.add("polder.limits.max-json-depth: must be at least 4");
    }
    LimitsChecks.check(config, problems);
    return problems;
  }

  private static void checkBackend(
      String name, GatewayConfig.Backend backend, List<String> problems) {
    try {
      BackendSpecs.of(name, backend);
    } catch (IllegalArgumentException e) {
      // The connectors name the field relative to the backend, e.g. "url is required ...".
      problems.add("polder.backends." + name + "." + e.getMessage());
    }
  }

  private static void checkModel(
      String name,
      GatewayConfig.VirtualModel model,
      Map<String, GatewayConfig.Backend> backends,
      List<String> problems) {
    String prefix = "polder.models." + name;
    if (model.targets().isEmpty()) {
      problems.add(prefix + ".targets: at least one target is required");
    }
    for (int i = 0; i < model.targets().size(); i++) {
      GatewayConfig.Target target = model.targets().get(i);
      String key = prefix + ".targets[" + i + "]";
      if (!backends.containsKey(target.backend())) {
        problems.add(key + ".backend: unknown backend '" + target.backend() + "'");
      }
      if (target.weight() < 0) {
        problems.add(key + ".weight: must not be negative");
      }
      if (target.priority() < 0) {
        problems.add(key + ".priority: must not be negative");
      }
    }
    List<String> fallback = model.fallback().orElse(List.of());
    for (int i = 0; i < fallback.size(); i++) {
      if (!backends.containsKey(fallback.get(i))) {
        problems.add(prefix + ".fallback[" + i + "]: unknown backend '" + fallback.get(i) + "'");
      }
    }
    if (model.sticky().enabled() && model.sticky().ttl().isNegative()) {
      problems.add(prefix + ".sticky.ttl: must not be negative");
    }
  }

  private static void checkKey(
      String name, GatewayConfig.ApiKey key, Set<String> models, List<String> problems) {
    String prefix = "polder.auth.keys." + name;
    if (!SHA256_HEX.matcher(key.sha256()).matches()) {
      problems.add(
          prefix
              + ".sha256: must be the SHA-256 of the key as 64 lower-case hex digits, got "
              + key.sha256().length()
              + " characters");
    }
    for (String model : key.models()) {
      if (!"*".equals(model) && !models.contains(model)) {
        problems.add(prefix + ".models: unknown virtual model '" + model + "'");
      }
    }
  }
}
