package dev.polder.pii.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.ner.CrfNerModel;
import dev.polder.pii.ner.NerDetectorFactory;
import dev.polder.pii.registry.DetectorRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Quality of the shipped detectors.yaml (every detector, NER included) on the seeded evaluation
 * set. Writes target/pii-evaluation.json and prints the table. The floors sit just under the
 * measured values so a regression fails; they say nothing about speed.
 */
class PiiEvaluationTest {

  @Test
  void shippedRegistryMeetsItsQualityFloors() throws Exception {
    NerDetectorFactory.model(CrfNerModel.DEFAULT_MODEL_RESOURCE).load();
    DetectionEngine engine = new DetectionEngine(DetectorRegistry.fromClasspath());
    List<LabelledText> corpus = new EvaluationCorpus().generate(480, 240);
    EvaluationReport report = new EvaluationReport();
    for (LabelledText t : corpus) {
      List<Finding> findings = engine.detect(t.text(), DetectionContext.anyLanguage());
      report.add(t, findings, personGroup(t));
    }
    Path out = Path.of("target", "pii-evaluation.json");
    Files.createDirectories(out.getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.toFile(), report.toJson());
    System.out.println(report.table());

    // Floors just under the values measured at commit time (see the report in the module README).
    assertFloor("overall overlap F1", report.total(report.overlap).f1(), 0.97);
    assertFloor("overall exact F1", report.total(report.exact).f1(), 0.93);
    assertCeiling("leak rate", report.leakRate(), 0.01);
    assertCeiling("clean texts flagged", report.cleanFlaggedRate(), 0.01);
    for (String type : report.scoredTypes()) {
      assertFloor(type + " overlap F1", report.overlap.get(type).f1(), 0.9);
    }
    assertFloor("PERSON recall, Latin script", report.personRecall("latin"), 0.97);
    assertFloor("PERSON recall, non-Latin scripts", report.personRecall("non-latin"), 0.95);
    assertFloor("PERSON recall, lower-case names", report.personRecall("lower-case"), 0.9);
  }

  /** Which PERSON group the names of a text belong to: latin, non-latin or lower-case. */
  static String personGroup(LabelledText t) {
    for (LabelledText.Span g : t.gold()) {
      if (g.type().equals("PERSON")) {
        String name = t.text().substring(g.start(), g.end());
        boolean latin =
            name.codePoints()
                .filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
        if (!latin) {
          return "non-latin";
        }
        if (name.equals(name.toLowerCase(Locale.ROOT)) && t.category().equals("chat")) {
          return "lower-case";
        }
        return "latin";
      }
    }
    return "none";
  }

  static void assertFloor(String what, double value, double floor) {
    assertTrue(value >= floor, what + " " + value + " fell under its floor " + floor);
  }

  static void assertCeiling(String what, double value, double ceiling) {
    assertTrue(value <= ceiling, what + " " + value + " rose over its ceiling " + ceiling);
  }
}
