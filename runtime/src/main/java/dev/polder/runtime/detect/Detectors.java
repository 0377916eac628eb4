package dev.polder.runtime.detect;

import dev.polder.pii.detect.ConfiguredDetector;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.extract.AttachmentExtractor;
import dev.polder.pii.extract.AttachmentLimits;
import dev.polder.pii.ner.CrfNerModel;
import dev.polder.pii.ner.NerDetector;
import dev.polder.pii.ner.NerDetectorFactory;
import dev.polder.pii.ner.NerModelState;
import dev.polder.pii.ner.NerNotReadyException;
import dev.polder.pii.registry.DetectorRegistry;
import dev.polder.pii.registry.RegistryException;
import dev.polder.pii.registry.RegistryLoader;
import dev.polder.pii.registry.RegistryWatcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The gateway's detectors (registry, engine) and attachment reader. The NER model starts loading
 * when this bean is created, in parallel with the rest of start-up and never on the request path;
 * start-up waits for it ({@code polder.detect.ner.start-wait}) and then warms the engine once.
 * Until the model is ready a scan fails closed (503), it never reports a text clean.
 */
@Startup
@ApplicationScoped
public class Detectors {

  private static final Logger LOG = Logger.getLogger(Detectors.class);

  private static final String WARM_UP_TEXT =
      "Ticket 4711 from Maria Garcia (maria.garcia@example.org, +31 20 123 4567) in Rotterdam: "
          + "card 4111 1111 1111 1111, IBAN NL91 ABNA 0417 1643 00, server 10.0.0.1.";

  private final DetectConfig config;
  private final DetectorRegistry registry;
  private final DetectionEngine engine;
  private final AttachmentExtractor extractor;
  private final CompletableFuture<Void> nerLoad;
  private RegistryWatcher watcher;

  Detectors(DetectConfig config) {
    List<String> problems = DetectConfigCheck.problems(config);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(String.join("\n", problems));
    }
    this.config = config;
    this.registry = load(config);
    this.engine = new DetectionEngine(registry);
    this.extractor = new AttachmentExtractor(limits(config.attachments()));
    this.nerLoad = startNerLoad();
  }

  /**
   * Tika reads its configuration and builds its parsers once: seconds, so not on a request. Only
   * attachments need it, so start-up does not wait for it: it begins once the rest of start-up is
   * done (on one core it would otherwise slow everything the first request needs), and an
   * attachment that comes before it has finished waits for the same initialisation.
   */
  private void startTikaWarmUp() {
    Thread warm =
        new Thread(
            () -> {
              try {
                extractor.extract(
                    WARM_UP_TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "text/plain",
                    "warm-up.txt");
              } catch (Exception e) {
                LOG.warnf("Attachment reader warm-up failed: %s", e);
              }
            },
            "polder-tika-warm-up");
    warm.setDaemon(true);
    warm.start();
  }

  private static DetectorRegistry load(DetectConfig config) {
    RegistryLoader loader =
        config.ner().enabled()
            ? RegistryLoader.withInstalledFactories()
            : RegistryLoader.withInstalledFactoriesExcept(Set.of("ner"));
    try {
      if (config.registry().isPresent()) {
        Path file = Path.of(config.registry().get()).toAbsolutePath().normalize();
        return DetectorRegistry.fromFile(file, loader);
      }
      return DetectorRegistry.fromClasspath(loader);
    } catch (RegistryException e) {
      throw new ConfigurationException("polder.detect.registry: " + e.getMessage(), e);
    }
  }

  static AttachmentLimits limits(DetectConfig.Attachments a) {
    try {
      return new AttachmentLimits(
          a.maxDecodedBytes(),
          a.maxExtractedChars(),
          a.maxNestingDepth(),
          a.maxUnpackedBytes(),
          a.maxZipEntries(),
          a.maxCompressionRatio(),
          a.timeout(),
          a.parserThreads(),
          a.queueLength());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("polder.detect.attachments: " + e.getMessage(), e);
    }
  }

  /**
   * Loads the bundled CRF model when a NER detector is configured. Entries with {@code load:
   * background} start loading it themselves; this joins that load (one load per model).
   */
  private CompletableFuture<Void> startNerLoad() {
    if (nerDetectors().isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    CrfNerModel model = NerDetectorFactory.model(CrfNerModel.DEFAULT_MODEL_RESOURCE);
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              try {
                model.load();
                awaitNerDetectors();
                done.complete(null);
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            },
            "polder-ner-start-up-load");
    loader.setDaemon(true);
    loader.start();
    return done;
  }

  private List<NerDetector> nerDetectors() {
    return registry.enabledDetectors().stream()
        .map(ConfiguredDetector::detector)
        .filter(NerDetector.class::isInstance)
        .map(NerDetector.class::cast)
        .toList();
  }

  /** Entries naming another model resource load it in the background themselves: wait for them. */
  private void awaitNerDetectors() {
    for (NerDetector detector : nerDetectors()) {
      while (detector.state() == NerModelState.LOADING
          || detector.state() == NerModelState.NOT_LOADED) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (detector.state() == NerModelState.FAILED) {
        throw new NerNotReadyException(NerModelState.FAILED, null);
      }
    }
  }

  void onStart(@Observes StartupEvent event) {
    try {
      nerLoad.get(config.ner().startWait().toMillis(), TimeUnit.MILLISECONDS);
      warmUp();
    } catch (TimeoutException e) {
      LOG.warnf(
          "NER model not ready after %s; scans answer 503 until it is", config.ner().startWait());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      LOG.errorf("NER model failed to load; scans answer 503: %s", e.getCause());
    }
    LOG.infof(
        "Detectors: %d enabled from %s%s",
        registry.enabledDetectors().size(),
        registry.file().map(Path::toString).orElse("the shipped registry"),
        config.ner().enabled() ? "" : " (NER off)");
    if (config.reload() && registry.file().isPresent()) {
      try {
        watcher =
            RegistryWatcher.start(
                registry,
                RegistryWatcher.DEFAULT_QUIET_PERIOD,
                () -> LOG.infof("Detectors reloaded from %s", registry.file().get()),
                e -> LOG.errorf("Detectors not reloaded, the previous ones keep serving: %s", e));
      } catch (IOException e) {
        LOG.warnf("Cannot watch %s for changes: %s", registry.file().get(), e);
      }
    }
  }

  /**
   * Creates this bean, and so starts loading the NER model, before any other start-up observer, so
   * the rest of start-up runs beside it.
   */
  void startLoading(@Observes @Priority(0) StartupEvent event) {
    nerLoad.isDone();
  }

  // After every other start-up observer (lower priorities run first).
  void warmAttachmentReader(@Observes @Priority(10_000) StartupEvent event) {
    startTikaWarmUp();
  }

  /** One scan at start-up so the first request does not pay for class loading and JIT. */
  private void warmUp() {
    for (int i = 0; i < 3; i++) {
      engine.detect(WARM_UP_TEXT, DetectionContext.anyLanguage());
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        LOG.debugf("closing the registry watcher: %s", e);
      }
    }
    extractor.close();
  }

  public DetectionEngine engine() {
    return engine;
  }

  public DetectorRegistry registry() {
    return registry;
  }

  public AttachmentExtractor extractor() {
    return extractor;
  }

  /** The context for prompts: the configured language, every enabled detector. */
  public DetectionContext promptContext() {
    return DetectionContext.of(config.language());
  }

  /** Whether every configured NER detector has its model loaded. */
  public boolean ready() {
    return nerDetectors().stream().allMatch(d -> d.state() == NerModelState.READY);
  }
}
