package dev.polder.pii.pattern;

import dev.polder.pii.validate.Validator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One regular expression of a pattern detector.
 *
 * @param group capture group whose span is reported (0 = the whole match), so a pattern can require
 *     a key name before a secret without redacting the name
 * @param validator confirms or rejects each match; empty = matches are reported unvalidated
 * @param anchors ASCII literals every match starts with (compared ignoring ASCII case), or contains
 *     no more than {@code anchorLookback} characters after its start; when given, the regex is
 *     tried only there instead of at every position of the text
 * @param anchorLookback how far before an anchor a match may start (0: it starts with the anchor)
 * @param wordStarts classes of character every match begins with at the start of a word; the regex
 *     is tried only at such positions (together with the anchors' positions)
 * @param requires ASCII literals of which every match contains one (ignoring ASCII case); when none
 *     occurs in the text the regex is not run at all
 */
public record PatternSpec(
    String name,
    Pattern regex,
    double score,
    int group,
    Optional<Validator> validator,
    List<String> anchors,
    int anchorLookback,
    Set<WordStart> wordStarts,
    List<String> requires) {

  public PatternSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(validator, "validator");
    anchors = anchors.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    requires = requires.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    wordStarts = wordStarts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(wordStarts));
    if (anchorLookback < 0) {
      throw new IllegalArgumentException("anchor lookback must not be negative");
    }
    if (group < 0 || group > regex.matcher("").groupCount()) {
      throw new IllegalArgumentException(
          "group " + group + " does not exist in /" + regex.pattern() + "/");
    }
  }

  public PatternSpec(
      String name, Pattern regex, double score, int group, Optional<Validator> validator) {
    this(name, regex, score, group, validator, List.of(), 0, Set.of(), List.of());
  }
}
