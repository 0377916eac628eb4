package dev.polder.runtime.routing;

import dev.polder.runtime.state.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/** Remembers which backend served a session of a virtual model, for a time-to-live. */
@ApplicationScoped
public class StickySessions {

  private final Cache<String, String> cache;

  @Inject
  public StickySessions(StateStore state) {
    this.cache = state.cache(StateStore.STICKY_CACHE);
  }

  public Optional<String> backendFor(String model, String sessionKey) {
    return Optional.ofNullable(cache.get(key(model, sessionKey)));
  }

  public void remember(String model, String sessionKey, String backend, Duration ttl) {
    cache.put(key(model, sessionKey), backend, ttl.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String key(String model, String sessionKey) {
    return model + '\u0000' + sessionKey;
  }
}
