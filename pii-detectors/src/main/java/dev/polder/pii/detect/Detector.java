package dev.polder.pii.detect;

import java.util.List;
import java.util.Set;

/**
 * Finds entities in a text. Implementations are stateless or thread-safe: the engine calls them
 * concurrently. They report raw candidates; the engine applies context words, thresholds and
 * overlap resolution configured in the registry.
 */
public interface Detector {

  /** The registry name of this detector, unique within a registry. */
  String name();

  /** Entity types this detector can report. */
  Set<String> entityTypes();

  /** Languages (ISO 639-1 codes) it supports; {@link DetectionContext#ANY_LANGUAGE} for all. */
  Set<String> languages();

  /** Candidates in {@code text}, in any order; offsets are UTF-16 indexes into {@code text}. */
  List<Finding> detect(String text, DetectionContext ctx);
}
