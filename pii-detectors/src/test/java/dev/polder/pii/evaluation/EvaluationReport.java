package dev.polder.pii.evaluation;

import dev.polder.pii.detect.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Precision, recall and F1 per entity type with exact and overlap span matching, the leak rate
 * (share of gold PII characters covered by no finding of any type) and the share of clean texts
 * with any finding. Types that have no gold label are counted apart as unscored predictions.
 */
final class EvaluationReport {

  /** Counts for one type under one matching rule. */
  static final class Counts {
    int gold;
    int predicted;
    int goldMatched;
    int predictedMatched;

    double precision() {
      return predicted == 0 ? 1.0 : (double) predictedMatched / predicted;
    }

    double recall() {
      return gold == 0 ? 1.0 : (double) goldMatched / gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    void add(Counts o) {
      gold += o.gold;
      predicted += o.predicted;
      goldMatched += o.goldMatched;
      predictedMatched += o.predictedMatched;
    }
  }

  final Map<String, Counts> exact = new TreeMap<>();
  final Map<String, Counts> overlap = new TreeMap<>();
  final Map<String, Integer> unscoredPredictions = new TreeMap<>();
  final Map<String, int[]> personRecallByGroup = new TreeMap<>();
  long goldChars;
  long leakedChars;
  int cleanTexts;
  int cleanTextsFlagged;
  int texts;
  final List<String> examples = new ArrayList<>();
  private final Map<String, Integer> examplesPerKey = new TreeMap<>();

  /** Keeps up to five examples per kind of error and type, for reading the JSON. */
  private void example(String key, String text) {
    if (examplesPerKey.merge(key, 1, Integer::sum) <= 5) {
      examples.add(key + ": " + text);
    }
  }

  void add(LabelledText t, List<Finding> findings, String personGroup) {
    texts++;
    if (t.clean()) {
      cleanTexts++;
      if (!findings.isEmpty()) {
        cleanTextsFlagged++;
        example("clean flagged", describe(t.text(), findings));
      }
    }
    var goldTypes = new TreeSet<String>();
    t.gold().forEach(g -> goldTypes.add(g.type()));
    boolean[] covered = new boolean[t.text().length()];
    for (Finding f : findings) {
      for (int i = f.start(); i < f.end(); i++) {
        covered[i] = true;
      }
    }
    for (LabelledText.Span g : t.gold()) {
      goldChars += g.length();
      for (int i = g.start(); i < g.end(); i++) {
        if (!covered[i]) {
          leakedChars++;
        }
      }
      Counts e = exact.computeIfAbsent(g.type(), k -> new Counts());
      Counts o = overlap.computeIfAbsent(g.type(), k -> new Counts());
      e.gold++;
      o.gold++;
      boolean exactHit =
          findings.stream()
              .anyMatch(
                  f -> f.type().equals(g.type()) && f.start() == g.start() && f.end() == g.end());
      boolean overlapHit =
          findings.stream()
              .anyMatch(
                  f -> f.type().equals(g.type()) && f.start() < g.end() && g.start() < f.end());
      if (exactHit) {
        e.goldMatched++;
      }
      if (overlapHit) {
        o.goldMatched++;
      } else {
        example("missed " + g.type(), "'" + t.text().substring(g.start(), g.end()) + "' in: "
            + describe(t.text(), findings));
      }
      if (g.type().equals("PERSON")) {
        int[] counts = personRecallByGroup.computeIfAbsent(personGroup, k -> new int[2]);
        counts[0]++;
        if (overlapHit) {
          counts[1]++;
        }
      }
    }
    for (Finding f : findings) {
      Counts e = exact.get(f.type());
      Counts o = overlap.get(f.type());
      if (e == null) {
        e = exact.computeIfAbsent(f.type(), k -> new Counts());
        o = overlap.computeIfAbsent(f.type(), k -> new Counts());
      }
      e.predicted++;
      o.predicted++;
      boolean exactHit =
          t.gold().stream()
              .anyMatch(
                  g -> g.type().equals(f.type()) && g.start() == f.start() && g.end() == f.end());
      boolean overlapHit =
          t.gold().stream()
              .anyMatch(
                  g -> g.type().equals(f.type()) && f.start() < g.end() && g.start() < f.end());
      if (exactHit) {
        e.predictedMatched++;
      }
      if (overlapHit) {
        o.predictedMatched++;
      } else if (!t.clean()) {
        example("false " + f.type(), "'" + f.textIn(t.text()) + "' (" + f.detector() + ") in: "
            + t.text().replace('\n', ' '));
      }
    }
  }

  /** Types with at least one gold label: the ones precision and F1 are scored on. */
  TreeSet<String> scoredTypes() {
    TreeSet<String> types = new TreeSet<>();
    overlap.forEach(
        (type, c) -> {
          if (c.gold > 0) {
            types.add(type);
          }
        });
    return types;
  }

  Counts total(Map<String, Counts> byType) {
    Counts all = new Counts();
    for (String type : scoredTypes()) {
      all.add(byType.get(type));
    }
    return all;
  }

  Map<String, Integer> unscored() {
    Map<String, Integer> out = new TreeMap<>();
    overlap.forEach(
        (type, c) -> {
          if (c.gold == 0) {
            out.put(type, c.predicted);
          }
        });
    return out;
  }

  double leakRate() {
    return goldChars == 0 ? 0 : (double) leakedChars / goldChars;
  }

  double cleanFlaggedRate() {
    return cleanTexts == 0 ? 0 : (double) cleanTextsFlagged / cleanTexts;
  }

  double personRecall(String group) {
    int[] c = personRecallByGroup.get(group);
    return c == null || c[0] == 0 ? 1.0 : (double) c[1] / c[0];
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seed", EvaluationCorpus.SEED);
    json.put("texts", texts);
    json.put("clean_texts", cleanTexts);
    Map<String, Object> types = new LinkedHashMap<>();
    for (String type : scoredTypes()) {
      Counts e = exact.get(type);
      Counts o = overlap.get(type);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("gold", o.gold);
      row.put("predicted", o.predicted);
      row.put(
          "exact",
          Map.of(
              "precision", round(e.precision()), "recall", round(e.recall()), "f1", round(e.f1())));
      row.put(
          "overlap",
          Map.of(
              "precision", round(o.precision()), "recall", round(o.recall()), "f1", round(o.f1())));
      types.put(type, row);
    }
    json.put("types", types);
    Counts e = total(exact);
    Counts o = total(overlap);
    json.put(
        "overall",
        Map.of(
            "exact",
                Map.of(
                    "precision",
                    round(e.precision()),
                    "recall",
                    round(e.recall()),
                    "f1",
                    round(e.f1())),
            "overlap",
                Map.of(
                    "precision",
                    round(o.precision()),
                    "recall",
                    round(o.recall()),
                    "f1",
                    round(o.f1()))));
    json.put("leak_rate", round(leakRate()));
    json.put("clean_texts_flagged", round(cleanFlaggedRate()));
    Map<String, Object> person = new LinkedHashMap<>();
    personRecallByGroup.forEach(
        (group, c) ->
            person.put(
                group,
                Map.of("gold", c[0], "recall", round(c[0] == 0 ? 1 : (double) c[1] / c[0]))));
    json.put("person_recall_by_group", person);
    json.put("unscored_predictions", unscored());
    json.put("examples", examples);
    return json;
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%-22s %5s %5s | %6s %6s %6s | %6s %6s %6s%n",
            "type", "gold", "pred", "P-ex", "R-ex", "F1-ex", "P-ov", "R-ov", "F1-ov"));
    for (String type : scoredTypes()) {
      row(sb, type, exact.get(type), overlap.get(type));
    }
    row(sb, "OVERALL", total(exact), total(overlap));
    sb.append(
        String.format(
            "leak rate %.4f, clean texts flagged %.4f (%d of %d), texts %d%n",
            leakRate(), cleanFlaggedRate(), cleanTextsFlagged, cleanTexts, texts));
    personRecallByGroup.forEach(
        (group, c) ->
            sb.append(
                String.format(
                    "PERSON recall %-10s %.3f (%d names)%n", group, (double) c[1] / c[0], c[0])));
    sb.append("unscored predictions by type: ").append(unscored()).append('\n');
    return sb.toString();
  }

  private static void row(StringBuilder sb, String type, Counts e, Counts o) {
    sb.append(
        String.format(
            "%-22s %5d %5d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f%n",
            type,
            o.gold,
            o.predicted,
            e.precision(),
            e.recall(),
            e.f1(),
            o.precision(),
            o.recall(),
            o.f1()));
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static String describe(String text, List<Finding> findings) {
    StringBuilder sb = new StringBuilder(text.replace('\n', ' ')).append("  ->");
    for (Finding f : findings) {
      sb.append(' ')
          .append(f.type())
          .append("'")
          .append(f.textIn(text).replace('\n', ' '))
          .append("'");
    }
    return sb.toString();
  }
}
