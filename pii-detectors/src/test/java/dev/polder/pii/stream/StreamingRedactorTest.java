package dev.polder.pii.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.redact.HmacHasher;
import dev.polder.pii.redact.InMemoryPseudonymVault;
import dev.polder.pii.redact.PseudonymRestorer;
import dev.polder.pii.redact.RedactionPolicy;
import dev.polder.pii.redact.Redactor;
import dev.polder.pii.registry.DetectorRegistry;
import dev.polder.pii.registry.RegistryLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingRedactorTest {

  static DetectionEngine engine;
  static final List<String> ANSWERS =
      List.of(
          "Sure. You can reach the account owner at jan.de.vries@example.nl or +31 20 794 0000.",
          "The transfer goes to IBAN NL91 ABNA 0417 1643 00, card 4111 1111 1111 1111 is on file.",
          "Use the key AKIAIOSFODNN7EXAMPLE with token ghp_16C7e42F292c6912E7710c838347Ae178B4a now.",
          "Patient born on 12/03/1985, NHS number 943 476 5919, was seen by the GP yesterday afternoon.",
          "No personal data in this answer at all, just a fairly long sentence about the weather.");

  @BeforeAll
  static void load() throws Exception {
    engine =
        new DetectionEngine(
            DetectorRegistry.fromClasspath(
                new RegistryLoader(RegistryLoader.builtInFactories(), java.util.Set.of("ner"))));
  }

  static Redactor maskAll() {
    return new Redactor(
        RedactionPolicy.fromConfig(Map.of("default", "mask")),
        new HmacHasher(new byte[32]),
        new InMemoryPseudonymVault(Duration.ofMinutes(5)));
  }

  static String whole(String text) {
    return maskAll().redact(text, engine.detect(text, DetectionContext.anyLanguage()), "c").text();
  }

  static String streamed(List<String> chunks, int window) {
    StreamingRedactor s =
        new StreamingRedactor(engine, DetectionContext.anyLanguage(), maskAll(), "c", window);
    StringBuilder out = new StringBuilder();
    for (String chunk : chunks) {
      out.append(s.feed(chunk));
    }
    return out.append(s.flush()).toString();
  }

  /** Every split of every answer into two chunks gives exactly the non-streamed redaction. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void everyTwoChunkSplitMatchesWholeTextRedaction(int answer) {
    String text = ANSWERS.get(answer);
    String expected = whole(text);
    for (int split = 0; split <= text.length(); split++) {
      List<String> chunks = List.of(text.substring(0, split), text.substring(split));
      assertEquals(expected, streamed(chunks, 48), "split at " + split);
    }
  }

  /** Token-sized random chunks (1-6 chars, fixed seed) with several window sizes. */
  @Test
  void tokenSizedChunksMatchWholeTextRedaction() {
    Random random = new Random(42);
    for (int window : new int[] {48, 64, 128}) {
      for (String text : ANSWERS) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
          int n = Math.min(text.length() - i, 1 + random.nextInt(6));
          chunks.add(text.substring(i, i + n));
          i += n;
        }
        assertEquals(whole(text), streamed(chunks, window), "window " + window + ": " + text);
      }
    }
  }

  @Test
  void holdsBackAtMostTheWindowPlusOneWord() {
    StreamingRedactor s =
        new StreamingRedactor(engine, DetectionContext.anyLanguage(), maskAll(), "c", 32);
    String text = "one two three four five six seven eight nine ten eleven twelve thirteen";
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(s.feed(String.valueOf(c)));
      assertTrue(s.heldChars() <= 32 + 8 + "thirteen".length(), "held " + s.heldChars());
    }
    assertFalse(out.isEmpty(), "text is released while streaming");
    assertEquals(text, out.append(s.flush()).toString());
  }

  @Test
  void blockedTypeEndsTheStream() {
    Redactor blocking =
        new Redactor(
            RedactionPolicy.fromConfig(Map.of("CREDIT_CARD", "block")),
            new HmacHasher(new byte[32]),
            new InMemoryPseudonymVault(Duration.ofMinutes(5)));
    StreamingRedactor s =
        new StreamingRedactor(engine, DetectionContext.anyLanguage(), blocking, "c", 16);
    var e =
        assertThrows(
            BlockedContentException.class,
            () -> {
              s.feed("pay with 4111 1111 ");
              s.feed("1111 1111 and nothing else is needed here");
              s.flush();
            });
    assertEquals(java.util.Set.of("CREDIT_CARD"), e.blockedTypes());
  }

  @Test
  void restorerJoinsPseudonymsSplitAcrossChunks() {
    var vault = new InMemoryPseudonymVault(Duration.ofMinutes(5));
    vault.pseudonymFor("c", "PERSON", "Jan Jansen");
    StreamingRestorer r = new StreamingRestorer(new PseudonymRestorer(vault), "c");
    String out =
        r.feed("Dear <PER") + r.feed("SON_") + r.feed("1>, welcome <") + r.feed("b>") + r.flush();
    assertEquals("Dear Jan Jansen, welcome <b>", out);
  }
}
