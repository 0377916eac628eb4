package dev.polder.pii.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds person names that the CRF misses: non-Latin scripts, lower-case names, names without the
 * English sentence context the CRF was trained on. Evidence: given-name and surname dictionaries,
 * surname endings, cue words before the name, capitalisation, and a name written in another script
 * than the text around it. Scores are in [0, 1]; callers keep those over their threshold (0.5).
 */
public final class PersonNameRecognizer {

  static final int MAX_NAME_WORDS = 4;

  /** Lower-case particles inside a name: "Ludwig van Beethoven", "Ahmad bin Said". */
  private static final Set<String> PARTICLES =
      Set.of(
          "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
          "le", "bin", "binti", "ibn", "al", "el", "ter", "ten", "zu", "y");

  private final NameDictionary dictionary;
  private final CjkNameMatcher cjk;

  public PersonNameRecognizer(NameDictionary dictionary) {
    this.dictionary = dictionary;
    this.cjk = new CjkNameMatcher(dictionary);
  }

  /** The words of a text with their dictionary flags and the text's profile. */
  record Analysis(
      List<WordToken> tokens, int[] flags, TextProfile profile, List<EntitySpan> candidates) {}

  /** Candidate PERSON spans, possibly overlapping each other, with their scores. */
  public List<EntitySpan> recognise(String text) {
    return analyse(text).candidates();
  }

  Analysis analyse(String text) {
    List<WordToken> tokens = WordTokenizer.tokenize(text);
    int[] flags = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      flags[i] = dictionary.flags(tokens.get(i).key());
      if (tokens.get(i).script().cased() && tokens.get(i).key().length() < 2) {
        flags[i] &= ~(NameDictionary.GIVEN | NameDictionary.SURNAME);
      }
    }
    TextProfile profile = TextProfile.of(tokens, flags);
    List<EntitySpan> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      WordToken t = tokens.get(i);
      if (t.script() == ScriptGroup.CJK || t.script() == ScriptGroup.HANGUL) {
        cjk.match(t, t.script() != profile.dominant() && isolated(tokens, i), out);
        if (i + 1 < tokens.size()
            && tokens.get(i + 1).script() == t.script()
            && joined(text, t, tokens.get(i + 1))) {
          cjk.matchAcrossSpace(t, tokens.get(i + 1), out);
        }
      }
      for (int k = 1; k <= MAX_NAME_WORDS && i + k <= tokens.size(); k++) {
        if (k > 1 && !joined(text, tokens.get(i + k - 2), tokens.get(i + k - 1))) {
          break;
        }
        double score = new Window(text, tokens, flags, profile, i, k).score();
        if (score > 0) {
          out.add(
              new EntitySpan(
                  NerEntityType.PERSON,
                  t.start(),
                  tokens.get(i + k - 1).end(),
                  Math.min(score, 0.95)));
        }
      }
    }
    return new Analysis(tokens, flags, profile, out);
  }

  /**
   * The score a CRF person span keeps. The CRF is English: in other text it tags capitalised nouns
   * ("Bitte fassen Sie den Bericht"), and at a sentence start it takes "Bill" or "Will" for a name.
   * Such spans need a dictionary word inside to count.
   */
  static double crfPersonScore(String text, EntitySpan span, Analysis analysis) {
    int words = 0;
    int known = 0;
    int common = 0;
    for (int i = 0; i < analysis.tokens().size(); i++) {
      WordToken t = analysis.tokens().get(i);
      if (t.start() >= span.start() && t.end() <= span.end()) {
        words++;
        int f = analysis.flags()[i];
        if ((f & (NameDictionary.GIVEN | NameDictionary.SURNAME)) != 0
            && (f & NameDictionary.AMBIGUOUS) == 0) {
          known++;
        }
        if ((f & (NameDictionary.COMMON_WORD | NameDictionary.NOT_NAME)) != 0) {
          common++;
        }
      }
    }
    if (!analysis.profile().english() && known == 0) {
      return 0.4;
    }
    if (words == 1 && common == 1 && sentenceStart(text, span.start())) {
      return 0.4;
    }
    return span.score();
  }

  /** One run of 1..4 words that may be a name. */
  private final class Window {
    private final String text;
    private final List<WordToken> tokens;
    private final int[] flags;
    private final TextProfile profile;
    private final int from;
    private final int k;

    Window(String text, List<WordToken> tokens, int[] flags, TextProfile profile, int from, int k) {
      this.text = text;
      this.tokens = tokens;
      this.flags = flags;
      this.profile = profile;
      this.from = from;
      this.k = k;
    }

    double score() {
      WordToken first = tokens.get(from);
      ScriptGroup script = first.script();
      if (script == ScriptGroup.CJK && k == 1 && first.key().length() == 1) {
        return 0; // a single Han character (a surname like 王) alone is no name
      }
      PersonContextCues.Strength cue = PersonContextCues.before(text, tokens, from);
      if (cue == PersonContextCues.Strength.NONE && honorificAfter()) {
        cue = PersonContextCues.Strength.STRONG; // 최 지훈 씨에게: the honorific follows the name
      }
      boolean strongCue =
          cue == PersonContextCues.Strength.STRONG || cue == PersonContextCues.Strength.TITLE;
      boolean foreign = script != profile.dominant();
      int known = 0;
      int unambiguous = 0;
      int shaped = 0;
      int capitalised = 0;
      int lower = 0;
      int lowerAmbiguous = 0;
      for (int j = from; j < from + k; j++) {
        WordToken t = tokens.get(j);
        int f = flags[j];
        if ((f & NameDictionary.NOT_NAME) != 0) {
          return 0;
        }
        if (t.script() != script && !(t.script().cased() && script.cased())) {
          return 0;
        }
        boolean particle = j > from && j < from + k - 1 && PARTICLES.contains(t.key());
        if (PersonContextCues.isCueWord(t.key()) && !particle) {
          return 0; // "Patient", "customer": the cue before a name is not part of it
        }
        boolean name = (f & (NameDictionary.GIVEN | NameDictionary.SURNAME)) != 0;
        if (name) {
          known++;
          boolean ambiguous = (f & NameDictionary.AMBIGUOUS) != 0;
          unambiguous += ambiguous ? 0 : 1;
          if (ambiguous && t.casing() == WordToken.Casing.LOWER && !particle) {
            lowerAmbiguous++;
          }
        } else if (!particle) {
          if (!plausibleUnknownPart(t, f, strongCue, foreign)) {
            return 0;
          }
          shaped += SurnameShapes.looksLikeSurname(t.key()) ? 1 : 0;
        }
        if (t.capitalised()) {
          capitalised++;
        } else if (t.casing() == WordToken.Casing.LOWER && !particle) {
          lower++;
        }
      }
      if (capitalised > 0 && lower > 0) {
        return 0; // "my IBAN": a name is written in one case throughout
      }
      if (lowerAmbiguous > 0 && (known < k || unambiguous == 0) && !strongCue) {
        return 0; // "my IBAN is": lower-case everyday words only join fully known names
      }
      boolean cased = script.cased();
      if (!cased && !foreign && !strongCue && k - known > 1) {
        return 0; // in text of its own script a name has at most one word the lists do not know
      }
      boolean allCapitalised = cased && capitalised == k;
      boolean atSentenceStart = sentenceStart(text, first.start());
      boolean isolatedRun = foreign && isolatedRun(text, tokens, from, k);

      double score;
      if (k == 1) {
        if (known == 1) {
          score = unambiguous == 1 ? 0.4 : 0.15;
          if (foreign && unambiguous == 1 && (!cased || allCapitalised)) {
            score += cased ? 0.1 : 0.15;
          }
        } else {
          score = strongCue && (allCapitalised || !cased) ? 0.2 : 0;
        }
        if (lower == 1) {
          score -= 0.1;
        }
      } else {
        if (known == k && unambiguous == 0 && lower > 0 && !strongCue) {
          return 0; // "thirty seconds", "will rose": every word is also an everyday word
        } else if (known == k) {
          score = unambiguous >= 1 ? 0.8 : 0.5;
        } else if (known > 0) {
          score = unambiguous >= 1 ? 0.6 : 0.35;
          score += shaped > 0 ? 0.1 : 0;
        } else {
          boolean lowerForeignSurname = cased && isolatedRun && shaped > 0 && k >= 2;
          if (!(allCapitalised || !cased || lowerForeignSurname)
              || k > 3
              || (atSentenceStart && !strongCue && !foreign)) {
            return 0;
          }
          if (!cased && !isolatedRun && !strongCue) {
            return 0; // words of a script without case need a cue or a foreign setting
          }
          score = 0.4 + (shaped > 0 ? 0.1 : 0);
        }
        if (givenThenSurname()) {
          score += 0.1;
        }
        if (allCapitalised) {
          score += atSentenceStart ? 0.05 : 0.1;
        } else if (lower > 0 && script == ScriptGroup.LATIN && !profile.english() && !strongCue) {
          score -= 0.3; // lower-case words of a non-English text are rarely names
        }
        if (isolatedRun) {
          score += 0.1;
        }
        if (!cased && known < k && !foreign && !strongCue) {
          score -= 0.15; // an unknown word beside a name in its own script: weak evidence
        }
      }
      if (score <= 0) {
        return 0;
      }
      score +=
          switch (cue) {
            case TITLE, STRONG -> 0.3;
            case WEAK -> 0.1;
            case NONE -> 0;
          };
      return score;
    }

    /** The next word starts with an honorific written after names (씨, 님, さん, 様). */
    private boolean honorificAfter() {
      int next = from + k;
      if (next >= tokens.size() || !joined(text, tokens.get(next - 1), tokens.get(next))) {
        return false;
      }
      String word = tokens.get(next).text();
      for (String suffix : PersonContextCues.CJK_SUFFIX_CUES) {
        if (word.startsWith(suffix)) {
          return true;
        }
      }
      return false;
    }

    /** An unknown word can be part of a name next to known ones when it is shaped like a name. */
    private boolean plausibleUnknownPart(WordToken t, int f, boolean strongCue, boolean foreign) {
      if (!t.script().cased()) {
        return true; // scored down in text of its own script (see score())
      }
      boolean common = (f & NameDictionary.COMMON_WORD) != 0;
      if (common) {
        return false;
      }
      if (t.capitalised()) {
        return true;
      }
      // Lower case: "anna said" is no name, "anna kowalczyk" is.
      if (t.key().length() < 3) {
        return false;
      }
      if (SurnameShapes.looksLikeSurname(t.key())) {
        return true;
      }
      return t.script() == ScriptGroup.LATIN ? profile.english() : foreign;
    }

    private boolean givenThenSurname() {
      int a = flags[from];
      int b = flags[from + k - 1];
      boolean lastShaped = SurnameShapes.looksLikeSurname(tokens.get(from + k - 1).key());
      boolean givenFirst = (a & NameDictionary.GIVEN) != 0;
      boolean surnameLast = (b & NameDictionary.SURNAME) != 0 || (b == 0 && lastShaped);
      boolean surnameFirst = (a & NameDictionary.SURNAME) != 0;
      boolean givenLast = (b & NameDictionary.GIVEN) != 0;
      // Surname first is the order of Chinese, Japanese, Korean and Hungarian names.
      return (givenFirst && surnameLast) || (surnameFirst && givenLast);
    }
  }

  /** Two words of one name: one or two spaces apart, or an initial's period and a space. */
  private static boolean joined(String text, WordToken a, WordToken b) {
    int gap = b.start() - a.end();
    if (gap < 1 || gap > 2) {
      return false;
    }
    for (int i = a.end(); i < b.start(); i++) {
      char ch = text.charAt(i);
      boolean initialDot = ch == '.' && a.key().length() == 1;
      if (ch != ' ' && ch != '\u00a0' && ch != '\u3000' && !initialDot) {
        return false;
      }
    }
    return true;
  }

  static boolean sentenceStart(String text, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '.' || ch == '!' || ch == '?' || ch == '"' || ch == '“') {
        return true;
      }
      if (!Character.isWhitespace(ch)) {
        return false;
      }
    }
    return true;
  }

  /** The window is the whole stretch of its script: "to Иван Петров about" in English text. */
  private static boolean isolatedRun(String text, List<WordToken> tokens, int from, int k) {
    ScriptGroup script = tokens.get(from).script();
    boolean before =
        from == 0
            || tokens.get(from - 1).script() != script
            || !joined(text, tokens.get(from - 1), tokens.get(from));
    int after = from + k;
    boolean afterOk =
        after >= tokens.size()
            || tokens.get(after).script() != script
            || !joined(text, tokens.get(after - 1), tokens.get(after));
    return before && afterOk;
  }

  private static boolean isolated(List<WordToken> tokens, int i) {
    ScriptGroup script = tokens.get(i).script();
    return (i == 0 || tokens.get(i - 1).script() != script)
        && (i + 1 >= tokens.size() || tokens.get(i + 1).script() != script);
  }
}
