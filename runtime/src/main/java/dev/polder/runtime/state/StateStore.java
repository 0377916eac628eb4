package dev.polder.runtime.state;

import dev.polder.runtime.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;

/**
 * The embedded Infinispan that holds state gateway nodes share. Alone it runs in local mode; with
 * {@code polder.state.cluster=true} it joins a JGroups cluster and the same caches are replicated,
 * so callers never change.
 */
@ApplicationScoped
public class StateStore {

  public static final String STICKY_CACHE = "polder-sticky";

  /** Pseudonyms and their originals (redact step), shared so any node can restore an answer. */
  public static final String PSEUDONYM_CACHE = "polder-pseudonyms";

  /** Keys created through the admin API and revocations: every node must see them at once. */
  public static final String IDENTITY_CACHE = "polder-identity";

  private final EmbeddedCacheManager manager;

  @Inject
  public StateStore(GatewayConfig config) {
    this.manager = start(config.state());
  }

  static EmbeddedCacheManager start(GatewayConfig.State state) {
    GlobalConfigurationBuilder global = new GlobalConfigurationBuilder();
    global.cacheManagerName("polder").jmx().disable();
    ConfigurationBuilder sticky = new ConfigurationBuilder();
    if (state.cluster()) {
      // FD_SOCK2 listens on every interface unless bind_addr is set.
      System.setProperty("jgroups.bind_addr", state.bindAddress());
      global.transport().defaultTransport().clusterName("polder");
      sticky.clustering().cacheMode(CacheMode.REPL_SYNC);
    } else {
      sticky.clustering().cacheMode(CacheMode.LOCAL);
    }
    // Entries carry their own lifespan; the reaper only frees memory.
    sticky.expiration().wakeUpInterval(30, TimeUnit.SECONDS);
    DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
    manager.defineConfiguration(STICKY_CACHE, sticky.build());
    manager.defineConfiguration(PSEUDONYM_CACHE, sticky.build());
    ConfigurationBuilder identity = new ConfigurationBuilder();
    identity.clustering().cacheMode(state.cluster() ? CacheMode.REPL_SYNC : CacheMode.LOCAL);
    manager.defineConfiguration(IDENTITY_CACHE, identity.build());
    manager.start();
    return manager;
  }

  public <K, V> Cache<K, V> cache(String name) {
    return manager.getCache(name);
  }

  void stop(@Observes ShutdownEvent event) {
    manager.stop();
  }
}
