package dev.polder.pii.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Given names and surnames of many languages and scripts, looked up by lower-cased NFC word. Each
 * file holds one name per line with {@code #} header comments naming its source and licence; what a
 * file lists is told by its kind ({@link Kind}). Names that are also everyday English words
 * ("will", "rose") are marked ambiguous so they count only with support.
 */
public final class NameDictionary {

  /** What the names of one file are. */
  public enum Kind {
    GIVEN(1),
    SURNAME(2),
    /** Given name or surname: the source does not tell them apart. */
    EITHER(3),
    /** Everyday lower-case words of the text's language: a name that is one needs support. */
    COMMON_WORD(8),
    /** Words the name lists hold that are never a name on their own ("Friday", "German"). */
    NOT_NAME(16);

    final int bits;

    Kind(int bits) {
      this.bits = bits;
    }
  }

  static final int GIVEN = 1;
  static final int SURNAME = 2;

  /** Derived: a name that is also a common word. */
  static final int AMBIGUOUS = 4;

  static final int COMMON_WORD = 8;
  static final int NOT_NAME = 16;

  private static final String FOLDER = "dev/polder/pii/ner/names/";

  /** The dictionaries bundled with the module, by file name and kind. */
  public static final Map<String, Kind> BUNDLED_FILES =
      Map.of(
          "given-corenlp.txt", Kind.GIVEN,
          "name-corenlp.txt", Kind.EITHER,
          "given-fakerjs.txt", Kind.GIVEN,
          "surname-fakerjs.txt", Kind.SURNAME,
          "given-polder-devanagari.txt", Kind.GIVEN,
          "surname-polder-devanagari.txt", Kind.SURNAME,
          "surname-polder-cjk.txt", Kind.SURNAME,
          "common-words-english.txt", Kind.COMMON_WORD,
          "not-names-english.txt", Kind.NOT_NAME);

  private static volatile NameDictionary bundled;

  private final Map<String, Integer> flags;
  private final int longestCjkSurname;

  private NameDictionary(Map<String, Integer> flags) {
    this.flags = Map.copyOf(flags);
    int longest = 0;
    for (Map.Entry<String, Integer> e : this.flags.entrySet()) {
      if ((e.getValue() & SURNAME) != 0 && isCjk(e.getKey())) {
        longest = Math.max(longest, e.getKey().length());
      }
    }
    this.longestCjkSurname = Math.min(longest, 3);
  }

  /** The bundled dictionaries, read once from the class path. */
  public static NameDictionary bundled() {
    NameDictionary d = bundled;
    if (d == null) {
      synchronized (NameDictionary.class) {
        d = bundled;
        if (d == null) {
          Builder builder = builder();
          BUNDLED_FILES.forEach((file, kind) -> builder.add(readBundled(file), kind));
          d = builder.build();
          bundled = d;
        }
      }
    }
    return d;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Bit set of {@link #GIVEN}, {@link #SURNAME}, {@link #AMBIGUOUS}, {@link #COMMON_WORD}; 0 when
   * unknown. A {@link Kind#NOT_NAME} word has neither name bit.
   */
  int flags(String key) {
    Integer f = flags.get(key);
    return f == null ? 0 : f;
  }

  /** Whether {@code word} (any case) is a known given name or surname. */
  public boolean isName(String word) {
    return (flags(normalise(word)) & (GIVEN | SURNAME)) != 0;
  }

  /** Whether {@code word} (any case) is an everyday word of the bundled common-word lists. */
  public boolean isCommonWord(String word) {
    return (flags(normalise(word)) & COMMON_WORD) != 0;
  }

  public int size() {
    return flags.size();
  }

  /**
   * Length of the longest known CJK surname that starts {@code run} at {@code from}, or 0. Chinese
   * names are written without a space: 王秀英 is 王 + 秀英.
   */
  int cjkSurnameAt(String run, int from) {
    for (int len = Math.min(longestCjkSurname, run.length() - from); len > 0; len--) {
      if ((flags(run.substring(from, from + len)) & SURNAME) != 0) {
        return len;
      }
    }
    return 0;
  }

  static String normalise(String word) {
    return Normalizer.normalize(word.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static boolean isCjk(String key) {
    return !key.isEmpty()
        && key.codePoints().allMatch(cp -> ScriptGroup.of(cp) == ScriptGroup.CJK)
        && key.length() <= 3;
  }

  /** Text of a bundled dictionary file (see {@link #BUNDLED_FILES}). */
  public static String readBundledFile(String file) {
    return readBundled(file);
  }

  private static String readBundled(String file) {
    String name = FOLDER + file;
    try (InputStream in = NameDictionary.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled name dictionary missing: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read name dictionary " + name, e);
    }
  }

  /** Collects dictionary files; later files add to earlier ones. */
  public static final class Builder {
    private final Map<String, Integer> flags = new HashMap<>();

    /** Adds every non-comment line of {@code content} as a name of {@code kind}. */
    public Builder add(String content, Kind kind) {
      for (String line : content.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        flags.merge(normalise(trimmed), kind.bits, (a, b) -> a | b);
      }
      return this;
    }

    public Builder addAll(List<String> names, Kind kind) {
      for (String name : names) {
        flags.merge(normalise(name), kind.bits, (a, b) -> a | b);
      }
      return this;
    }

    public NameDictionary build() {
      Map<String, Integer> names = new HashMap<>();
      flags.forEach(
          (k, v) -> {
            int f = v;
            if ((f & NOT_NAME) != 0) {
              f &= ~(GIVEN | SURNAME);
            }
            if ((f & (GIVEN | SURNAME)) != 0 && (f & COMMON_WORD) != 0) {
              f |= AMBIGUOUS;
            }
            if (f != 0) {
              names.put(k, f);
            }
          });
      return new NameDictionary(names);
    }
  }
}
