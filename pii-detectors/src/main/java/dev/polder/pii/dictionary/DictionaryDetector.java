package dev.polder.pii.dictionary;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.Detector;
import dev.polder.pii.detect.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Whole-word matches of a deny-list (project code names, customer names, internal hosts). */
public final class DictionaryDetector implements Detector {

  private final String name;
  private final String entity;
  private final Set<String> languages;
  private final double score;
  private final TermTrie terms;

  public DictionaryDetector(
      String name,
      String entity,
      Set<String> languages,
      Collection<String> terms,
      boolean caseSensitive,
      double score) {
    this.name = name;
    this.entity = entity;
    this.languages = Set.copyOf(languages);
    this.score = score;
    this.terms = new TermTrie(caseSensitive);
    terms.forEach(this.terms::add);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> entityTypes() {
    return Set.of(entity);
  }

  @Override
  public Set<String> languages() {
    return languages;
  }

  public int termCount() {
    return terms.size();
  }

  @Override
  public List<Finding> detect(String text, DetectionContext ctx) {
    String normalized = terms.normalize(text);
    // Lower-casing can change the length of some scripts; fall back to exact matching then.
    if (normalized.length() != text.length()) {
      normalized = text;
    }
    List<Finding> findings = new ArrayList<>();
    int i = 0;
    while (i < normalized.length()) {
      boolean wordStart = i == 0 || !TermTrie.isWordChar(normalized.charAt(i - 1));
      int end = wordStart ? terms.longestMatchEnd(normalized, i) : -1;
      if (end > i) {
        findings.add(new Finding(entity, i, end, score, name, false));
        i = end;
      } else {
        i++;
      }
    }
    return findings;
  }
}
