package dev.polder.pii.registry;

/**
 * A registry file that cannot be used. The message always names the file and, when the problem is
 * in one entry, the detector: {@code detectors.yaml: detector 'iban': unknown validator 'mod97'}.
 */
public class RegistryException extends Exception {

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
