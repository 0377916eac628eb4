package dev.polder.pii.ner;

import java.lang.Character.UnicodeScript;

/** The writing system of a word, grouped the way name recognition needs it. */
enum ScriptGroup {
  LATIN(true),
  CYRILLIC(true),
  GREEK(true),
  ARMENIAN(true),
  GEORGIAN(false),
  ARABIC(false),
  HEBREW(false),
  DEVANAGARI(false),
  TAMIL(false),
  THAI(false),
  /** Han ideographs with Hiragana and Katakana: Chinese and Japanese names. */
  CJK(false),
  HANGUL(false),
  OTHER(false);

  private final boolean cased;

  ScriptGroup(boolean cased) {
    this.cased = cased;
  }

  /** Whether the script has upper and lower case, so capitalisation says something. */
  boolean cased() {
    return cased;
  }

  /** Scripts written without spaces between words, where a name sits inside a longer run. */
  boolean unspaced() {
    return this == CJK || this == THAI;
  }

  static ScriptGroup of(int codePoint) {
    UnicodeScript script = UnicodeScript.of(codePoint);
    return switch (script) {
      case LATIN -> LATIN;
      case CYRILLIC -> CYRILLIC;
      case GREEK -> GREEK;
      case ARMENIAN -> ARMENIAN;
      case GEORGIAN -> GEORGIAN;
      case ARABIC -> ARABIC;
      case HEBREW -> HEBREW;
      case DEVANAGARI -> DEVANAGARI;
      case TAMIL -> TAMIL;
      case THAI -> THAI;
      case HAN, HIRAGANA, KATAKANA -> CJK;
      case HANGUL -> HANGUL;
      default -> OTHER;
    };
  }
}
