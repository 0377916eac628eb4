package dev.polder.runtime.decision.rego;

/** A Rego compile or evaluation error, with a message fit for an operator. */
public final class RegoFailure extends RuntimeException {
  public RegoFailure(String message) {
    super(message);
  }

  public RegoFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
