package dev.polder.pii.detect;

import java.util.List;

/**
 * The current set of detectors. The registry implements it and may swap its contents on reload; the
 * engine asks for the list on every call so a reload takes effect on the next text.
 */
@FunctionalInterface
public interface DetectorCatalog {

  /** Detectors that are enabled now, in registry order. */
  List<ConfiguredDetector> enabledDetectors();

  static DetectorCatalog of(List<ConfiguredDetector> detectors) {
    List<ConfiguredDetector> enabled =
        detectors.stream().filter(d -> d.settings().enabled()).toList();
    return () -> enabled;
  }
}
