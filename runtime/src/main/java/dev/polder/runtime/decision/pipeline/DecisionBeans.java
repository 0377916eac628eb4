package dev.polder.runtime.decision.pipeline;

import dev.polder.runtime.decision.DecisionService;
import dev.polder.runtime.decision.bundle.BundleCompiler;
import dev.polder.runtime.decision.bundle.BundleManager;
import dev.polder.runtime.decision.bundle.BundleStatus;
import dev.polder.runtime.decision.rego.PolderRegoEngine;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The decision service of the running gateway. The bundle compiles in the background from start-up
 * on (never on the request path); until it is active, decisions deny.
 */
@Startup
@ApplicationScoped
public class DecisionBeans {
  private final DecisionConfig config;
  private static final Logger LOG = Logger.getLogger(DecisionBeans.class);
  private final BundleManager bundles;
  private final CompletableFuture<BundleStatus> firstLoad;

  DecisionBeans(DecisionConfig config) {
    this.config = config;
    ForkJoinPool pool = ForkJoinPool.commonPool();
    this.bundles =
        new BundleManager(
            Path.of(config.rulesPath()),
            Path.of(config.policiesPath()),
            new BundleCompiler(new PolderRegoEngine(), config.pattern().orElse(null), pool),
            pool);
    this.firstLoad = bundles.reloadAsync();
  }

  /**
   * Creates this bean, and so starts compiling the bundle, before any other start-up observer (a
   * {@code @Startup} bean is created at the default priority, after the configuration check, audit
   * log, keys and state), so the rest of start-up runs beside it (on a second core, in parallel).
   */
  void startCompiling(@Observes @Priority(0) StartupEvent event) {
    firstLoad.isDone();
  }

  /**
   * Waits for the first load, which began when this bean was created (in parallel with the rest of
   * start-up), so the gateway does not answer before policy can decide; a refused bundle does not
   * stop start-up (decisions deny and the status says why).
   */
  void onStart(@Observes StartupEvent event) {
    try {
      firstLoad.get(config.startWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warnf(
          "policy bundle not loaded after %s; decisions deny until it is", config.startWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.errorf("policy bundle load failed: %s", e.getCause());
    }
    if (config.reload()) {
      bundles.watch(config.reloadInterval());
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    bundles.close();
  }

  @Produces
  @Singleton
  BundleManager bundleManager() {
    return bundles;
  }

  @Produces
  @Singleton
  DecisionService decisionService() {
    return new DecisionService(bundles, config.pointTimeout());
  }
}
