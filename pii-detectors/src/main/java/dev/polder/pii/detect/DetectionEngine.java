package dev.polder.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the enabled detectors of a catalog on a text, applies each detector's context words and
 * score threshold, and resolves overlaps. Thread-safe; one instance serves the whole gateway.
 */
public final class DetectionEngine {

  private final DetectorCatalog catalog;

  public DetectionEngine(DetectorCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** Non-overlapping findings sorted by start offset. */
  public List<Finding> detect(String text, DetectionContext ctx) {
    return OverlapResolver.resolve(candidates(text, ctx));
  }

  /**
   * Every candidate that passed its detector's threshold, before overlap resolution (for explain
   * output and the evaluation harness).
   */
  public List<Finding> candidates(String text, DetectionContext ctx) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(ctx, "ctx");
    List<Finding> all = new ArrayList<>();
    if (text.isEmpty()) {
      return all;
    }
    for (ConfiguredDetector configured : catalog.enabledDetectors()) {
      DetectorSettings settings = configured.settings();
      if (!ctx.accepts(configured.name(), settings.languages())) {
        continue;
      }
      for (Finding raw : configured.detector().detect(text, ctx)) {
        double score = ContextScorer.score(text, raw, settings);
        if (score >= settings.scoreThreshold()) {
          all.add(score == raw.score() ? raw : raw.withScore(score));
        }
      }
    }
    return all;
  }
}
