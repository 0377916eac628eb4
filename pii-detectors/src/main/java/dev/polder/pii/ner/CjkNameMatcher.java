package dev.polder.pii.ner;

import java.util.List;

/**
 * Finds names inside CJK and Hangul runs, where a name is not a word of its own: Chinese writes
 * surname and given name together (王秀英), Korean often does (김서연), and honorifics are glued on
 * (佐藤さん, 王先生). A known surname starts the candidate; a known given name, an isolated run in text of
 * another script, or a cue before or after it makes it a name.
 */
final class CjkNameMatcher {

  static final double KNOWN_GIVEN = 0.8;
  static final double ISOLATED = 0.55;
  static final double CUED = 0.75;

  private final NameDictionary dictionary;

  CjkNameMatcher(NameDictionary dictionary) {
    this.dictionary = dictionary;
  }

  /** Adds candidates found inside {@code token} (a CJK or Hangul run) to {@code out}. */
  void match(WordToken token, boolean foreignScript, List<EntitySpan> out) {
    String run = token.text();
    int end = run.length();
    boolean suffixCue = false;
    for (String suffix : PersonContextCues.CJK_SUFFIX_CUES) {
      if (end > suffix.length() && run.startsWith(suffix, end - suffix.length())) {
        end -= suffix.length();
        suffixCue = true;
        break;
      }
    }
    int begin = 0;
    boolean prefixCue = false;
    for (String prefix : PersonContextCues.CJK_PREFIX_CUES) {
      if (run.startsWith(prefix) && run.length() - prefix.length() >= 2) {
        begin = prefix.length();
        prefixCue = true;
        break;
      }
    }
    String core = run.substring(begin, end);
    int coreFlags = dictionary.flags(core);
    boolean wholeCore = begin == 0 && end == run.length();
    if (coreFlags != 0 && (suffixCue || prefixCue) && (coreFlags & NameDictionary.AMBIGUOUS) == 0) {
      // 佐藤さん, 我叫明哲: the core alone is a known name and a cue frames it.
      add(out, token, begin, end, CUED + 0.1);
      return;
    }
    if (coreFlags != 0 && wholeCore) {
      return; // a plain dictionary word: the word-level rules score it with its neighbours
    }
    if (core.length() <= 4) {
      scoreShortRun(token, begin, end, core, foreignScript, suffixCue || prefixCue, out);
    } else {
      scanLongRun(token, begin, end, prefixCue, suffixCue, out);
    }
  }

  /**
   * Japanese and Korean put a space between surname and given name inside running text of their own
   * script: 請求書を佐藤 一男さんに. A known surname ending the first run and a known given name starting the
   * second make a name.
   */
  void matchAcrossSpace(WordToken left, WordToken right, List<EntitySpan> out) {
    String a = left.text();
    String b = right.text();
    if (dictionary.flags(a) != 0 && dictionary.flags(b) != 0) {
      return; // both whole words: the word-level rules score them
    }
    for (int surnameLen = Math.min(3, a.length()); surnameLen >= 1; surnameLen--) {
      String surname = a.substring(a.length() - surnameLen);
      if ((dictionary.flags(surname) & NameDictionary.SURNAME) == 0) {
        continue;
      }
      int honorific = honorificWithin(b, 3);
      if (surnameLen >= 2 && honorific > 0) {
        // 原田 真央さん: a known surname, then a given name the lists lack, then an honorific.
        out.add(
            new EntitySpan(
                NerEntityType.PERSON, left.end() - surnameLen, right.start() + honorific, CUED));
        return;
      }
      for (int givenLen = Math.min(3, b.length()); givenLen >= 1; givenLen--) {
        if ((dictionary.flags(b.substring(0, givenLen)) & NameDictionary.GIVEN) != 0
            && (surnameLen + givenLen >= 3)) {
          out.add(
              new EntitySpan(
                  NerEntityType.PERSON,
                  left.end() - surnameLen,
                  right.start() + givenLen,
                  KNOWN_GIVEN));
          return;
        }
      }
    }
  }

  /** A run of 2–4 characters: the whole run is a name or not. */
  private void scoreShortRun(
      WordToken token,
      int begin,
      int end,
      String core,
      boolean isolatedInForeignText,
      boolean cueAround,
      List<EntitySpan> out) {
    int surname = dictionary.cjkSurnameAt(core, 0);
    if (surname == 0 || core.length() - surname < 1 || core.length() - surname > 2) {
      return;
    }
    String given = core.substring(surname);
    boolean knownGiven = (dictionary.flags(given) & NameDictionary.GIVEN) != 0;
    double score;
    if (knownGiven) {
      score = KNOWN_GIVEN;
    } else if (cueAround) {
      score = CUED;
    } else if (isolatedInForeignText) {
      score = ISOLATED;
    } else {
      return;
    }
    if (knownGiven && cueAround) {
      score += 0.1;
    }
    add(out, token, begin, end, score);
  }

  /** A longer run (a Chinese or Japanese sentence): look for surname + known given name inside. */
  private void scanLongRun(
      WordToken token,
      int begin,
      int end,
      boolean prefixCue,
      boolean suffixCue,
      List<EntitySpan> out) {
    String run = token.text();
    int at = begin;
    while (at < end - 1) {
      int surname = dictionary.cjkSurnameAt(run.substring(0, end), at);
      boolean found = false;
      if (surname > 0) {
        for (int givenLen = 2; givenLen >= 1 && !found; givenLen--) {
          int stop = at + surname + givenLen;
          if (stop > end) {
            continue;
          }
          boolean knownGiven =
              (dictionary.flags(run.substring(at + surname, stop)) & NameDictionary.GIVEN) != 0;
          boolean cueBefore = (prefixCue && at == begin) || cueEndsAt(run, at);
          boolean cueAfter = (suffixCue && stop == end) || cueStartsAt(run, stop);
          double score = 0;
          if (knownGiven && givenLen == 2) {
            score = 0.7 + (cueBefore || cueAfter ? 0.2 : 0);
          } else if (knownGiven && (cueBefore || cueAfter)) {
            score = CUED;
          } else if (givenLen == 2 && cueBefore && cueAfter) {
            score = CUED;
          } else if (givenLen == 2 && (cueBefore || cueAfter)) {
            score = 0.6;
          }
          if (score > 0) {
            add(out, token, at, stop, score);
            at = stop;
            found = true;
          }
        }
      }
      if (!found) {
        at++;
      }
    }
  }

  /** Where an honorific starts within the first {@code max} + 1 characters of a run, or 0. */
  private static int honorificWithin(String run, int max) {
    for (int at = 1; at <= Math.min(max, run.length() - 1); at++) {
      if (cueStartsAt(run, at)) {
        return at;
      }
    }
    return 0;
  }

  private static boolean cueEndsAt(String run, int at) {
    for (String cue : PersonContextCues.CJK_PREFIX_CUES) {
      if (at >= cue.length() && run.startsWith(cue, at - cue.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean cueStartsAt(String run, int at) {
    for (String cue : PersonContextCues.CJK_SUFFIX_CUES) {
      if (run.startsWith(cue, at)) {
        return true;
      }
    }
    return false;
  }

  private static void add(List<EntitySpan> out, WordToken token, int from, int to, double score) {
    out.add(
        new EntitySpan(
            NerEntityType.PERSON, token.start() + from, token.start() + to, Math.min(score, 0.95)));
  }
}
