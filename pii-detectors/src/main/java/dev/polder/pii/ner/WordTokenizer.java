package dev.polder.pii.ner;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into words for name recognition: runs of letters and combining marks (Devanagari,
 * Thai and Arabic names need the marks), with an apostrophe or hyphen allowed between letters
 * ("O'Brien", "Jean-Luc"). A change of script ends a word, so "Иван" in "to Иван." is a word of its
 * own. Digits, punctuation and spaces separate words.
 */
final class WordTokenizer {

  private WordTokenizer() {}

  static List<WordToken> tokenize(String text) {
    List<WordToken> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int cp = text.codePointAt(i);
      if (!Character.isLetter(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      ScriptGroup script = ScriptGroup.of(cp);
      int start = i;
      i += Character.charCount(cp);
      while (i < n) {
        int next = text.codePointAt(i);
        if (isWordPart(next) && sameScript(script, next)) {
          i += Character.charCount(next);
        } else if (isJoiner(next)
            && (next != '"' || script == ScriptGroup.HEBREW)
            && i + 1 < n
            && Character.isLetter(text.codePointAt(i + 1))
            && ScriptGroup.of(text.codePointAt(i + 1)) == script) {
          i += 1;
        } else {
          break;
        }
      }
      tokens.add(token(text, start, i, script));
    }
    return tokens;
  }

  private static boolean isWordPart(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  /** Marks belong to the letter before them whatever script Unicode gives them (inherited). */
  private static boolean sameScript(ScriptGroup script, int cp) {
    return !Character.isLetter(cp) || ScriptGroup.of(cp) == script;
  }

  /**
   * Inside a word: apostrophe and hyphen ("O'Brien"), the zero-width non-joiner of Persian
   * (فنی‌زاده), and the gershayim of Hebrew acronyms (חרל"פ).
   */
  private static boolean isJoiner(int cp) {
    return cp == '\'' || cp == '’' || cp == '-' || cp == '\u200c' || cp == '"' || cp == '\u05f4';
  }

  private static WordToken token(String text, int start, int end, ScriptGroup script) {
    String word = text.substring(start, end);
    String key = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    return new WordToken(start, end, word, key, script, casing(word, script));
  }

  private static WordToken.Casing casing(String word, ScriptGroup script) {
    if (!script.cased()) {
      return WordToken.Casing.UNCASED;
    }
    int first = word.codePointAt(0);
    if (!Character.isUpperCase(first) && !Character.isTitleCase(first)) {
      return WordToken.Casing.LOWER;
    }
    boolean restUpper = true;
    int letters = 0;
    for (int i = Character.charCount(first); i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (Character.isLetter(cp)) {
        letters++;
        restUpper &= Character.isUpperCase(cp);
      }
      i += Character.charCount(cp);
    }
    return restUpper && letters > 0 ? WordToken.Casing.UPPER : WordToken.Casing.CAPITALISED;
  }
}
