package dev.polder.pii.ner;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.Detector;
import dev.polder.pii.detect.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * PERSON, LOCATION and ORGANIZATION: the CoreNLP CRF, with the PERSON spans it misses added by
 * {@link PersonNameRecognizer} (dictionaries, cues, casing, script). Where both find a person the
 * span covers both and the score rises; a single dictionary word the CRF calls a place or an
 * organisation ("Jordan", "Victoria") is left to the CRF.
 *
 * <p>Scanning before the model is loaded throws {@link NerNotReadyException}: a text is never
 * reported clean because the model was not there.
 */
public final class NerDetector implements Detector {

  /** Dictionary candidates under this score give way to a CRF location or organisation. */
  private static final double YIELD_TO_CRF_BELOW = 0.75;

  private static final double AGREEMENT_BONUS = 0.05;

  private final String name;
  private final CrfNerModel model;
  private final PersonNameRecognizer persons;
  private final Set<String> entityTypes;

  public NerDetector(
      String name, CrfNerModel model, PersonNameRecognizer persons, Set<String> entityTypes) {
    this.name = Objects.requireNonNull(name, "name");
    this.model = Objects.requireNonNull(model, "model");
    this.persons = Objects.requireNonNull(persons, "persons");
    this.entityTypes = Set.copyOf(entityTypes);
    for (String type : this.entityTypes) {
      NerEntityType.valueOf(type); // fails fast on a type this detector cannot report
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> entityTypes() {
    return entityTypes;
  }

  /** The CRF is English, the name recogniser works in every language. */
  @Override
  public Set<String> languages() {
    return Set.of(DetectionContext.ANY_LANGUAGE);
  }

  public NerModelState state() {
    return model.state();
  }

  @Override
  public List<Finding> detect(String text, DetectionContext ctx) {
    List<EntitySpan> crf = model.tag(text);
    List<Finding> findings = new ArrayList<>();
    List<EntitySpan> crfOther = new ArrayList<>();
    List<EntitySpan> crfPersons = new ArrayList<>();
    for (EntitySpan s : crf) {
      (s.type() == NerEntityType.PERSON ? crfPersons : crfOther).add(s);
    }
    if (entityTypes.contains(NerEntityType.PERSON.name())) {
      PersonNameRecognizer.Analysis analysis = persons.analyse(text);
      List<EntitySpan> crfWeighed = new ArrayList<>();
      for (EntitySpan p : crfPersons) {
        crfWeighed.add(
            new EntitySpan(
                p.type(),
                p.start(),
                p.end(),
                PersonNameRecognizer.crfPersonScore(text, p, analysis)));
      }
      List<EntitySpan> merged = mergePersons(crfWeighed, analysis.candidates(), crfOther);
      for (EntitySpan p : merged) {
        findings.add(toFinding(p));
      }
      // A confident name ("Aurora Longuinho": a known given name and a surname) beats the CRF's
      // guess that the same words are a place or an organisation.
      crfOther.removeIf(
          o -> merged.stream().anyMatch(p -> p.overlaps(o) && p.score() >= YIELD_TO_CRF_BELOW));
    }
    for (EntitySpan s : crfOther) {
      if (entityTypes.contains(s.type().name())) {
        findings.add(toFinding(s));
      }
    }
    return findings;
  }

  /** Best non-overlapping dictionary candidates, joined with the CRF's person spans. */
  static List<EntitySpan> mergePersons(
      List<EntitySpan> crfPersons, List<EntitySpan> candidates, List<EntitySpan> crfOther) {
    List<EntitySpan> sorted = new ArrayList<>(candidates);
    sorted.sort(
        Comparator.comparingDouble(EntitySpan::score)
            .reversed()
            .thenComparing(s -> -(s.end() - s.start()))
            .thenComparingInt(EntitySpan::start));
    List<EntitySpan> chosen = new ArrayList<>();
    for (EntitySpan c : sorted) {
      if (chosen.stream().anyMatch(c::overlaps)) {
        continue;
      }
      boolean crfSaysOther = crfOther.stream().anyMatch(c::overlaps);
      if (crfSaysOther && c.score() < YIELD_TO_CRF_BELOW) {
        continue;
      }
      chosen.add(c);
    }
    List<EntitySpan> merged = new ArrayList<>();
    for (EntitySpan p : crfPersons) {
      int start = p.start();
      int end = p.end();
      double score = p.score();
      for (var it = chosen.iterator(); it.hasNext(); ) {
        EntitySpan c = it.next();
        if (c.overlaps(p)) {
          start = Math.min(start, c.start());
          end = Math.max(end, c.end());
          score = Math.max(score, c.score()) + AGREEMENT_BONUS;
          it.remove();
        }
      }
      merged.add(new EntitySpan(NerEntityType.PERSON, start, end, Math.min(score, 0.99)));
    }
    merged.addAll(chosen);
    merged.sort(Comparator.comparingInt(EntitySpan::start));
    return merged;
  }

  private Finding toFinding(EntitySpan s) {
    return new Finding(s.type().name(), s.start(), s.end(), s.score(), name, false);
  }
}
