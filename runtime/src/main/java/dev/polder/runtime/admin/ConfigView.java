package dev.polder.runtime.admin;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/** The effective {@code polder.*} configuration with every secret masked. */
final class ConfigView {

  static final String MASK = "****";

  private static final Set<String> SECRET_WORDS =
      Set.of(
          "key",
          "apikey",
          "secret",
          "password",
          "passphrase",
          "token",
          "sha256",
          "credential",
          "credentials",
          "authorization",
          "bearer",
          "cookie");

  private ConfigView() {}

  static Map<String, String> effective(Config config) {
    Map<String, String> properties = new TreeMap<>();
    for (String name : config.getPropertyNames()) {
      boolean env = name.startsWith("POLDER_");
      if (!name.startsWith("polder.") && !env) {
        continue;
      }
      ConfigValue value = config.getConfigValue(name);
      if (value == null || value.getValue() == null) {
        continue;
      }
      properties.put(name, isSecret(name, value.getValue()) ? MASK : value.getValue());
    }
    return properties;
  }

  /**
   * A property is secret when a word of its last segment says so ({@code api-key}, {@code secret},
   * {@code sha256}, {@code hmac-key}, {@code GITHUB_TOKEN}, ...) or its value holds a private key.
   * An environment variable has no segments: any word of its name counts.
   */
  static boolean isSecret(String name, String value) {
    if (value.contains("PRIVATE KEY")) {
      return true;
    }
    String leaf = name.startsWith("POLDER_") ? name : name.substring(name.lastIndexOf('.') + 1);
    for (String word : leaf.toLowerCase(Locale.ROOT).split("[._\\-\\[\\]\"]+")) {
      if (SECRET_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
