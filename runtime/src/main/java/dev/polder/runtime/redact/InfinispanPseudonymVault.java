package dev.polder.runtime.redact;

import dev.polder.pii.redact.PseudonymVault;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * The pseudonym vault in an Infinispan cache, so every gateway node of a cluster restores what any
 * node pseudonymized. Plain string keys and values (nothing to marshal), each entry with the TTL as
 * its lifespan. Numbers are handed out with conditional writes (putIfAbsent/replace), which
 * Infinispan makes atomic also across a cluster; two nodes racing on one value agree on the first
 * pseudonym written.
 */
public final class InfinispanPseudonymVault implements PseudonymVault {

  private static final char SEP = '\u0000';

  private final Cache<String, String> cache;
  private final long ttlMillis;

  public InfinispanPseudonymVault(Cache<String, String> cache, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("pseudonym TTL must be positive, got " + ttl);
    }
    this.cache = Objects.requireNonNull(cache, "cache");
    this.ttlMillis = ttl.toMillis();
  }

  @Override
  public String pseudonymFor(String conversationId, String entityType, String original) {
    String forward = "p" + SEP + conversationId + SEP + entityType + SEP + original;
    String existing = cache.get(forward);
    if (existing != null) {
      return existing;
    }
    String pseudonym = PseudonymVault.format(entityType, next(conversationId, entityType));
    String won = cache.putIfAbsent(forward, pseudonym, ttlMillis, TimeUnit.MILLISECONDS);
    if (won != null) {
      return won; // another thread or node was first: its number stands, ours is skipped
    }
    cache.put(reverseKey(conversationId, pseudonym), original, ttlMillis, TimeUnit.MILLISECONDS);
    return pseudonym;
  }

  private int next(String conversationId, String entityType) {
    String key = "n" + SEP + conversationId + SEP + entityType;
    while (true) {
      String current = cache.get(key);
      if (current == null) {
        if (cache.putIfAbsent(key, "1", ttlMillis, TimeUnit.MILLISECONDS) == null) {
          return 1;
        }
        continue;
      }
      int next = Integer.parseInt(current) + 1;
      if (cache.replace(key, current, Integer.toString(next), ttlMillis, TimeUnit.MILLISECONDS)) {
        return next;
      }
    }
  }

  @Override
  public Optional<String> originalOf(String conversationId, String pseudonym) {
    return Optional.ofNullable(cache.get(reverseKey(conversationId, pseudonym)));
  }

  @Override
  public void forget(String conversationId) {
    String marker = SEP + conversationId + SEP;
    cache.keySet().removeIf(key -> key.startsWith(marker, 1));
  }

  private static String reverseKey(String conversationId, String pseudonym) {
    return "o" + SEP + conversationId + SEP + pseudonym;
  }
}
