package dev.polder.pii.redact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A vault in this JVM's memory. A conversation's entries live for {@code ttl} after its last use;
 * expired conversations are dropped as other conversations are touched, so memory stays bounded by
 * the conversations active within one TTL.
 */
public final class InMemoryPseudonymVault implements PseudonymVault {

  /** One conversation's maps; guarded by its own monitor. */
  private static final class Conversation {
    final Map<String, String> pseudonymByTypedOriginal = new HashMap<>();
    final Map<String, String> originalByPseudonym = new HashMap<>();
    final Map<String, Integer> countByType = new HashMap<>();
    Instant lastUse;
  }

  private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;
  private volatile Instant nextSweep;

  public InMemoryPseudonymVault(Duration ttl, Clock clock) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("pseudonym TTL must be positive, got " + ttl);
    }
    this.ttl = ttl;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.nextSweep = clock.instant().plus(ttl);
  }

  public InMemoryPseudonymVault(Duration ttl) {
    this(ttl, Clock.systemUTC());
  }

  @Override
  public String pseudonymFor(String conversationId, String entityType, String original) {
    sweepIfDue();
    Conversation c = conversations.computeIfAbsent(conversationId, id -> new Conversation());
    synchronized (c) {
      if (expired(c)) {
        c.pseudonymByTypedOriginal.clear();
        c.originalByPseudonym.clear();
        c.countByType.clear();
      }
      c.lastUse = clock.instant();
      String key = entityType + '\u0000' + original;
      String existing = c.pseudonymByTypedOriginal.get(key);
      if (existing != null) {
        return existing;
      }
      int number = c.countByType.merge(entityType, 1, Integer::sum);
      String pseudonym = PseudonymVault.format(entityType, number);
      c.pseudonymByTypedOriginal.put(key, pseudonym);
      c.originalByPseudonym.put(pseudonym, original);
      return pseudonym;
    }
  }

  @Override
  public Optional<String> originalOf(String conversationId, String pseudonym) {
    Conversation c = conversations.get(conversationId);
    if (c == null) {
      return Optional.empty();
    }
    synchronized (c) {
      if (expired(c)) {
        return Optional.empty();
      }
      c.lastUse = clock.instant();
      return Optional.ofNullable(c.originalByPseudonym.get(pseudonym));
    }
  }

  @Override
  public void forget(String conversationId) {
    conversations.remove(conversationId);
  }

  /** Number of conversations held (expired ones may linger until the next sweep). */
  public int size() {
    return conversations.size();
  }

  private boolean expired(Conversation c) {
    return c.lastUse != null && c.lastUse.plus(ttl).isBefore(clock.instant());
  }

  private void sweepIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(ttl);
    conversations
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                return expired(e.getValue());
              }
            });
  }
}
