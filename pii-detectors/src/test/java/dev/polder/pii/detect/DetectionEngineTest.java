package dev.polder.pii.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DetectionEngineTest {

  /** A minimal real detector: every run of digits, score 0.3. */
  record Digits(String name, Set<String> languages) implements Detector {
    public Set<String> entityTypes() {
      return Set.of("NUMBER");
    }

    public List<Finding> detect(String text, DetectionContext ctx) {
      Matcher m = Pattern.compile("\\d+").matcher(text);
      List<Finding> out = new java.util.ArrayList<>();
      while (m.find()) {
        out.add(new Finding("NUMBER", m.start(), m.end(), 0.3, name, false));
      }
      return out;
    }
  }

  static DetectionEngine engine(Set<String> languages) {
    DetectorSettings settings =
        new DetectorSettings(
            true,
            languages,
            List.of("order no"),
            0.35,
            0.5,
            DetectorSettings.ContextWindow.DEFAULT);
    return new DetectionEngine(
        DetectorCatalog.of(
            List.of(new ConfiguredDetector(new Digits("digits", languages), settings))));
  }

  @Test
  void contextWordsLiftCandidatesOverTheThreshold() {
    DetectionEngine engine = engine(Set.of("any"));
    String text = "order no: 1234, Order No 789";
    List<Finding> found = engine.detect(text, DetectionContext.anyLanguage());
    assertEquals(List.of("1234", "789"), found.stream().map(f -> f.textIn(text)).toList());
    String far = "order no: we will get back to you about it, room number is 56 on the plan";
    assertEquals(List.of(), engine.detect(far, DetectionContext.anyLanguage()));
    assertEquals(0.65, found.get(0).score(), 1e-9);
  }

  @Test
  void contextWordsMatchWholeWordsOnly() {
    assertEquals(
        List.of(),
        engine(Set.of("any")).detect("border nosy 1234", DetectionContext.anyLanguage()));
  }

  @Test
  void languageAndDetectorFilters() {
    DetectionEngine dutchOnly = engine(Set.of("nl"));
    String text = "order no 42";
    assertEquals(1, dutchOnly.detect(text, DetectionContext.of("nl")).size());
    assertEquals(0, dutchOnly.detect(text, DetectionContext.of("de")).size());
    assertEquals(1, dutchOnly.detect(text, DetectionContext.anyLanguage()).size());
    assertEquals(
        0,
        dutchOnly
            .detect(text, DetectionContext.anyLanguage().onlyDetectors(Set.of("email")))
            .size());
  }
}
