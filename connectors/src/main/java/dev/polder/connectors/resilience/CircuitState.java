package dev.polder.connectors.resilience;

/** The states of a backend's circuit breaker. */
public enum CircuitState {
  /** Calls pass. */
  CLOSED,
  /** Calls are refused until the cool-down has passed. */
  OPEN,
  /** One probe call passes; its outcome closes or re-opens the circuit. */
  HALF_OPEN
}
