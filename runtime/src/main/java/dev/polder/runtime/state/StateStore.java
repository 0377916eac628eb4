package dev.polder.runtime.state;

import dev.polder.runtime.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.Configuration;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.persistence.spi.PersistenceException;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;
import org.jboss.logging.Logger;

/**
 * The embedded Infinispan that holds state gateway nodes share. Alone it runs in local mode; with
 * {@code polder.state.cluster=true} it joins a JGroups cluster and the same caches are replicated
 * (or distributed with {@code owners} copies), so callers never change.
 *
 * <p>Any cache name may be asked for: {@link #cache(String)} defines it on first use with the
 * node's shared-cache settings, so every node that asks for the same name shares one cache. A node
 * holds a copy only once it has asked: ask at start-up (e.g. observe {@code StartupEvent}), so a
 * node leaving never takes the only copy with it.
 *
 * <p>{@link #durableCache(String)} is the same, and also written through to files under {@code
 * polder.state.directory} (Infinispan's SoftIndexFileStore, one per node) when it is set, so its
 * entries survive a restart of the whole cluster.
 */
@ApplicationScoped
public class StateStore implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(StateStore.class);

  public static final String STICKY_CACHE = "polder-sticky";

  /** Pseudonyms and their originals (redact step), shared so any node can restore an answer. */
  public static final String PSEUDONYM_CACHE = "polder-pseudonyms";

  /**
   * Keys created through the admin API and revocations: every node must see them at once, and they
   * outlive a cluster restart when a state directory is set.
   */
  public static final String IDENTITY_CACHE = "polder-identity";

  private static final String DIRECTORY_KEY = "polder.state.directory";

  private final EmbeddedCacheManager manager;
  private final StateSettings settings;
  private final Configuration shared;

  @Inject
  public StateStore(GatewayConfig config) {
    this(StateSettings.of(config.state()));
  }

  private StateStore(StateSettings settings) {
    this.settings = settings;
    this.shared = sharedConfiguration(settings);
    try {
      this.manager = start(settings, shared);
    } catch (RuntimeException e) {
      throw unusableDirectory(settings, e);
    }
  }

  /** A store outside CDI (tests, benchmarks, tools); close it when done. */
  public static StateStore open(StateSettings settings) {
    return new StateStore(settings);
  }

  private static EmbeddedCacheManager start(StateSettings settings, Configuration shared) {
    GlobalConfigurationBuilder global = new GlobalConfigurationBuilder();
    global.cacheManagerName("polder").jmx().disable();
    if (settings.cluster()) {
      global
          .transport()
          .defaultTransport()
          .clusterName(settings.clusterName())
          .nodeName(settings.bindAddress() + ":" + settings.port());
      if (settings.jgroupsFile().isPresent()) {
        global
            .transport()
            .addProperty(JGroupsTransport.CONFIGURATION_FILE, settings.jgroupsFile().get());
      } else {
        global
            .transport()
            .addProperty(
                JGroupsTransport.CHANNEL_CONFIGURATOR, ClusterChannel.configurator(settings));
      }
    }
    DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
    manager.defineConfiguration(STICKY_CACHE, shared);
    manager.defineConfiguration(PSEUDONYM_CACHE, shared);
    manager.defineConfiguration(IDENTITY_CACHE, durableConfiguration(settings, IDENTITY_CACHE));
    manager.start();
    if (settings.cluster()) {
      manager.addListener(new ViewLogger());
      LOG.infof(
          "Polder state: cluster '%s' of %d members %s",
          settings.clusterName(), manager.getMembers().size(), manager.getMembers());
    }
    return manager;
  }

  private static Configuration sharedConfiguration(StateSettings settings) {
    ConfigurationBuilder builder = new ConfigurationBuilder();
    if (!settings.cluster()) {
      builder.clustering().cacheMode(CacheMode.LOCAL);
    } else if (settings.owners() <= 0) {
      builder.clustering().cacheMode(CacheMode.REPL_SYNC);
    } else {
      builder.clustering().cacheMode(CacheMode.DIST_SYNC).hash().numOwners(settings.owners());
    }
    // Entries carry their own lifespan; the reaper only frees memory.
    builder.expiration().wakeUpInterval(30, TimeUnit.SECONDS);
    return builder.build();
  }

  /**
   * The shared settings plus, with a state directory, a file store of this node's own under {@code
   * <directory>/<cache>/}: written through before a write returns, preloaded at start. Each node
   * keeps every entry of a replicated cache, so any node's files suffice after a full restart.
   */
  private static Configuration durableConfiguration(StateSettings settings, String name) {
    Configuration shared = sharedConfiguration(settings);
    if (settings.directory().isEmpty()) {
      return shared;
    }
    Path dir = settings.directory().get().toAbsolutePath().resolve(name);
    ConfigurationBuilder builder = new ConfigurationBuilder().read(shared);
    builder
        .persistence()
        .passivation(false)
        .addSoftIndexFileStore()
        .dataLocation(dir.resolve("data").toString())
        .indexLocation(dir.resolve("index").toString())
        .preload(true)
        .shared(false)
        .purgeOnStartup(false);
    return builder.build();
  }

  /**
   * The shared cache of that name, defined on first use: local alone; replicated (or distributed
   * with {@code polder.state.owners} copies) and synchronous in a cluster, so a write has reached
   * every copy when it returns.
   */
  public <K, V> Cache<K, V> cache(String name) {
    if (!manager.cacheExists(name) && manager.getCacheConfiguration(name) == null) {
      synchronized (this) {
        if (manager.getCacheConfiguration(name) == null) {
          manager.defineConfiguration(name, shared);
        }
      }
    }
    return manager.getCache(name);
  }

  /**
   * Like {@link #cache(String)}, and kept in files under {@code polder.state.directory} when it is
   * set (in memory otherwise). Ask for a given name always through this method.
   */
  public <K, V> Cache<K, V> durableCache(String name) {
    if (manager.getCacheConfiguration(name) == null) {
      synchronized (this) {
        if (manager.getCacheConfiguration(name) == null) {
          manager.defineConfiguration(name, durableConfiguration(settings, name));
        }
      }
    }
    try {
      return manager.getCache(name);
    } catch (RuntimeException e) {
      throw unusableDirectory(settings, e);
    }
  }

  /** A file store that cannot start, as an error naming the key to fix; others pass unchanged. */
  private static RuntimeException unusableDirectory(StateSettings settings, RuntimeException e) {
    if (settings.directory().isEmpty()) {
      return e;
    }
    Throwable store = null;
    for (Throwable t = e; t != null && store == null; t = t.getCause()) {
      if (t instanceof PersistenceException) {
        store = t;
      }
    }
    if (store == null) {
      return e;
    }
    Throwable root = store;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new IllegalStateException(
        DIRECTORY_KEY
            + ": cannot keep state in '"
            + settings.directory().get().toAbsolutePath()
            + "' (one directory per node, writable): "
            + root.getMessage(),
        e);
  }

  public boolean clustered() {
    return settings.cluster();
  }

  /** Node names of the current cluster view; just this node when alone. */
  public List<String> members() {
    if (!settings.cluster()) {
      return List.of("local");
    }
    return manager.getMembers().stream().map(Object::toString).toList();
  }

  /** Starts the cluster, and the sticky cache, with the application rather than on first use. */
  void startEagerly(@Observes StartupEvent event) {
    cache(STICKY_CACHE);
  }

  void stop(@Observes ShutdownEvent event) {
    close();
  }

  @Override
  public void close() {
    manager.stop();
  }

  @Listener
  public static final class ViewLogger {
    @ViewChanged
    public void viewChanged(ViewChangedEvent event) {
      LOG.infof(
          "Polder state: cluster view of %d members %s",
          event.getNewMembers().size(), event.getNewMembers());
    }
  }
}
