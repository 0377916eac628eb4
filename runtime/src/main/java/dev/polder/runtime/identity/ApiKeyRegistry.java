package dev.polder.runtime.identity;

import dev.polder.runtime.config.GatewayConfig;
import dev.polder.runtime.error.GatewayException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * API keys from configuration as SHA-256 hashes mapped to principals. A presented key is hashed and
 * compared with every stored hash in constant time, so neither the position nor the prefix of a
 * match shows in the timing.
 */
public final class ApiKeyRegistry {

  /** The key the embedded defaults accept; never to be enabled in production. */
  public static final String DEMO_KEY = "polder-demo-key";

  /** The name the demo key goes by in listings and revocations. */
  public static final String DEMO_KEY_NAME = "demo";

  static final String BEARER = "Bearer ";

  /**
   * A configured key: its name in {@code polder.auth.keys} and its principal (roles unresolved).
   */
  public record ConfiguredKey(String name, Principal principal) {}

  private final List<byte[]> hashes = new ArrayList<>();
  private final List<ConfiguredKey> keys = new ArrayList<>();

  public ApiKeyRegistry(GatewayConfig.Auth auth) {
    auth.keys()
        .forEach(
            (name, key) ->
                add(
                    HexFormat.of().parseHex(key.sha256()),
                    new ConfiguredKey(
                        name,
                        new Principal(
                            key.principal(),
                            "service",
                            key.team(),
                            List.copyOf(key.roles()),
                            key.environment(),
                            new LinkedHashSet<>(key.models()),
                            key.egress(),
                            "key:" + name))));
    if (auth.demoKeyEnabled()) {
      add(
          sha256(DEMO_KEY),
          new ConfiguredKey(
              DEMO_KEY_NAME,
              new Principal(
                  "demo",
                  "service",
                  "demo",
                  List.of("app"),
                  "dev",
                  new LinkedHashSet<>(List.of("*")),
                  false,
                  "key:" + DEMO_KEY_NAME)));
    }
  }

  private void add(byte[] hash, ConfiguredKey key) {
    hashes.add(hash);
    keys.add(key);
  }

  /** Every configured key, in configuration order. */
  public List<ConfiguredKey> keys() {
    return List.copyOf(keys);
  }

  /**
   * The principal for an {@code Authorization} header value.
   *
   * @throws GatewayException 401 when the header is missing, malformed or the key is unknown
   */
  public Principal authenticate(String authorization) {
    return find(bearer(authorization))
        .map(ConfiguredKey::principal)
        .orElseThrow(() -> GatewayException.unauthorized("Incorrect API key provided"));
  }

  /** The credential of a {@code Bearer} header, or 401 for a missing or other scheme. */
  public static String bearer(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw GatewayException.unauthorized(
          "Missing API key: send it as 'Authorization: Bearer <key>'");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw GatewayException.unauthorized(
          "Unsupported authorization scheme: send 'Authorization: Bearer <key>'");
    }
    return authorization.substring(BEARER.length()).trim();
  }

  /** The configured key with this secret. */
  public Optional<ConfiguredKey> find(String key) {
    byte[] presented = sha256(key);
    ConfiguredKey match = null;
    // No early exit: every stored hash is compared, whatever matched before.
    for (int i = 0; i < hashes.size(); i++) {
      if (MessageDigest.isEqual(hashes.get(i), presented) && match == null) {
        match = keys.get(i);
      }
    }
    return Optional.ofNullable(match);
  }

  public static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  public static String sha256Hex(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }
}
