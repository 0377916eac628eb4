package dev.polder.pii.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Words that announce a person's name right after them ("my name is", "Dear", "Mr.", "patient",
 * "signed") in the languages whose names the dictionaries hold, and the honorifics that CJK writing
 * glues to the end of a name (さん, 様, 先生, 씨).
 */
final class PersonContextCues {

  /** Cue phrases, lower case; matched word by word right before the name. */
  private static final List<String> PREFIX_CUES =
      List.of(
          // English
          "my name is",
          "name is",
          "i am",
          "i'm",
          "this is",
          "called",
          "named",
          "dear",
          "hi",
          "hello",
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "dr",
          "prof",
          "professor",
          "sir",
          "madam",
          "patient",
          "holder",
          "account holder",
          "cardholder",
          "patient name",
          "name",
          "full name",
          "signed",
          "signed by",
          "regards",
          "best regards",
          "kind regards",
          "sincerely",
          "cheers",
          "thanks",
          "contact",
          "contact person",
          "employee",
          "customer",
          "client",
          "applicant",
          "attn",
          "attention",
          "cc",
          "author",
          "assigned to",
          "reported by",
          "approved by",
          "on behalf of",
          "ask",
          "spoke with",
          "talked to",
          "met with",
          "meeting with",
          "call",
          "email",
          "tell",
          "from",
          "with",
          "by",
          "nurse",
          "doctor",
          "mother",
          "father",
          "son",
          "daughter",
          "wife",
          "husband",
          "colleague",
          "manager",
          "tenant",
          "passenger",
          "guest",
          "user",
          "dr med",
          // German, Dutch
          "mein name ist",
          "ich bin",
          "ich heiße",
          "herr",
          "frau",
          "sehr geehrter herr",
          "sehr geehrte frau",
          "liebe",
          "lieber",
          "hallo",
          "patientin",
          "mit freundlichen grüßen",
          "gezeichnet",
          "mijn naam is",
          "ik ben",
          "heer",
          "mevrouw",
          "beste",
          // French, Spanish, Portuguese, Italian
          "je m'appelle",
          "je suis",
          "monsieur",
          "madame",
          "mademoiselle",
          "mme",
          "mlle",
          "m",
          "cher",
          "chère",
          "bonjour",
          "me llamo",
          "mi nombre es",
          "soy",
          "señor",
          "señora",
          "sr",
          "sra",
          "don",
          "doña",
          "estimado",
          "estimada",
          "hola",
          "paciente",
          "meu nome é",
          "chamo-me",
          "eu sou",
          "senhor",
          "senhora",
          "mi chiamo",
          "sono",
          "signor",
          "signora",
          "sig",
          "sig.ra",
          "caro",
          "cara",
          "gentile",
          "ciao",
          // Polish, Czech, Russian, Ukrainian, Greek
          "nazywam się",
          "pan",
          "pani",
          "jmenuji se",
          "меня зовут",
          "я",
          "это",
          "господин",
          "госпожа",
          "г-н",
          "г-жа",
          "уважаемый",
          "уважаемая",
          "пациент",
          "пациентка",
          "мене звати",
          "пан",
          "пані",
          "шановний",
          "шановна",
          "με λένε",
          "ονομάζομαι",
          "κ",
          "κύριος",
          "κυρία",
          "αγαπητέ",
          "αγαπητή",
          // Arabic, Persian, Hebrew
          "اسمي",
          "أنا",
          "السيد",
          "السيدة",
          "السيّد",
          "السيّدة",
          "الآنسة",
          "الدكتور",
          "الدكتورة",
          "عزيزي",
          "عزيزتي",
          "المريض",
          "نام من",
          "آقای",
          "خانم",
          "שמי",
          "אני",
          "מר",
          "גב",
          "גברת",
          "ד\"ר",
          "לכבוד",
          // Hindi, Thai, Turkish
          "मेरा नाम",
          "नाम",
          "श्री",
          "श्रीमती",
          "सुश्री",
          "कुमारी",
          "डॉ",
          "นาย",
          "นาง",
          "นางสาว",
          "เด็กชาย",
          "เด็กหญิง",
          "คุณ",
          "ชื่อ",
          "benim adım",
          "bay",
          "bayan",
          "sayın",
          // "to", "with" in scripts without case, where capitals cannot help
          "ל",
          "אל",
          "עם",
          "إلى",
          "مع",
          "ل",
          "به",
          "को",
          "से");

  /** Written right before a CJK name without a space. */
  static final List<String> CJK_PREFIX_CUES =
      List.of(
          "我叫", "我是", "名字是", "联系人", "聯絡人", "患者", "病人", "发给", "發給", "交给", "交給", "联系", "聯繫", "通知",
          "告诉", "告訴", "感谢", "感謝", "私は", "私の名前は", "저는", "제 이름은");

  /** Honorifics glued to the end of a CJK name, longest first. */
  static final List<String> CJK_SUFFIX_CUES =
      List.of("先生", "女士", "小姐", "老师", "老師", "さん", "さま", "様", "氏", "君", "くん", "ちゃん", "씨", "님");

  /** Titles that are as good as the name itself: a capitalised word after them is a name. */
  private static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "dr",
          "prof",
          "herr",
          "frau",
          "monsieur",
          "madame",
          "mme",
          "mlle",
          "señor",
          "señora",
          "sr",
          "sra",
          "signor",
          "signora",
          "pan",
          "pani",
          "господин",
          "госпожа",
          "κ",
          "κύριος",
          "κυρία",
          "السيد",
          "السيدة",
          "السيّد",
          "السيّدة",
          "الآنسة",
          "الدكتور",
          "الدكتورة",
          "آقای",
          "خانم",
          "מר",
          "גב",
          "גברת",
          "श्री",
          "श्रीमती",
          "सुश्री",
          "डॉ",
          "นาย",
          "นาง",
          "นางสาว",
          "senhor",
          "senhora",
          "heer",
          "mevrouw",
          "bay",
          "bayan");

  /** Cues that are everyday words: on their own they support a name but do not make one. */
  private static final Set<String> WEAK =
      Set.of(
          "from",
          "with",
          "by",
          "call",
          "email",
          "tell",
          "ask",
          "hi",
          "hello",
          "this is",
          "i am",
          "i'm",
          "я",
          "это",
          "אני",
          "أنا",
          "soy",
          "sono",
          "eu sou",
          "je suis",
          "ich bin",
          "ik ben",
          "cc",
          "user",
          "name",
          "called",
          "named",
          "thanks",
          "cheers",
          "m",
          "don",
          "caro",
          "cara",
          "contact",
          "nurse",
          "doctor",
          "mother",
          "father",
          "son",
          "daughter",
          "wife",
          "husband",
          "colleague",
          "manager",
          "guest",
          "passenger",
          "tenant",
          "customer",
          "client",
          "employee",
          "ל",
          "אל",
          "עם",
          "إلى",
          "مع",
          "ل",
          "به",
          "को",
          "से");

  /** How strongly the words before a name announce it. */
  enum Strength {
    NONE,
    WEAK,
    STRONG,
    TITLE
  }

  private static final List<String[]> CUE_KEYS = new ArrayList<>();
  private static final List<Strength> CUE_STRENGTH = new ArrayList<>();

  static {
    for (String cue : PREFIX_CUES) {
      List<WordToken> words = WordTokenizer.tokenize(cue);
      String[] keys = words.stream().map(WordToken::key).toArray(String[]::new);
      CUE_KEYS.add(keys);
      CUE_STRENGTH.add(
          TITLES.contains(cue)
              ? Strength.TITLE
              : WEAK.contains(cue) ? Strength.WEAK : Strength.STRONG);
    }
  }

  private static final java.util.Set<String> SINGLE_WORD_CUES = new java.util.HashSet<>();

  static {
    for (String[] keys : CUE_KEYS) {
      if (keys.length == 1 && !TITLES.contains(keys[0])) {
        SINGLE_WORD_CUES.add(keys[0]);
      }
    }
  }

  private PersonContextCues() {}

  /**
   * Whether {@code key} is itself a cue word ("patient", "customer"): it announces a name, it is
   * not one.
   */
  static boolean isCueWord(String key) {
    return SINGLE_WORD_CUES.contains(key);
  }

  /** Cue indexes by their last word, so a look-up touches only cues that can match. */
  private static final java.util.Map<String, List<Integer>> BY_LAST_WORD =
      new java.util.HashMap<>();

  static {
    for (int c = 0; c < CUE_KEYS.size(); c++) {
      String[] keys = CUE_KEYS.get(c);
      if (keys.length > 0) {
        BY_LAST_WORD.computeIfAbsent(keys[keys.length - 1], k -> new ArrayList<>()).add(c);
      }
    }
  }

  /** The strongest cue ending right before {@code tokens[index]}. */
  static Strength before(String text, List<WordToken> tokens, int index) {
    if (index == 0
        || !onlySeparators(text, tokens.get(index - 1).end(), tokens.get(index).start())) {
      return Strength.NONE;
    }
    List<Integer> candidates = BY_LAST_WORD.get(tokens.get(index - 1).key());
    if (candidates == null) {
      return Strength.NONE;
    }
    Strength best = Strength.NONE;
    for (int c : candidates) {
      String[] keys = CUE_KEYS.get(c);
      int first = index - keys.length;
      if (first < 0) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < keys.length && match; k++) {
        match = tokens.get(first + k).key().equals(keys[k]);
        if (match && k > 0) {
          match = tokens.get(first + k).start() - tokens.get(first + k - 1).end() <= 2;
        }
      }
      if (match && CUE_STRENGTH.get(c).compareTo(best) > 0) {
        best = CUE_STRENGTH.get(c);
      }
    }
    return best;
  }

  /** Between a cue and a name: spaces and at most a period, colon or comma ("Dr. ", "Name: "). */
  private static boolean onlySeparators(String text, int from, int to) {
    if (to - from > 4) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (!Character.isWhitespace(ch) && ch != '.' && ch != ':' && ch != ',') {
        return false;
      }
      if (ch == '\n' && i + 1 < to && text.charAt(i + 1) == '\n') {
        return false;
      }
    }
    return to > from;
  }
}
