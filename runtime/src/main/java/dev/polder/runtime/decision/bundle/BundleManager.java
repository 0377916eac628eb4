package dev.polder.runtime.decision.bundle;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Keeps the bundle in service: loads {@code rules/} and {@code policies/}, compiles and tests them
 * off the request path, swaps the new bundle in atomically if everything passed, and otherwise
 * keeps the old one and reports why (log and {@link #status()}).
 */
public final class BundleManager implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(BundleManager.class);

  private final Path rulesDir;
  private final Path policiesDir;
  private final BundleCompiler compiler;
  private final Executor executor;
  private final AtomicReference<CompiledBundle> active = new AtomicReference<>();
  private final AtomicReference<BundleStatus> status =
      new AtomicReference<>(BundleStatus.loading());
  private final Object reloadLock = new Object();
  private ScheduledExecutorService watcher;
  private volatile String lastFingerprint = "";

  /** Which of rules/ and policies/ held files in the active bundle. */
  private volatile Set<String> activeFolders = Set.of();

  public BundleManager(
      Path rulesDir, Path policiesDir, BundleCompiler compiler, Executor executor) {
    this.rulesDir = rulesDir;
    this.policiesDir = policiesDir;
    this.compiler = compiler;
    this.executor = executor;
  }

  /** The bundle in service, or null before the first one has loaded. */
  public CompiledBundle current() {
    return active.get();
  }

  public BundleStatus status() {
    return status.get();
  }

  /** Starts loading in the background (start-up goes on meanwhile). */
  public CompletableFuture<BundleStatus> reloadAsync() {
    return CompletableFuture.supplyAsync(this::reload, executor);
  }

  /** Loads the folders now; an unchanged bundle is not recompiled. One reload runs at a time. */
  public BundleStatus reload() {
    synchronized (reloadLock) {
      lastFingerprint = BundleSnapshot.fingerprint(rulesDir, policiesDir);
      Instant at = Instant.now();
      BundleSnapshot snapshot;
      try {
        snapshot = BundleSnapshot.read(rulesDir, policiesDir);
      } catch (RuntimeException e) {
        return refused("-", at, List.of(e.getMessage()));
      }
      CompiledBundle previous = active.get();
      List<String> emptied = emptiedFolders(previous, snapshot);
      if (!emptied.isEmpty()) {
        return refused(snapshot.hash(), at, emptied);
      }
      if (previous != null && previous.hash().equals(snapshot.hash())) {
        BundleStatus old = status.get();
        return record(
            new BundleStatus(
                old.state(),
                old.activeHash(),
                old.activeSince(),
                old.activeCompileMillis(),
                old.activeRegoTests(),
                snapshot.hash(),
                at,
                BundleStatus.Outcome.UNCHANGED,
                List.of()));
      }
      try {
        CompiledBundle bundle = compiler.compile(snapshot);
        BundleWarmup.run(bundle);
        active.set(bundle);
        activeFolders = folders(snapshot);
        LOG.infof(
            "policy bundle %s active (%d ms, %d Rego tests passed)",
            bundle.shortHash(), bundle.compileTime().toMillis(), bundle.regoTests());
        return record(
            new BundleStatus(
                BundleStatus.State.ACTIVE,
                bundle.hash(),
                bundle.compiledAt(),
                bundle.compileTime().toMillis(),
                bundle.regoTests(),
                bundle.hash(),
                at,
                BundleStatus.Outcome.ACTIVATED,
                List.of()));
      } catch (BundleRejectedException e) {
        return refused(snapshot.hash(), at, e.problems());
      } catch (RuntimeException e) {
        return refused(snapshot.hash(), at, List.of("unexpected: " + e));
      }
    }
  }

  /**
   * A folder that held files in the active bundle and holds none now is refused like a broken
   * bundle: an emptied folder is far more often a deployment caught halfway (a sync that deletes
   * first, a checkout in progress) than a wish to deny every request, which is what an empty bundle
   * would do. A gateway started with an empty folder serves without it.
   */
  private List<String> emptiedFolders(CompiledBundle previous, BundleSnapshot snapshot) {
    if (previous == null) {
      return List.of();
    }
    Set<String> now = folders(snapshot);
    List<String> problems = new ArrayList<>();
    for (String folder : List.of(BundleSnapshot.RULES, BundleSnapshot.POLICIES)) {
      if (activeFolders.contains(folder) && !now.contains(folder)) {
        Path dir = folder.equals(BundleSnapshot.RULES) ? rulesDir : policiesDir;
        problems.add(
            folder
                + "/ ("
                + dir
                + ") is empty or missing: every file was removed. An emptied folder is refused"
                + " (it would deny every request); put the files back, or restart the gateway to"
                + " run without "
                + folder
                + "/");
      }
    }
    return problems;
  }

  private static Set<String> folders(BundleSnapshot snapshot) {
    Set<String> folders = new HashSet<>();
    for (String path : snapshot.files().keySet()) {
      folders.add(path.substring(0, path.indexOf('/')));
    }
    return Set.copyOf(folders);
  }

  /** Polls the folders (size and time of every file) and reloads when they change. */
  public synchronized void watch(Duration interval) {
    if (watcher != null) {
      return;
    }
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "polder-bundle-watch");
              t.setDaemon(true);
              return t;
            });
    watcher.scheduleWithFixedDelay(
        this::reloadIfChanged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  void reloadIfChanged() {
    try {
      if (!BundleSnapshot.fingerprint(rulesDir, policiesDir).equals(lastFingerprint)) {
        reload();
      }
    } catch (RuntimeException e) {
      LOG.warnf("policy bundle watch: %s", e.getMessage());
    }
  }

  private BundleStatus refused(String hash, Instant at, List<String> problems) {
    CompiledBundle old = active.get();
    BundleStatus previous = status.get();
    LOG.errorf(
        "policy bundle %s refused, %s: %s",
        hash.length() > 12 ? hash.substring(0, 12) : hash,
        old == null ? "no bundle is active (decisions deny)" : "still serving " + old.shortHash(),
        String.join("; ", problems));
    return record(
        new BundleStatus(
            old == null ? BundleStatus.State.FAILED : BundleStatus.State.ACTIVE,
            previous.activeHash(),
            previous.activeSince(),
            previous.activeCompileMillis(),
            previous.activeRegoTests(),
            hash,
            at,
            BundleStatus.Outcome.REFUSED,
            problems));
  }

  private BundleStatus record(BundleStatus next) {
    status.set(next);
    return next;
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
  }
}
