package dev.polder.connectors.stream;

/** The backend sent something that is not what its protocol promises. */
public final class InvalidUpstreamData extends RuntimeException {
  public InvalidUpstreamData(String message) {
    super(message, null, false, false);
  }
}
