package dev.polder.pii.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.pii.detect.Finding;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final String TEXT = "Mail jan@example.nl or call Jan Jansen";

  static List<Finding> findings() {
    return List.of(
        new Finding("EMAIL_ADDRESS", 5, 19, 0.9, "email", true),
        new Finding("PERSON", 28, 38, 0.8, "ner", false));
  }

  static Redactor redactor(String email, String person, PseudonymVault vault) {
    return new Redactor(
        RedactionPolicy.fromConfig(Map.of("EMAIL_ADDRESS", email, "PERSON", person)),
        new HmacHasher(KEY),
        vault);
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          keep         | keep          | Mail jan@example.nl or call Jan Jansen
          mask         | mask          | Mail [EMAIL_ADDRESS] or call [PERSON]
          mask         | pseudonymize  | Mail [EMAIL_ADDRESS] or call <PERSON_1>
          pseudonymize | pseudonymize  | Mail <EMAIL_ADDRESS_1> or call <PERSON_1>
          """)
  void strategies(String email, String person, String expected) {
    var result =
        redactor(email, person, new InMemoryPseudonymVault(Duration.ofMinutes(5)))
            .redact(TEXT, findings(), "c1");
    assertEquals(expected, result.text());
    assertEquals(false, result.blocked());
  }

  @Test
  void hashIsKeyedAndStable() {
    var vault = new InMemoryPseudonymVault(Duration.ofMinutes(5));
    String first = redactor("hash", "keep", vault).redact(TEXT, findings(), "c1").text();
    String again = redactor("hash", "keep", vault).redact(TEXT, findings(), "c2").text();
    assertEquals(first, again);
    assertTrue(first.matches("Mail \\[EMAIL_ADDRESS:[0-9a-f]{16}] or call Jan Jansen"), first);
    String otherKey =
        new Redactor(
                RedactionPolicy.fromConfig(Map.of("default", "hash")),
                new HmacHasher("another key of 32 bytes length!!".getBytes(StandardCharsets.UTF_8)),
                vault)
            .redact(TEXT, findings(), "c1")
            .text();
    assertNotEquals(first.substring(0, 40), otherKey.substring(0, 40));
  }

  @Test
  void blockReportsTypesAndStillMasksTheText() {
    var result =
        redactor("block", "mask", new InMemoryPseudonymVault(Duration.ofMinutes(5)))
            .redact(TEXT, findings(), "c1");
    assertTrue(result.blocked());
    assertEquals(Set.of("EMAIL_ADDRESS"), result.blockedTypes());
    assertEquals("Mail [EMAIL_ADDRESS] or call [PERSON]", result.text());
  }

  @Test
  void pseudonymsAreConsistentWithinAConversationAndRestorable() {
    var vault = new InMemoryPseudonymVault(Duration.ofMinutes(5));
    Redactor r = redactor("mask", "pseudonymize", vault);
    String text = "Jan Jansen met Piet Pieters; Jan Jansen paid.";
    List<Finding> people =
        List.of(
            new Finding("PERSON", 0, 10, 0.9, "ner", false),
            new Finding("PERSON", 15, 27, 0.9, "ner", false),
            new Finding("PERSON", 29, 39, 0.9, "ner", false));
    String redacted = r.redact(text, people, "conv-a").text();
    assertEquals("<PERSON_1> met <PERSON_2>; <PERSON_1> paid.", redacted);
    // Another conversation numbers independently.
    assertEquals(
        "<PERSON_1> met <PERSON_2>; <PERSON_1> paid.",
        r.redact(
                "Piet Pieters met Jan Jansen; Piet Pieters paid.",
                List.of(
                    new Finding("PERSON", 0, 12, 0.9, "ner", false),
                    new Finding("PERSON", 17, 27, 0.9, "ner", false),
                    new Finding("PERSON", 29, 41, 0.9, "ner", false)),
                "conv-b")
            .text());
    PseudonymRestorer restorer = new PseudonymRestorer(vault);
    assertEquals(
        "Dear Jan Jansen, Piet Pieters agreed. <PERSON_9> unknown.",
        restorer.restore("Dear <PERSON_1>, <PERSON_2> agreed. <PERSON_9> unknown.", "conv-a"));
    assertEquals("Dear Piet Pieters", restorer.restore("Dear <PERSON_1>", "conv-b"));
  }

  @Test
  void vaultEntriesExpireAfterTheirTtl() {
    MutableClock clock = new MutableClock();
    var vault = new InMemoryPseudonymVault(Duration.ofMinutes(10), clock);
    assertEquals("<PERSON_1>", vault.pseudonymFor("c", "PERSON", "Jan"));
    clock.advance(Duration.ofMinutes(9));
    assertEquals("Jan", vault.originalOf("c", "<PERSON_1>").orElseThrow());
    clock.advance(Duration.ofMinutes(11));
    assertTrue(vault.originalOf("c", "<PERSON_1>").isEmpty());
    vault.pseudonymFor("other", "PERSON", "Piet");
    assertEquals(1, vault.size(), "expired conversation swept");
  }

  @Test
  void unknownStrategyNamesTheKey() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RedactionPolicy.fromConfig(Map.of("PERSON", "scramble")));
    assertEquals(
        "redaction.PERSON: unknown redaction strategy 'scramble' (known: keep, mask, hash,"
            + " pseudonymize, block)",
        e.getMessage());
  }

  @Test
  void overlappingFindingsAreRefused() {
    var r = redactor("mask", "mask", new InMemoryPseudonymVault(Duration.ofMinutes(1)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            r.redact(
                TEXT,
                List.of(
                    new Finding("A", 0, 10, 0.9, "a", false),
                    new Finding("B", 5, 12, 0.9, "b", false)),
                "c"));
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
