package dev.polder.pii.pattern;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.Detector;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A detector that is only data: regular expressions with scores, and an optional validator hook per
 * pattern. Context words and the threshold are applied by the engine from the registry.
 */
public final class PatternDetector implements Detector {

  private final String name;
  private final String entity;
  private final Set<String> languages;
  private final List<PatternSpec> patterns;

  public PatternDetector(
      String name, String entity, Set<String> languages, List<PatternSpec> patterns) {
    this.name = name;
    this.entity = entity;
    this.languages = Set.copyOf(languages);
    this.patterns = List.copyOf(patterns);
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

  public List<PatternSpec> patterns() {
    return patterns;
  }

  @Override
  public List<Finding> detect(String text, DetectionContext ctx) {
    List<Finding> findings = new ArrayList<>();
    String folded = null;
    for (PatternSpec spec : patterns) {
      if (!spec.requires().isEmpty() || !spec.anchors().isEmpty()) {
        folded = folded == null ? CandidateStarts.folded(text) : folded;
        if (!spec.requires().isEmpty() && !containsAny(folded, spec.requires())) {
          continue;
        }
      }
      if (spec.anchors().isEmpty() && spec.wordStarts().isEmpty()) {
        Matcher m = spec.regex().matcher(text);
        while (m.find()) {
          addMatch(spec, text, m, findings);
        }
        continue;
      }
      int[] starts =
          CandidateStarts.of(
              text, folded, spec.anchors(), spec.anchorLookback(), spec.wordStarts());
      if (starts.length == 0) {
        continue;
      }
      // Lookbehind and \b at a candidate must see the text before it.
      Matcher m = spec.regex().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      int searchedUpTo = 0;
      for (int at : starts) {
        if (at < searchedUpTo) {
          continue;
        }
        m.region(at, text.length());
        if (m.lookingAt()) {
          addMatch(spec, text, m, findings);
          searchedUpTo = Math.max(m.end(), at + 1);
        }
      }
    }
    return findings;
  }

  private void addMatch(PatternSpec spec, String text, Matcher m, List<Finding> findings) {
    int start = m.start(spec.group());
    int end = m.end(spec.group());
    if (start < 0 || end <= start) {
      return;
    }
    boolean validated = false;
    if (spec.validator().isPresent()) {
      end = validEnd(spec, text, start, end);
      if (end < 0) {
        return;
      }
      validated = spec.validator().get().confirms();
    }
    findings.add(new Finding(entity, start, end, spec.score(), name, validated));
  }

  /** Lower-cases A-Z only, so offsets stay those of the original text. */
  static String foldAsciiCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      }
    }
    return new String(chars);
  }

  private static boolean containsAny(String folded, List<String> literals) {
    for (String literal : literals) {
      if (folded.contains(literal)) {
        return true;
      }
    }
    return false;
  }

  /**
   * End of the longest valid candidate starting at {@code start}, or -1. A grouped number can
   * swallow a following word ("DE89 3704 0044 0532 0130 00 EUR"); when the whole match fails the
   * validator, shorter prefixes ending before each space are tried if they still match the regex.
   */
  private static int validEnd(PatternSpec spec, String text, int start, int end) {
    Validator validator = spec.validator().orElseThrow();
    if (validator.isValid(text.substring(start, end))) {
      return end;
    }
    if (spec.group() != 0) {
      return -1;
    }
    for (int cut = end - 1; cut > start; cut--) {
      if (Character.isWhitespace(text.charAt(cut))
          && !Character.isWhitespace(text.charAt(cut - 1))) {
        String prefix = text.substring(start, cut);
        if (spec.regex().matcher(prefix).matches() && validator.isValid(prefix)) {
          return cut;
        }
      }
    }
    return -1;
  }
}
