package dev.polder.pii.extract;

/**
 * Why an attachment was refused. Each reason carries the HTTP status the gateway answers with and a
 * message a user can act on (it never contains the file's content).
 */
public enum RejectionReason {
  TOO_LARGE(413, "The attachment is larger than this gateway accepts."),
  TEXT_TOO_LONG(413, "The attachment contains more text than this gateway scans."),
  TOO_DEEPLY_NESTED(422, "The attachment nests documents or archives too deeply."),
  ZIP_BOMB(
      422, "The attachment expands to far more data than its size suggests (suspected zip bomb)."),
  XML_ENTITY_EXPANSION(
      422, "The attachment declares XML entities, which this gateway does not expand."),
  ENCRYPTED(422, "The attachment is encrypted or password-protected and cannot be scanned."),
  MALFORMED(422, "The attachment could not be read as the document type it appears to be."),
  INVALID_ENCODING(400, "The attachment's data is not valid base64 or not a valid data URL."),
  TIMEOUT(422, "Reading the attachment took longer than this gateway allows."),
  BUSY(503, "Too many attachments are being read right now; retry shortly.");

  private final int httpStatus;
  private final String userMessage;

  RejectionReason(int httpStatus, String userMessage) {
    this.httpStatus = httpStatus;
    this.userMessage = userMessage;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String userMessage() {
    return userMessage;
  }

  /** Lower-case code for API errors and policy input, e.g. {@code zip_bomb}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
