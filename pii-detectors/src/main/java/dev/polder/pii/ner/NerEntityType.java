package dev.polder.pii.ner;

/** The entity types the NER detector reports, named as findings name them. */
public enum NerEntityType {
  PERSON,
  LOCATION,
  ORGANIZATION;

  /** The CoreNLP 3-class label for this type, or null when the label is not one of ours. */
  static NerEntityType fromCoreNlpLabel(String label) {
    return switch (label) {
      case "PERSON" -> PERSON;
      case "LOCATION" -> LOCATION;
      case "ORGANIZATION" -> ORGANIZATION;
      default -> null;
    };
  }
}
