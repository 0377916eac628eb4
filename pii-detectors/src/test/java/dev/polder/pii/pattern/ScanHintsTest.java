package dev.polder.pii.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.polder.pii.detect.ConfiguredDetector;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.registry.DetectorRegistry;
import dev.polder.pii.registry.RegistryLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scan hints (anchors, anchor_lookback, starts_at) only make a pattern cheaper: every shipped
 * pattern must find exactly what its bare regex finds with {@code find()} over the whole text, on
 * texts built to sit on the hints' edges (digits after letters, underscores, dashes, colons, '@'
 * far from the start of a long local part, non-ASCII letters before digits).
 */
class ScanHintsTest {

  private static final String[] PIECES = {
    "4111 1111 1111 1111",
    "4111111111111111",
    "3782 822463 10005",
    "536-22-1234",
    "536 22 1234",
    "021000021",
    "943 476 5919",
    "9434765919",
    "X1234567",
    "AB123456",
    "MRN: 00482913",
    "MRN#ABC1234567",
    "ABCD-1234567",
    "x-7731902",
    "_123456789",
    "é123456789",
    "ß4111111111111111",
    "12/03/1985",
    "1985-03-12",
    "3rd March, 1985",
    "March 12, 1985",
    "Dec. 1st, 1999",
    "mayday 12 2000",
    "192.168.10.42",
    "10.0.0.1.",
    "a192.168.1.1",
    "2001:db8::8a2e:370:7334",
    "fe80::1",
    "::1",
    "10:22:01",
    "12:34:56:78",
    "jan.de.vries@example.nl",
    "x@y.io",
    "a".repeat(70) + "@example.com",
    "very.long.local.part.with.many.dots.and.words.again@host.example.org",
    "@@",
    "NL91ABNA0417164300",
    "DE89 3704 0044 0532 0130 00",
    "AKIAIOSFODNN7EXAMPLE",
    "ghp_" + "a1B2".repeat(9),
    "glpat-" + "x".repeat(20),
    "xoxb-1234567890-abc",
    "Jan",
    "MAY 5 1990",
  };
  private static final String[] GLUE = {
    " ", "", "-", "_", ":", ".", "/", "(", ")", "\n", "é", "a", "1", "@"
  };

  static Stream<PatternDetector> hintedPatternDetectors() throws Exception {
    DetectorRegistry registry =
        DetectorRegistry.fromClasspath(
            new RegistryLoader(RegistryLoader.builtInFactories(), Set.of("ner")));
    List<PatternDetector> hinted = new ArrayList<>();
    for (ConfiguredDetector d : registry.enabledDetectors()) {
      if (d.detector() instanceof PatternDetector p
          && p.patterns().stream()
              .anyMatch(s -> !s.anchors().isEmpty() || !s.wordStarts().isEmpty())) {
        hinted.add(p);
      }
    }
    assertFalse(hinted.isEmpty(), "the shipped registry has hinted patterns");
    return hinted.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hintedPatternDetectors")
  void hintsFindExactlyWhatTheRegexFinds(PatternDetector hinted) {
    PatternDetector bare =
        new PatternDetector(
            hinted.name(),
            hinted.entityTypes().iterator().next(),
            hinted.languages(),
            hinted.patterns().stream()
                .map(
                    s ->
                        new PatternSpec(
                            s.name(),
                            s.regex(),
                            s.score(),
                            s.group(),
                            s.validator(),
                            List.of(),
                            0,
                            Set.of(),
                            s.requires()))
                .toList());
    Random random = new Random(20261124);
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(5);
      for (int i = 0; i < pieces; i++) {
        text.append(GLUE[random.nextInt(GLUE.length)]);
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      text.append(GLUE[random.nextInt(GLUE.length)]);
      String t = text.toString();
      List<Finding> expected = bare.detect(t, DetectionContext.anyLanguage());
      assertEquals(expected, hinted.detect(t, DetectionContext.anyLanguage()), () -> "in: " + t);
    }
  }
}
