package dev.polder.pii.detect;

import java.util.Objects;

/** A detector together with the registry settings the engine applies to its candidates. */
public record ConfiguredDetector(Detector detector, DetectorSettings settings) {

  public ConfiguredDetector {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(settings, "settings");
  }

  public String name() {
    return detector.name();
  }
}
