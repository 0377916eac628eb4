package dev.polder.pii.ner;

/**
 * A word of the scanned text: UTF-16 offsets, its lower-cased NFC form for dictionary look-ups, its
 * script and its capitalisation.
 */
record WordToken(int start, int end, String text, String key, ScriptGroup script, Casing casing) {

  enum Casing {
    /** "Anna", "McDonald", "O'Brien". */
    CAPITALISED,
    /** "ANNA". */
    UPPER,
    /** "anna", "van". */
    LOWER,
    /** A script without case. */
    UNCASED
  }

  boolean capitalised() {
    return casing == Casing.CAPITALISED || casing == Casing.UPPER;
  }
}
