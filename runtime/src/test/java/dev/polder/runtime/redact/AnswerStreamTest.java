package dev.polder.runtime.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.SseEvent;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.redact.HmacHasher;
import dev.polder.pii.redact.InMemoryPseudonymVault;
import dev.polder.pii.redact.PseudonymRestorer;
import dev.polder.pii.redact.PseudonymVault;
import dev.polder.pii.redact.RedactionPolicy;
import dev.polder.pii.redact.Redactor;
import dev.polder.pii.registry.DetectorRegistry;
import dev.polder.pii.registry.RegistryLoader;
import dev.polder.pii.stream.StreamingRedactor;
import dev.polder.pii.stream.StreamingRestorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stream filter on its own: chunk shapes in, chunk shapes out, one event at a time. */
class AnswerStreamTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONVERSATION = "svc/r:1";
  private static DetectionEngine engine;

  @BeforeAll
  static void detectors() throws Exception {
    engine =
        new DetectionEngine(
            DetectorRegistry.fromClasspath(
                RegistryLoader.withInstalledFactoriesExcept(Set.of("ner"))));
  }

  private static AnswerStream stream(RedactionPolicy policy, PseudonymVault vault) {
    Redactor redactor =
        policy == null
            ? null
            : new Redactor(
                policy,
                new HmacHasher(new byte[16]),
                vault == null ? new InMemoryPseudonymVault(Duration.ofMinutes(1)) : vault);
    return new AnswerStream(
        () ->
            new AnswerStream.Channel(
                policy == null
                    ? null
                    : new StreamingRedactor(
                        engine, DetectionContext.anyLanguage(), redactor, CONVERSATION, 16),
                vault == null
                    ? null
                    : new StreamingRestorer(new PseudonymRestorer(vault), CONVERSATION)));
  }

  private static RedactionPolicy masking(String... blockTypes) {
    Map<String, dev.polder.pii.redact.RedactionStrategy> byType = new java.util.HashMap<>();
    for (String type : blockTypes) {
      byType.put(type, dev.polder.pii.redact.RedactionStrategy.BLOCK);
    }
    return new RedactionPolicy(byType, dev.polder.pii.redact.RedactionStrategy.MASK);
  }

  private static SseEvent chat(String content, String finish) throws Exception {
    ObjectNode json =
        (ObjectNode)
            JSON.readTree(
                "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":null}]}");
    ObjectNode choice = (ObjectNode) json.path("choices").get(0);
    if (content != null) {
      ((ObjectNode) choice.get("delta")).put("content", content);
    }
    if (finish != null) {
      choice.put("finish_reason", finish);
    }
    return SseEvent.chunk(json);
  }

  private static List<SseEvent> run(AnswerStream filter, List<SseEvent> in) {
    List<SseEvent> out = new ArrayList<>();
    for (SseEvent event : in) {
      out.addAll(filter.onEvent(event));
    }
    out.addAll(filter.onEnd());
    return out;
  }

  private static String text(List<SseEvent> events) {
    StringBuilder all = new StringBuilder();
    for (SseEvent e : events) {
      if (e.kind() == SseEvent.Kind.CHUNK) {
        for (var choice : e.json().path("choices")) {
          all.append(choice.path("delta").path("content").asText(""));
          all.append(choice.path("text").asText(""));
        }
      }
    }
    return all.toString();
  }

  @Test
  void reasoningStreamedBesideTheAnswerIsMaskedToo() throws Exception {
    String reasoning = "The user paid with 4111 1111 1111 1111, so I will mention the refund.";
    List<SseEvent> in = new ArrayList<>();
    for (int i = 0; i < reasoning.length(); i += 4) {
      SseEvent event = chat(null, null);
      ((ObjectNode) event.json().path("choices").get(0).get("delta"))
          .put("reasoning_content", reasoning.substring(i, Math.min(reasoning.length(), i + 4)));
      in.add(event);
    }
    in.add(chat("Refund issued.", "stop"));
    in.add(SseEvent.DONE_EVENT);
    StringBuilder seen = new StringBuilder();
    for (SseEvent e : run(stream(masking(), null), in)) {
      if (e.kind() == SseEvent.Kind.CHUNK) {
        for (var choice : e.json().path("choices")) {
          seen.append(choice.path("delta").path("reasoning_content").asText(""));
        }
      }
    }
    assertEquals(
        "The user paid with [CREDIT_CARD], so I will mention the refund.", seen.toString());
  }

  @Test
  void aCardSplitAcrossEventsIsMaskedAndEveryEventIsRelayed() throws Exception {
    String answer = "Your card 4111 1111 1111 1111 expires soon, please renew it in time.";
    List<SseEvent> in = new ArrayList<>();
    for (int i = 0; i < answer.length(); i += 3) {
      in.add(chat(answer.substring(i, Math.min(answer.length(), i + 3)), null));
    }
    in.add(chat(null, "stop"));
    in.add(SseEvent.DONE_EVENT);
    List<SseEvent> out = run(stream(masking(), null), in);
    assertEquals(in.size(), out.size(), "one event out per event in");
    assertEquals("Your card [CREDIT_CARD] expires soon, please renew it in time.", text(out));
    assertEquals(SseEvent.Kind.DONE, out.get(out.size() - 1).kind());
    // Text leaves before the stream ends: not everything waits for the finish chunk.
    assertTrue(text(out.subList(0, in.size() - 2)).length() > 20, () -> text(out));
  }

  @Test
  void pseudonymsSplitAcrossEventsAreRestored() throws Exception {
    PseudonymVault vault = new InMemoryPseudonymVault(Duration.ofMinutes(5));
    assertEquals("<PERSON_1>", vault.pseudonymFor(CONVERSATION, "PERSON", "Maria Garcia"));
    List<SseEvent> in =
        List.of(chat("Dear <PER", null), chat("SON_1>, thanks", null), chat("!", "stop"));
    List<SseEvent> out = run(stream(null, vault), in);
    assertEquals("Dear Maria Garcia, thanks!", text(out));
    assertEquals(3, out.size());
  }

  @Test
  void aBlockedTypeEndsTheStreamWithAnErrorEvent() throws Exception {
    String token = "ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R";
    List<SseEvent> in =
        List.of(
            chat("Use the token " + token.substring(0, 10), null),
            chat(token.substring(10) + " to deploy the release now", null),
            chat(" and more text after it", null),
            chat(null, "stop"),
            SseEvent.DONE_EVENT);
    AnswerStream filter = stream(masking("GITHUB_TOKEN"), null);
    List<SseEvent> out = run(filter, in);
    assertTrue(filter.ended());
    SseEvent last = out.get(out.size() - 1);
    assertEquals(SseEvent.Kind.ERROR, last.kind());
    assertEquals("policy_denied", last.json().path("error").path("code").asText());
    assertTrue(!text(out).contains("ghp_"), text(out));
  }

  @Test
  void heldTextWithoutAFinishChunkLeavesBeforeDone() throws Exception {
    List<SseEvent> in = List.of(chat("short answer", null), SseEvent.DONE_EVENT);
    List<SseEvent> out = run(stream(masking(), null), in);
    assertEquals(3, out.size());
    assertEquals("short answer", text(out));
    assertEquals(SseEvent.Kind.DONE, out.get(2).kind());
  }

  @Test
  void completionsTextIsAChannelToo() throws Exception {
    ObjectNode json =
        (ObjectNode)
            JSON.readTree(
                "{\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"mail maria.garcia@example.org\",\"finish_reason\":\"stop\"}]}");
    List<SseEvent> out = run(stream(masking(), null), List.of(SseEvent.chunk(json)));
    assertEquals("mail [EMAIL_ADDRESS]", text(out));
  }
}
