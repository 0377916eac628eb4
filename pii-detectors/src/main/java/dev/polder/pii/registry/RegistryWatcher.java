package dev.polder.pii.registry;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reloads a file-backed registry when its folder (or a {@code dictionaries/} folder beside it)
 * changes. Editors write files in several steps, so events are collected for a short quiet period
 * before one reload. An invalid file is reported to {@code onError} and the old detectors stay.
 */
public final class RegistryWatcher implements AutoCloseable {

  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(200);

  private final DetectorRegistry registry;
  private final WatchService watchService;
  private final Thread thread;
  private final Duration quietPeriod;
  private final Runnable onReloaded;
  private final Consumer<RegistryException> onError;

  private RegistryWatcher(
      DetectorRegistry registry,
      Duration quietPeriod,
      Runnable onReloaded,
      Consumer<RegistryException> onError)
      throws IOException {
    this.registry = registry;
    this.quietPeriod = quietPeriod;
    this.onReloaded = onReloaded;
    this.onError = onError;
    Path file =
        registry
            .file()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "only a registry loaded from a file can be watched"));
    Path folder = file.toAbsolutePath().getParent();
    this.watchService = FileSystems.getDefault().newWatchService();
    register(folder);
    Path dictionaries = folder.resolve("dictionaries");
    if (Files.isDirectory(dictionaries)) {
      register(dictionaries);
    }
    this.thread = new Thread(this::run, "polder-detector-registry-watcher");
    this.thread.setDaemon(true);
  }

  /** Starts watching; close the watcher to stop. */
  public static RegistryWatcher start(
      DetectorRegistry registry,
      Duration quietPeriod,
      Runnable onReloaded,
      Consumer<RegistryException> onError)
      throws IOException {
    RegistryWatcher watcher =
        new RegistryWatcher(
            registry,
            quietPeriod,
            Objects.requireNonNull(onReloaded),
            Objects.requireNonNull(onError));
    watcher.thread.start();
    return watcher;
  }

  private void register(Path folder) throws IOException {
    folder.register(
        watchService,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watchService.take();
        drain(key);
        // Collect the rest of a multi-step save before reloading once.
        WatchKey more;
        while ((more = watchService.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        try {
          registry.reload();
          onReloaded.run();
        } catch (RegistryException e) {
          onError.accept(e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  @Override
  public void close() throws IOException {
    watchService.close();
    thread.interrupt();
  }
}
