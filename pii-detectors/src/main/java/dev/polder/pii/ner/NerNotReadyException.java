package dev.polder.pii.ner;

/**
 * Thrown when text is scanned before the NER model is loaded (or after its load failed). A scan
 * that cannot run must never look like a clean text: the caller decides whether to wait, retry or
 * refuse the request (the gateway fails closed).
 */
public final class NerNotReadyException extends RuntimeException {

  private final NerModelState state;

  public NerNotReadyException(NerModelState state, Throwable cause) {
    super(message(state, cause), cause);
    this.state = state;
  }

  public NerModelState state() {
    return state;
  }

  private static String message(NerModelState state, Throwable cause) {
    return switch (state) {
      case NOT_LOADED -> "NER model is not loaded: call load() at start-up before scanning";
      case LOADING -> "NER model is still loading; retry shortly";
      case FAILED -> "NER model failed to load: " + (cause == null ? "unknown cause" : cause);
      case READY -> "NER model is ready";
    };
  }
}
