package dev.polder.pii.detect;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the caller knows about a text: its language and, optionally, the only detectors to run (for
 * {@code POST /polder/v1/detect} or a policy that asks for a subset).
 *
 * @param language ISO 639-1 code, or {@link #ANY_LANGUAGE} when unknown
 * @param detectorFilter names of the detectors to run; empty means all enabled detectors
 */
public record DetectionContext(String language, Optional<Set<String>> detectorFilter) {

  public static final String ANY_LANGUAGE = "any";

  public DetectionContext {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(detectorFilter, "detectorFilter");
    detectorFilter = detectorFilter.map(Set::copyOf);
  }

  public static DetectionContext anyLanguage() {
    return new DetectionContext(ANY_LANGUAGE, Optional.empty());
  }

  public static DetectionContext of(String language) {
    return new DetectionContext(language, Optional.empty());
  }

  public DetectionContext onlyDetectors(Set<String> names) {
    return new DetectionContext(language, Optional.of(names));
  }

  /** Whether a detector with this name and these languages should run for this context. */
  public boolean accepts(String detectorName, Set<String> detectorLanguages) {
    if (detectorFilter.isPresent() && !detectorFilter.get().contains(detectorName)) {
      return false;
    }
    return ANY_LANGUAGE.equals(language)
        || detectorLanguages.contains(ANY_LANGUAGE)
        || detectorLanguages.contains(language);
  }
}
