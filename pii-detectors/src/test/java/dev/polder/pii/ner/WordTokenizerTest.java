package dev.polder.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WordTokenizerTest {

  static Stream<Arguments> texts() {
    return Stream.of(
        Arguments.of("Anna O'Brien-Smith, 42", List.of("Anna", "O'Brien-Smith")),
        Arguments.of("to Иван Петров.", List.of("to", "Иван", "Петров")),
        Arguments.of("call王秀英now", List.of("call", "王秀英", "now")),
        Arguments.of("नमस्ते अमित", List.of("नमस्ते", "अमित")),
        Arguments.of("'quoted' - dash", List.of("quoted", "dash")),
        Arguments.of("", List.of()));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void splitsWordsByLettersAndScript(String text, List<String> words) {
    List<WordToken> tokens = WordTokenizer.tokenize(text);
    assertEquals(words, tokens.stream().map(WordToken::text).toList());
    for (WordToken t : tokens) {
      assertEquals(t.text(), text.substring(t.start(), t.end()));
    }
  }

  static Stream<Arguments> casing() {
    return Stream.of(
        Arguments.of("Anna", WordToken.Casing.CAPITALISED),
        Arguments.of("ANNA", WordToken.Casing.UPPER),
        Arguments.of("anna", WordToken.Casing.LOWER),
        Arguments.of("McDonald", WordToken.Casing.CAPITALISED),
        Arguments.of("Ирина", WordToken.Casing.CAPITALISED),
        Arguments.of("أحمد", WordToken.Casing.UNCASED),
        Arguments.of("王秀英", WordToken.Casing.UNCASED));
  }

  @ParameterizedTest
  @MethodSource("casing")
  void tellsCapitalisation(String word, WordToken.Casing expected) {
    assertEquals(expected, WordTokenizer.tokenize(word).get(0).casing());
  }
}
