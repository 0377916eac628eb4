package dev.polder.pii.extract;

import java.util.Objects;

/**
 * An attachment that was refused before or while it was read: over a limit, encrypted, malformed.
 * {@link #getMessage()} is for logs (it names the limit); {@link #userMessage()} is for the caller.
 */
public final class AttachmentRejectedException extends Exception {

  private final RejectionReason reason;

  public AttachmentRejectedException(RejectionReason reason, String detail) {
    this(reason, detail, null);
  }

  public AttachmentRejectedException(RejectionReason reason, String detail, Throwable cause) {
    super(reason.code() + ": " + detail, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectionReason reason() {
    return reason;
  }

  public String userMessage() {
    return reason.userMessage();
  }

  public int httpStatus() {
    return reason.httpStatus();
  }
}
