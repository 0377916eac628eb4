package dev.polder.pii.detect;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the registry says about one detector, applied by the engine the same way to every kind: a
 * detector runs only when enabled and its language matches; context words near a candidate add
 * {@code contextBoost} to its score; candidates scoring under {@code scoreThreshold} are dropped.
 */
public record DetectorSettings(
    boolean enabled,
    Set<String> languages,
    List<String> contextWords,
    double contextBoost,
    double scoreThreshold,
    ContextWindow contextWindow) {

  /** How far around a candidate context words are looked for, in characters. */
  public record ContextWindow(int before, int after) {
    public static final ContextWindow DEFAULT = new ContextWindow(50, 25);

    public ContextWindow {
      if (before < 0 || after < 0) {
        throw new IllegalArgumentException("context window sizes must be >= 0");
      }
    }
  }

  public static final double DEFAULT_CONTEXT_BOOST = 0.35;
  public static final double DEFAULT_SCORE_THRESHOLD = 0.5;

  public DetectorSettings {
    Objects.requireNonNull(languages, "languages");
    Objects.requireNonNull(contextWords, "contextWords");
    Objects.requireNonNull(contextWindow, "contextWindow");
    languages = Set.copyOf(languages);
    contextWords = List.copyOf(contextWords);
  }

  /** Enabled for all languages, no context words, default threshold. */
  public static DetectorSettings defaults() {
    return new DetectorSettings(
        true,
        Set.of(DetectionContext.ANY_LANGUAGE),
        List.of(),
        DEFAULT_CONTEXT_BOOST,
        DEFAULT_SCORE_THRESHOLD,
        ContextWindow.DEFAULT);
  }

  public DetectorSettings withContextWords(List<String> words) {
    return new DetectorSettings(
        enabled, languages, words, contextBoost, scoreThreshold, contextWindow);
  }

  public DetectorSettings withScoreThreshold(double threshold) {
    return new DetectorSettings(
        enabled, languages, contextWords, contextBoost, threshold, contextWindow);
  }
}
