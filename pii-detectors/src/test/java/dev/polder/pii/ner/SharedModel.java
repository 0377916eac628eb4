package dev.polder.pii.ner;

/** One loaded CRF model for every test class of the JVM run (loading takes seconds). */
final class SharedModel {

  private SharedModel() {}

  static CrfNerModel loaded() {
    CrfNerModel model = NerDetectorFactory.model(CrfNerModel.DEFAULT_MODEL_RESOURCE);
    model.load();
    return model;
  }

  static NerDetector detector() {
    return new NerDetector(
        "ner",
        loaded(),
        new PersonNameRecognizer(NameDictionary.bundled()),
        java.util.Set.of("PERSON", "LOCATION", "ORGANIZATION"));
  }
}
