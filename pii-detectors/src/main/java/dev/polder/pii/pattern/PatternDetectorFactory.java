package dev.polder.pii.pattern;

import dev.polder.pii.detect.Detector;
import dev.polder.pii.registry.DetectorDefinition;
import dev.polder.pii.registry.DetectorFactory;
import dev.polder.pii.registry.EntryFields;
import dev.polder.pii.registry.RegistryException;
import dev.polder.pii.validate.Validator;
import dev.polder.pii.validate.Validators;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code kind: pattern}: {@code patterns: [{name, regex, score, group?, validator?}]}, an optional
 * detector-wide {@code validator:} and {@code case_insensitive:}.
 */
public final class PatternDetectorFactory implements DetectorFactory {

  static final Set<String> PATTERN_KEYS =
      Set.of(
          "name",
          "regex",
          "score",
          "group",
          "validator",
          "anchors",
          "anchor_lookback",
          "starts_at",
          "requires");

  @Override
  public String kind() {
    return "pattern";
  }

  @Override
  public java.util.Set<String> fields() {
    return java.util.Set.of("patterns", "validator", "case_insensitive");
  }

  @Override
  public Detector create(DetectorDefinition def) throws RegistryException {
    if (def.entities().size() != 1) {
      throw def.error("a pattern detector reports exactly one entity type");
    }
    Map<String, Object> fields = def.fields();
    Optional<Validator> detectorValidator = validator(def, fields);
    int flags = Pattern.UNICODE_CASE;
    if (EntryFields.bool(def, fields, "case_insensitive", false)) {
      flags |= Pattern.CASE_INSENSITIVE;
    }
    List<PatternSpec> specs = new ArrayList<>();
    for (Map<String, Object> p : EntryFields.maps(def, fields, "patterns")) {
      for (String key : p.keySet()) {
        if (!PATTERN_KEYS.contains(key)) {
          throw def.error("unknown field 'patterns[" + specs.size() + "]." + key + "'");
        }
      }
      String patternName =
          EntryFields.optionalString(def, p, "name").orElse("pattern-" + specs.size());
      String regex = EntryFields.requireString(def, p, "regex");
      Pattern compiled;
      try {
        compiled = Pattern.compile(regex, flags);
      } catch (PatternSyntaxException e) {
        throw def.error(
            "pattern '"
                + patternName
                + "': bad regex: "
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + " in /"
                + regex
                + "/");
      }
      double score = EntryFields.score(def, p, "score", 0.5);
      Object groupValue = p.getOrDefault("group", 0);
      if (!(groupValue instanceof Integer group)
          || group < 0
          || group > compiled.matcher("").groupCount()) {
        throw def.error(
            "pattern '" + patternName + "': group " + groupValue + " does not exist in the regex");
      }
      Optional<Validator> own = validator(def, p);
      List<String> anchors = EntryFields.strings(def, p, "anchors");
      List<String> requires = EntryFields.strings(def, p, "requires");
      for (String literal : concat(anchors, requires)) {
        if (!literal.chars().allMatch(c -> c < 128)) {
          throw def.error(
              "pattern '"
                  + patternName
                  + "': anchors and requires must be ASCII, got '"
                  + literal
                  + "'");
        }
      }
      Object lookbackValue = p.getOrDefault("anchor_lookback", 0);
      if (!(lookbackValue instanceof Integer lookback) || lookback < 0 || lookback > 1024) {
        throw def.error(
            "pattern '"
                + patternName
                + "': anchor_lookback must be an integer from 0 to 1024, got "
                + lookbackValue);
      }
      if (lookback > 0 && anchors.isEmpty()) {
        throw def.error("pattern '" + patternName + "': anchor_lookback needs anchors");
      }
      Set<WordStart> wordStarts = EnumSet.noneOf(WordStart.class);
      for (String startsAt : EntryFields.strings(def, p, "starts_at")) {
        wordStarts.add(
            WordStart.byName(startsAt)
                .orElseThrow(
                    () ->
                        def.error(
                            "pattern '"
                                + patternName
                                + "': unknown starts_at '"
                                + startsAt
                                + "' (known: digit, upper)")));
      }
      specs.add(
          new PatternSpec(
              patternName,
              compiled,
              score,
              group,
              own.isPresent() ? own : detectorValidator,
              anchors,
              lookback,
              wordStarts,
              requires));
    }
    return new PatternDetector(def.name(), def.entity(), def.settings().languages(), specs);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static Optional<Validator> validator(DetectorDefinition def, Map<String, Object> map)
      throws RegistryException {
    Optional<String> name = EntryFields.optionalString(def, map, "validator");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<Validator> validator = Validators.byName(name.get());
    if (validator.isEmpty()) {
      throw def.error(
          "unknown validator '"
              + name.get()
              + "' (known: "
              + String.join(", ", Validators.names())
              + ")");
    }
    return validator;
  }
}
