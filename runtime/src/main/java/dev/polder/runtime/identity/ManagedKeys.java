package dev.polder.runtime.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.state.StateStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.infinispan.Cache;

/**
 * Keys created through the admin API and revocations of configured keys, kept in the shared
 * Infinispan cache {@link StateStore#IDENTITY_CACHE}: a key created or revoked on one node holds on
 * every node as soon as the call returns (replicated synchronously in a cluster), and survives a
 * restart of the whole cluster when {@code polder.state.directory} is set.
 *
 * <p>A secret reads {@code pk_<id>_<random>}: the id finds the stored hash in one lookup, and the
 * hashes are then compared in constant time.
 */
@ApplicationScoped
public class ManagedKeys {

  static final String PREFIX = "pk_";
  private static final int ID_HEX = 16;
  private static final String KEY_ENTRY = "key:";
  private static final String REVOKED_ENTRY = "revoked:";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final SecureRandom random = new SecureRandom();
  private final Cache<String, String> cache;

  @Inject
  public ManagedKeys(StateStore state) {
    this.cache = state.durableCache(StateStore.IDENTITY_CACHE);
  }

  /**
   * Starts the shared state with the gateway: every request reads this cache (revocations), so the
   * first one must not pay for starting Infinispan.
   */
  void startWithTheGateway(@Observes StartupEvent event) {
    cache.getName();
  }

  /** What an admin asks for; the principal is required, the rest has defaults. */
  public record Spec(
      String name,
      String principal,
      String team,
      List<String> roles,
      String environment,
      List<String> models,
      boolean egress,
      Instant expiresAt) {}

  /** A created key: the stored record and the secret, which is shown this once. */
  public record Created(ManagedKey key, String secret) {}

  /** A revocation of a key from configuration (which cannot be changed at run time). */
  public record Revocation(String revokedAt, String revokedBy) {}

  public Created create(Spec spec, String createdBy) {
    byte[] id = new byte[ID_HEX / 2];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    String keyId = HexFormat.of().formatHex(id);
    String plain =
        PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ManagedKey key =
        new ManagedKey(
            keyId,
            spec.name(),
            ApiKeyRegistry.sha256Hex(plain),
            spec.principal(),
            spec.team(),
            spec.roles(),
            spec.environment(),
            spec.models(),
            spec.egress(),
            Instant.now().toString(),
            createdBy,
            spec.expiresAt() == null ? null : spec.expiresAt().toString(),
            null,
            null);
    cache.put(KEY_ENTRY + keyId, write(key));
    return new Created(key, plain);
  }

  /** Whether the secret has the shape of a key this class creates. */
  public static boolean isManagedKey(String secret) {
    return secret.startsWith(PREFIX)
        && secret.length() > PREFIX.length() + ID_HEX + 1
        && secret.charAt(PREFIX.length() + ID_HEX) == '_';
  }

  /** The stored key whose hash matches the secret (revoked or expired ones included). */
  public Optional<ManagedKey> find(String secret) {
    if (!isManagedKey(secret)) {
      return Optional.empty();
    }
    String id = secret.substring(PREFIX.length(), PREFIX.length() + ID_HEX);
    return get(id)
        .filter(
            key ->
                MessageDigest.isEqual(
                    HexFormat.of().parseHex(key.sha256()), ApiKeyRegistry.sha256(secret)));
  }

  public Optional<ManagedKey> get(String id) {
    return Optional.ofNullable(cache.get(KEY_ENTRY + id)).map(ManagedKeys::read);
  }

  public List<ManagedKey> list() {
    List<ManagedKey> keys = new ArrayList<>();
    cache.forEach(
        (entry, json) -> {
          if (entry.startsWith(KEY_ENTRY)) {
            keys.add(read(json));
          }
        });
    keys.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
    return keys;
  }

  /** Revokes a created key; an already revoked key keeps its first revocation. */
  public Optional<ManagedKey> revoke(String id, String by) {
    Optional<ManagedKey> key = get(id);
    if (key.isEmpty() || key.get().revoked()) {
      return key;
    }
    ManagedKey revoked = key.get().revoke(Instant.now().toString(), by);
    cache.put(KEY_ENTRY + id, write(revoked));
    return Optional.of(revoked);
  }

  /** Revokes a configured key by its name until the cluster stops (or for good: see README). */
  public Revocation revokeConfigured(String name, String by) {
    Optional<Revocation> earlier = revocation(name);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Revocation revocation = new Revocation(Instant.now().toString(), by);
    cache.put(REVOKED_ENTRY + name, write(revocation));
    return revocation;
  }

  public Optional<Revocation> revocation(String configuredName) {
    String json = cache.get(REVOKED_ENTRY + configuredName);
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(json, Revocation.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable revocation of key " + configuredName, e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ManagedKey read(String json) {
    try {
      return JSON.readValue(json, ManagedKey.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable managed key in the state store", e);
    }
  }
}
