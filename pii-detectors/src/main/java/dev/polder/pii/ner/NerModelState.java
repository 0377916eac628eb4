package dev.polder.pii.ner;

/** Life cycle of a model that is loaded off the request path. */
public enum NerModelState {
  /** Nobody has asked for it yet. */
  NOT_LOADED,
  /** A load is running (on the caller's or a background thread). */
  LOADING,
  /** Loaded and warmed up: detection runs. */
  READY,
  /** The load failed; {@link NerNotReadyException#getCause()} tells why. */
  FAILED
}
