package dev.polder.pii.ner;

import java.util.List;

/**
 * Endings that mark a word as a surname in many languages (Петров, Kowalski, Παπαδόπουλος,
 * Yılmazoğlu, Popescu): a word the dictionaries do not know but that is shaped like a surname next
 * to a known given name is taken as one.
 */
final class SurnameShapes {

  private static final List<String> ENDINGS =
      List.of(
          // Slavic in Latin and Cyrillic script
          "ski",
          "ska",
          "sky",
          "cki",
          "cka",
          "czyk",
          "wicz",
          "owicz",
          "ewicz",
          "ović",
          "ovic",
          "ević",
          "ić",
          "ová",
          "ova",
          "ovа",
          "ov",
          "ev",
          "enko",
          "chuk",
          "czuk",
          "shyn",
          "ов",
          "ова",
          "ев",
          "ева",
          "ёв",
          "ёва",
          "ин",
          "ина",
          "ский",
          "ская",
          "цкий",
          "цкая",
          "енко",
          "ук",
          "юк",
          "чук",
          "ишин",
          "ич",
          "ович",
          "евич",
          "ян",
          "янц",
          // Greek
          "ου",
          "ης",
          "άκης",
          "ίδης",
          "ίδου",
          "όπουλος",
          "οπούλου",
          "άτος",
          "ίου",
          "άς",
          // Germanic, Nordic, Dutch
          "son",
          "sen",
          "sson",
          "mann",
          "berg",
          "stein",
          "feld",
          "hoff",
          "huis",
          "ink",
          "ema",
          // Romance, Turkish, Armenian, Georgian, Baltic
          "ez",
          "escu",
          "elli",
          "etti",
          "ini",
          "ucci",
          "ello",
          "eiro",
          "oğlu",
          "oglu",
          "can",
          "yan",
          "ian",
          "shvili",
          "dze",
          "ienė",
          "aitė",
          "as",
          "is",
          "ės",
          // Georgian and Armenian script
          "შვილი",
          "ძე",
          "ია",
          "ян",
          "յան");

  private SurnameShapes() {}

  /** Arabic family names: al-, Al (family of), Abu (father of), bin (son of). */
  private static final List<String> PREFIXES = List.of("ال", "آل", "أبو", "بن");

  static boolean looksLikeSurname(String key) {
    if (key.length() < 4) {
      return false;
    }
    for (String prefix : PREFIXES) {
      if (key.length() > prefix.length() + 2 && key.startsWith(prefix)) {
        return true;
      }
    }
    for (String ending : ENDINGS) {
      if (key.length() > ending.length() + 1 && key.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }
}
