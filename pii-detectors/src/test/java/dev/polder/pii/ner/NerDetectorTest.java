package dev.polder.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.detect.DetectorCatalog;
import dev.polder.pii.detect.Finding;
import dev.polder.pii.registry.RegistryException;
import dev.polder.pii.registry.RegistryLoader;
import dev.polder.pii.registry.ResourceResolver;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NerDetectorTest {

  private static NerDetector detector;

  @BeforeAll
  static void load() {
    detector = SharedModel.detector();
  }

  static Stream<Arguments> persons() {
    return Stream.of(
        Arguments.of("Please forward the report to John Smith before Friday.", "John Smith"),
        Arguments.of("i spoke with maria garcia about the contract.", "maria garcia"),
        Arguments.of("Patient Иван Петров was admitted on Monday.", "Иван Петров"),
        Arguments.of("Send it to Γιώργος Παπαδόπουλος today.", "Γιώργος Παπαδόπουλος"),
        Arguments.of("Dear Mr. Kowalczyk, thank you for your letter.", "Kowalczyk"),
        Arguments.of("Ask 王秀英 to approve the invoice.", "王秀英"),
        Arguments.of("The owner is 김 민준 according to the form.", "김 민준"),
        Arguments.of("请把合同发给李明杰，谢谢。", "李明杰"),
        Arguments.of("Write to अमित शर्मा about the delay.", "अमित शर्मा"),
        Arguments.of("My name is Ahmed Al-Farsi and I need a refund.", "Ahmed Al-Farsi"));
  }

  @ParameterizedTest
  @MethodSource("persons")
  void findsPersonNames(String text, String name) {
    List<Finding> persons = ofType(text, "PERSON");
    int at = text.indexOf(name);
    assertTrue(
        persons.stream().anyMatch(f -> f.start() <= at && f.end() >= at + name.length()),
        () -> "no PERSON covering '" + name + "' in: " + text + " -> " + spans(text, persons));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Will the new policy apply to contractors as well?",
        "Mark the urgent tickets and grant access to the staging server.",
        "The meeting moved to Friday; the German team joins in May.",
        "Bill the customer for the extra hours.",
        "Our young team works long hours before each launch.",
        "请把这份报告翻译成英文。",
        "이 문서를 영어로 번역해 주세요.",
      })
  void cleanTextsHaveNoPerson(String text) {
    List<Finding> persons = ofType(text, "PERSON");
    assertTrue(
        persons.isEmpty(), () -> "unexpected PERSON in: " + text + " -> " + spans(text, persons));
  }

  @Test
  void reportsLocationsAndOrganisationsFromTheCrf() {
    String text = "The Acme Corporation office in Boston will close early.";
    assertTrue(ofType(text, "LOCATION").stream().anyMatch(f -> f.textIn(text).equals("Boston")));
    assertTrue(
        ofType(text, "ORGANIZATION").stream().anyMatch(f -> f.textIn(text).contains("Acme")));
  }

  @Test
  void longTextsAreTaggedInChunksWithOffsetsIntoTheWholeText() {
    String filler = "The quarterly numbers were discussed at length in the meeting. ".repeat(300);
    String text = filler + "Please forward the report to John Smith before Friday. " + filler;
    List<Finding> persons = ofType(text, "PERSON");
    assertTrue(
        persons.stream().anyMatch(f -> f.textIn(text).equals("John Smith")),
        () -> spans(text, persons));
  }

  @Test
  void concurrentScansGiveTheSameFindingsAsOneThread() throws Exception {
    List<String> texts =
        List.of(
            "Please forward the report to John Smith before Friday.",
            "Patient Иван Петров was admitted on Monday.",
            "The Acme Corporation office in Boston will close early.",
            "Ask 王秀英 to approve the invoice.");
    List<List<Finding>> expected =
        texts.stream().map(t -> detector.detect(t, DetectionContext.anyLanguage())).toList();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int k = i % texts.size();
        results.add(
            pool.submit(
                () ->
                    detector
                        .detect(texts.get(k), DetectionContext.anyLanguage())
                        .equals(expected.get(k))));
      }
      for (var r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reportsOnlyTheConfiguredTypes() {
    NerDetector personsOnly =
        new NerDetector(
            "ner-person",
            SharedModel.loaded(),
            new PersonNameRecognizer(NameDictionary.bundled()),
            Set.of("PERSON"));
    List<Finding> findings =
        personsOnly.detect("John Smith flew from Boston to Paris.", DetectionContext.anyLanguage());
    assertTrue(findings.stream().allMatch(f -> f.type().equals("PERSON")), findings::toString);
    assertTrue(findings.stream().allMatch(f -> f.detector().equals("ner-person")));
  }

  @Test
  void scanningBeforeTheModelIsLoadedFailsInsteadOfPassing() {
    CrfNerModel notLoaded = new CrfNerModel();
    NerDetector early =
        new NerDetector(
            "ner", notLoaded, new PersonNameRecognizer(NameDictionary.bundled()), Set.of("PERSON"));
    NerNotReadyException e =
        assertThrows(
            NerNotReadyException.class,
            () -> early.detect("John Smith", DetectionContext.anyLanguage()));
    assertEquals(NerModelState.NOT_LOADED, e.state());
    assertEquals(NerModelState.NOT_LOADED, early.state());
  }

  @Test
  void aModelThatCannotBeLoadedReportsFailedWithItsCause() {
    CrfNerModel missing = new CrfNerModel("edu/stanford/nlp/models/ner/no-such-model.crf.ser.gz");
    NerNotReadyException e = assertThrows(NerNotReadyException.class, missing::load);
    assertEquals(NerModelState.FAILED, e.state());
    assertEquals(NerModelState.FAILED, missing.state());
    NerNotReadyException onScan = assertThrows(NerNotReadyException.class, () -> missing.tag("x"));
    assertEquals(NerModelState.FAILED, onScan.state());
    assertTrue(onScan.getMessage().contains("failed to load"), onScan.getMessage());
  }

  @Test
  void registryBuildsNerEntriesThroughTheFactory() throws RegistryException {
    String yaml =
        """
        version: 1
        detectors:
          - name: ner-person
            kind: ner
            entities: [PERSON, LOCATION]
            options: { load: on-demand }
        """;
    List<?> loaded =
        RegistryLoader.withInstalledFactories()
            .load(yaml, "test.yaml", ResourceResolver.classpath("polder/"));
    assertEquals(1, loaded.size());
    SharedModel.loaded();
    DetectionEngine engine =
        new DetectionEngine(
            DetectorCatalog.of(
                RegistryLoader.withInstalledFactories()
                    .load(yaml, "test.yaml", ResourceResolver.classpath("polder/"))));
    String text = "Please call Anna Kowalczyk in Warsaw.";
    List<Finding> findings = engine.detect(text, DetectionContext.anyLanguage());
    assertTrue(
        findings.stream()
            .anyMatch(f -> f.type().equals("PERSON") && f.textIn(text).equals("Anna Kowalczyk")),
        findings::toString);
  }

  static Stream<Arguments> badEntries() {
    return Stream.of(
        Arguments.of("options: { colour: red }", "options.colour: unknown option"),
        Arguments.of("options: { load: lazy }", "options.load: must be"),
        Arguments.of(
            "options: { model: nope/missing.ser.gz }",
            "options.model: class-path resource not found"),
        Arguments.of(
            "options: { given_names: [missing.txt] }", "cannot read dictionary missing.txt"));
  }

  @ParameterizedTest
  @MethodSource("badEntries")
  void badEntriesAreRefusedWithTheirProblem(String options, String problem) {
    String yaml =
        "version: 1\ndetectors:\n  - name: ner-person\n    kind: ner\n    entity: PERSON\n    "
            + options
            + "\n";
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () ->
                RegistryLoader.withInstalledFactories()
                    .load(yaml, "test.yaml", ResourceResolver.classpath("polder/")));
    assertTrue(e.getMessage().contains("detector 'ner-person'"), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  private static List<Finding> ofType(String text, String type) {
    return detector.detect(text, DetectionContext.anyLanguage()).stream()
        .filter(f -> f.type().equals(type) && f.score() >= 0.5)
        .toList();
  }

  private static String spans(String text, List<Finding> findings) {
    return findings.stream()
        .map(f -> f.textIn(text) + "@" + String.format("%.2f", f.score()))
        .toList()
        .toString();
  }
}
