package dev.polder.pii.registry;

import dev.polder.pii.detect.Detector;
import java.util.Set;

/**
 * Builds the detector of one registry entry whose {@code kind} this factory names. Built-in kinds
 * ({@code pattern}, {@code dictionary}, {@code phone}) and Java detectors plugged in from elsewhere
 * (e.g. {@code ner}) all come through here; factories are found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.polder.pii.registry.DetectorFactory}) or
 * passed to {@link RegistryLoader} directly.
 */
public interface DetectorFactory {

  /** The value of {@code kind:} in detectors.yaml that this factory builds. */
  String kind();

  /**
   * Builds the detector, or throws {@link RegistryException} (use {@link
   * DetectorDefinition#error(String)}) naming what is wrong with the entry. Called on every
   * (re)load: expensive shared resources (models) should be cached by the factory.
   */
  Detector create(DetectorDefinition definition) throws RegistryException;

  /**
   * Kind-specific top-level fields an entry of this kind may carry besides the common ones; any
   * other key is reported as unknown. Java detectors take their settings under {@code options}.
   */
  default Set<String> fields() {
    return Set.of("options");
  }
}
