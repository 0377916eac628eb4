package dev.polder.runtime.support;

/**
 * The two recording backends of the compliance specs: {@code recorded-internal} (location internal)
 * and {@code recorded-external} (location external, like a public API).
 */
public record RecordedBackends(RecordingBackend internal, RecordingBackend external)
    implements AutoCloseable {

  public static final String INTERNAL = "recorded-internal";
  public static final String EXTERNAL = "recorded-external";

  public static RecordedBackends start() {
    return new RecordedBackends(RecordingBackend.start(), RecordingBackend.start());
  }

  public RecordingBackend get(String location) {
    return switch (location) {
      case "internal" -> internal;
      case "external" -> external;
      default -> throw new IllegalArgumentException("no recording backend '" + location + "'");
    };
  }

  @Override
  public void close() {
    internal.close();
    external.close();
  }
}
