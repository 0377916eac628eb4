package dev.polder.runtime.audit;

/** The audit log cannot take or keep a record; the request it belongs to must fail. */
public class AuditLogException extends RuntimeException {
  public AuditLogException(String message) {
    super(message);
  }

  public AuditLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
