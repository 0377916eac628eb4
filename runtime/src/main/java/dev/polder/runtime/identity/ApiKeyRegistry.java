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
 * API keys as SHA-256 hashes mapped to principals. A presented key is hashed and compared with
 * every stored hash in constant time, so neither the position nor the prefix of a match shows in
 * the timing.
 */
public final class ApiKeyRegistry {

  /** The key the embedded defaults accept; never to be enabled in production. */
  public static final String DEMO_KEY = "polder-demo-key";

  private static final String BEARER = "Bearer ";

  private final List<byte[]> hashes = new ArrayList<>();
  private final List<Principal> principals = new ArrayList<>();

  public ApiKeyRegistry(GatewayConfig.Auth auth) {
    auth.keys()
        .forEach(
            (name, key) ->
                add(
                    HexFormat.of().parseHex(key.sha256()),
                    new Principal(
                        key.principal(),
                        key.team(),
                        List.copyOf(key.roles()),
                        key.environment(),
                        new LinkedHashSet<>(key.models()),
                        key.egress())));
    if (auth.demoKeyEnabled()) {
      add(
          sha256(DEMO_KEY),
          new Principal(
              "demo", "demo", List.of("app"), "dev", new LinkedHashSet<>(List.of("*")), false));
    }
  }

  private void add(byte[] hash, Principal principal) {
    hashes.add(hash);
    principals.add(principal);
  }

  /**
   * The principal for an {@code Authorization} header value.
   *
   * @throws GatewayException 401 when the header is missing, malformed or the key is unknown
   */
  public Principal authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw GatewayException.unauthorized(
          "Missing API key: send it as 'Authorization: Bearer <key>'");
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw GatewayException.unauthorized(
          "Unsupported authorization scheme: send 'Authorization: Bearer <key>'");
    }
    String key = authorization.substring(BEARER.length()).trim();
    return find(sha256(key))
        .orElseThrow(() -> GatewayException.unauthorized("Incorrect API key provided"));
  }

  private Optional<Principal> find(byte[] presented) {
    Principal match = null;
    // No early exit: every stored hash is compared, whatever matched before.
    for (int i = 0; i < hashes.size(); i++) {
      if (MessageDigest.isEqual(hashes.get(i), presented) && match == null) {
        match = principals.get(i);
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
