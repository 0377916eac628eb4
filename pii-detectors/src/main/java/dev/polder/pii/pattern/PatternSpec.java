package dev.polder.pii.pattern;

import dev.polder.pii.validate.Validator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One regular expression of a pattern detector.
 *
 * @param group capture group whose span is reported (0 = the whole match), so a pattern can require
 *     a key name before a secret without redacting the name
 * @param validator confirms or rejects each match; empty = matches are reported unvalidated
 */
public record PatternSpec(
    String name, Pattern regex, double score, int group, Optional<Validator> validator) {

  public PatternSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(validator, "validator");
    if (group < 0 || group > regex.matcher("").groupCount()) {
      throw new IllegalArgumentException(
          "group " + group + " does not exist in /" + regex.pattern() + "/");
    }
  }
}
