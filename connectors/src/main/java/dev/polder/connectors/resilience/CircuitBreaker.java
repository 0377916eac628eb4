package dev.polder.connectors.resilience;

import dev.polder.connectors.api.CircuitBreakerSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Circuit breaker of one backend: closed → open after N consecutive failures or a failure ratio in
 * a sliding window of calls; open for a cool-down; then half-open with exactly one probe.
 *
 * <p>Usage: {@link #tryAcquire()} before a call; then exactly one of {@link #recordSuccess()},
 * {@link #recordFailure()} or {@link #release()} (outcome that says nothing about health, e.g. a
 * 400). Thread-safe.
 */
public final class CircuitBreaker {

  /** Called on every state change, outside the breaker's lock. */
  @FunctionalInterface
  public interface Listener {
    void onTransition(String backend, CircuitState from, CircuitState to);
  }

  private final String backend;
  private final CircuitBreakerSettings settings;
  private final LongSupplier nanoClock;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  // Ring of the last `window` outcomes: true = failure.
  private final boolean[] window;
  private int windowSize;
  private int windowNext;
  private int windowFailures;

  private CircuitState state = CircuitState.CLOSED;
  private int consecutiveFailures;
  private long openedAtNanos;
  private boolean probeInFlight;
  private long timesOpened;

  public CircuitBreaker(String backend, CircuitBreakerSettings settings) {
    this(backend, settings, System::nanoTime);
  }

  /** With an injectable clock, for tests of the cool-down. */
  public CircuitBreaker(String backend, CircuitBreakerSettings settings, LongSupplier nanoClock) {
    this.backend = backend;
    this.settings = settings;
    this.nanoClock = nanoClock;
    this.window = new boolean[settings.window()];
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  public String backend() {
    return backend;
  }

  /** Current state; an open circuit whose cool-down passed reports {@code HALF_OPEN}. */
  public CircuitState state() {
    synchronized (this) {
      if (state == CircuitState.OPEN && coolDownOver()) {
        return CircuitState.HALF_OPEN;
      }
      return state;
    }
  }

  public CircuitSnapshot snapshot() {
    synchronized (this) {
      CircuitState visible =
          state == CircuitState.OPEN && coolDownOver() ? CircuitState.HALF_OPEN : state;
      Duration openFor = Duration.ZERO;
      if (visible == CircuitState.OPEN) {
        openFor =
            Duration.ofNanos(
                settings.openDuration().toNanos() - (nanoClock.getAsLong() - openedAtNanos));
      }
      return new CircuitSnapshot(
          backend, visible, consecutiveFailures, windowSize, windowFailures, openFor, timesOpened);
    }
  }

  /** Whether a call may go out now. In half-open state only one probe is let through. */
  public boolean tryAcquire() {
    CircuitState from;
    synchronized (this) {
      switch (state) {
        case CLOSED:
          return true;
        case HALF_OPEN:
          if (probeInFlight) {
            return false;
          }
          probeInFlight = true;
          return true;
        case OPEN:
        default:
          if (!coolDownOver()) {
            return false;
          }
          from = state;
          state = CircuitState.HALF_OPEN;
          probeInFlight = true;
      }
    }
    notifyListeners(from, CircuitState.HALF_OPEN);
    return true;
  }

  public void recordSuccess() {
    CircuitState from;
    synchronized (this) {
      consecutiveFailures = 0;
      from = state;
      if (state == CircuitState.HALF_OPEN) {
        probeInFlight = false;
        state = CircuitState.CLOSED;
        clearWindow();
      } else {
        addToWindow(false);
      }
    }
    if (from == CircuitState.HALF_OPEN) {
      notifyListeners(from, CircuitState.CLOSED);
    }
  }

  public void recordFailure() {
    CircuitState from;
    boolean opened = false;
    synchronized (this) {
      from = state;
      consecutiveFailures++;
      if (state == CircuitState.HALF_OPEN) {
        probeInFlight = false;
        open();
        opened = true;
      } else if (state == CircuitState.CLOSED) {
        addToWindow(true);
        boolean tooManyInARow = consecutiveFailures >= settings.consecutiveFailures();
        boolean ratioExceeded =
            settings.failureRatio() < 1.0
                && windowSize >= settings.minimumCalls()
                && windowFailures >= settings.failureRatio() * windowSize;
        if (tooManyInARow || ratioExceeded) {
          open();
          opened = true;
        }
      }
    }
    if (opened) {
      notifyListeners(from, CircuitState.OPEN);
    }
  }

  /** Ends a call whose outcome says nothing about the backend's health. */
  public void release() {
    synchronized (this) {
      if (state == CircuitState.HALF_OPEN) {
        probeInFlight = false;
      }
    }
  }

  private void open() {
    state = CircuitState.OPEN;
    openedAtNanos = nanoClock.getAsLong();
    timesOpened++;
    clearWindow();
  }

  private boolean coolDownOver() {
    return nanoClock.getAsLong() - openedAtNanos >= settings.openDuration().toNanos();
  }

  private void addToWindow(boolean failure) {
    if (windowSize == window.length) {
      if (window[windowNext]) {
        windowFailures--;
      }
    } else {
      windowSize++;
    }
    window[windowNext] = failure;
    if (failure) {
      windowFailures++;
    }
    windowNext = (windowNext + 1) % window.length;
  }

  private void clearWindow() {
    windowSize = 0;
    windowNext = 0;
    windowFailures = 0;
  }

  private void notifyListeners(CircuitState from, CircuitState to) {
    for (Listener listener : listeners) {
      listener.onTransition(backend, from, to);
    }
  }
}
