package dev.polder.pii.ner;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the text around a candidate is like: its main script, and whether it is English (where
 * capitalisation and the English CRF can be trusted, and a lower-case word that is no English word
 * stands out).
 */
record TextProfile(ScriptGroup dominant, boolean english) {

  /** Share of Latin words that must be everyday English words for a text to count as English. */
  static final double ENGLISH_SHARE = 0.5;

  static TextProfile of(List<WordToken> tokens, int[] flags) {
    Map<ScriptGroup, Integer> letters = new EnumMap<>(ScriptGroup.class);
    int latin = 0;
    int englishWords = 0;
    for (int i = 0; i < tokens.size(); i++) {
      WordToken t = tokens.get(i);
      letters.merge(t.script(), t.end() - t.start(), Integer::sum);
      if (t.script() == ScriptGroup.LATIN && t.key().length() > 1) {
        latin++;
        if ((flags[i] & NameDictionary.COMMON_WORD) != 0) {
          englishWords++;
        }
      }
    }
    ScriptGroup dominant =
        letters.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(ScriptGroup.LATIN);
    boolean english = latin > 0 && englishWords >= ENGLISH_SHARE * latin;
    return new TextProfile(dominant, english);
  }
}
