package dev.polder.runtime.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.polder.connectors.testing.RecordedRequest;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The detect and redact steps and the answer scan, end to end with the shipped controlled-egress
 * policies: what the upstream receives is checked on the bytes it recorded, what the caller gets
 * through the OpenAI SDK.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class PiiPipelineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROMPT =
      "Please write to Maria Garcia at maria.garcia@example.org about the invoice.";

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;

  @AfterEach
  void reset() {
    upstreams.reset();
  }

  private OpenAIClient client() {
    return Clients.sdk(gateway, GatewayTestResource.KEY_ALL);
  }

  private static ChatCompletionCreateParams chat(String model, String text) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage(text).build();
  }

  @Test
  void personalDataIsPseudonymizedForTheBackendAndRestoredForTheCaller() {
    upstreams.get("a").enqueue(EchoUpstream.echo(5));
    String answer =
        client()
            .chat()
            .completions()
            .create(chat("plain", PROMPT))
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();

    String received = upstreams.get("a").lastRequest().body();
    assertFalse(received.contains("Maria Garcia"), received);
    assertFalse(received.contains("maria.garcia@example.org"), received);
    assertEquals(
        "Please write to <PERSON_1> at <EMAIL_ADDRESS_1> about the invoice.",
        EchoUpstream.lastUserText(upstreams.get("a").lastRequest().json()));
    assertEquals(PROMPT, answer);
  }

  @Test
  void streamedAnswerIsRestoredEvenWherePseudonymsAreSplitAcrossEvents() {
    upstreams.get("a").enqueue(EchoUpstream.echo(3));
    List<ChatCompletionChunk> chunks;
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(chat("plain", PROMPT))) {
      chunks = stream.stream().toList();
    }
    String text = content(chunks);
    assertEquals(PROMPT, text);
    assertFalse(upstreams.get("a").lastRequest().body().contains("Maria Garcia"));
    // Relayed event by event: one chunk per upstream event, not one at the end.
    assertTrue(chunks.size() > 20, () -> chunks.size() + " chunks");
  }

  @Test
  void cardInTheAnswerIsMaskedAlsoWhenSplitAcrossEvents() {
    String prompt = "Is my card 4111 1111 1111 1111 still valid?";
    String answer = "Your card 4111 1111 1111 1111 expires soon, please renew it in time.";
    upstreams.get("a").enqueue(EchoUpstream.answering(answer, 4));
    String text;
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(chat("plain", prompt))) {
      text = content(stream.stream().toList());
    }
    assertEquals(
        "Is my card [CREDIT_CARD] still valid?",
        EchoUpstream.lastUserText(upstreams.get("a").lastRequest().json()));
    assertEquals("Your card [CREDIT_CARD] expires soon, please renew it in time.", text);

    upstreams.get("a").enqueue(EchoUpstream.answering(answer, 4));
    String complete =
        client()
            .chat()
            .completions()
            .create(chat("plain", prompt))
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();
    assertEquals("Your card [CREDIT_CARD] expires soon, please renew it in time.", complete);
  }

  @Test
  void anOrganisationLeavesForTheExternalBackendOnlyPseudonymized() {
    String prompt = "Draft a press release for Acme Corporation about the new office.";
    upstreams.get("e").enqueue(EchoUpstream.echo(4));
    String answer;
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(chat("outside", prompt))) {
      answer = content(stream.stream().toList());
    }
    RecordedRequest received = upstreams.get("e").lastRequest();
    assertFalse(received.body().contains("Acme"), received.body());
    assertEquals(
        "Draft a press release for <ORGANIZATION_1> about the new office.",
        EchoUpstream.lastUserText(received.json()));
    assertEquals(prompt, answer);
  }

  @Test
  void personalDataNeverReachesTheExternalBackend() {
    int before = upstreams.count("e");
    PermissionDeniedException denied =
        assertThrows(
            PermissionDeniedException.class,
            () -> client().chat().completions().create(chat("outside", PROMPT)));
    assertTrue(denied.getMessage().contains("may not leave the organisation"), denied.getMessage());
    assertEquals(before, upstreams.count("e"));
  }

  @Test
  void aSecretInToolArgumentsBlocksTheRequest() {
    String body =
        """
        {"model":"plain","messages":[{"role":"user","content":"deploy"},
         {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
          "function":{"name":"deploy","arguments":"{\\"token\\":\\"ghp_1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R\\"}"}}]},
         {"role":"tool","tool_call_id":"c1","content":"done"}]}""";
    int before = upstreams.count("a");
    HttpResponse<String> response =
        Clients.post(gateway, "/v1/chat/completions", GatewayTestResource.KEY_ALL, body);
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(response.body().contains("secret"), response.body());
    assertEquals(before, upstreams.count("a"));
  }

  @Test
  void toolArgumentsStayValidJsonWhenRedacted() throws Exception {
    String body =
        """
        {"model":"plain","messages":[{"role":"user","content":"send the mail"},
         {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
          "function":{"name":"send","arguments":"{\\"to\\":\\"maria.garcia@example.org\\",\\"n\\":1}"}}]},
         {"role":"tool","tool_call_id":"c1","content":"sent"}]}""";
    HttpResponse<String> response =
        Clients.post(gateway, "/v1/chat/completions", GatewayTestResource.KEY_ALL, body);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode sent = upstreams.get("a").lastRequest().json();
    String arguments = sent.at("/messages/1/tool_calls/0/function/arguments").asText();
    assertEquals("{\"to\":\"<EMAIL_ADDRESS_1>\",\"n\":1}", arguments);
    assertEquals(1, JSON.readTree(arguments).path("n").asInt());
  }

  @Test
  void attachmentTextIsScannedAndRedactedBeforeItLeaves() {
    String document = "Contract for maria.garcia@example.org, signed in 2024.\n";
    String body = withAttachment("application/pdf", document.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        Clients.post(gateway, "/v1/chat/completions", GatewayTestResource.KEY_ALL, body);
    assertEquals(200, response.statusCode(), response.body());
    String received = upstreams.get("a").lastRequest().body();
    assertFalse(received.contains("maria.garcia"), received);
    assertFalse(
        received.contains(Base64.getEncoder().encodeToString(document.getBytes())), received);
    JsonNode part = upstreams.get("a").lastRequest().json().at("/messages/0/content/1");
    assertEquals("text", part.path("type").asText());
    // The declared type (PDF) is not trusted: the bytes are plain text.
    assertTrue(part.path("text").asText().contains("(text/plain)"), part.toString());
    assertTrue(part.path("text").asText().contains("<EMAIL_ADDRESS_1>"), part.toString());
  }

  @Test
  void attachmentOverTheLimitIsRefusedWithAClearError() throws Exception {
    byte[] big = "x".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    int before = upstreams.count("a");
    HttpResponse<String> response =
        Clients.post(
            gateway,
            "/v1/chat/completions",
            GatewayTestResource.KEY_ALL,
            withAttachment("text/plain", big));
    assertEquals(413, response.statusCode(), response.body());
    JsonNode error = JSON.readTree(response.body()).path("error");
    assertEquals("attachment_too_large", error.path("code").asText());
    assertEquals("messages[0].content[1]", error.path("param").asText());
    assertEquals("invalid_request_error", error.path("type").asText());
    assertEquals(before, upstreams.count("a"));
  }

  @Test
  void bytesOfNoKnownTypeAreRefusedAsUnscannable() throws Exception {
    byte[] noise = new byte[4096];
    new java.util.Random(7).nextBytes(noise);
    HttpResponse<String> response =
        Clients.post(
            gateway,
            "/v1/chat/completions",
            GatewayTestResource.KEY_ALL,
            withAttachment("blob", "application/pdf", noise));
    assertEquals(415, response.statusCode(), response.body());
    assertEquals(
        "attachment_unsupported_media_type",
        JSON.readTree(response.body()).path("error").path("code").asText());
  }

  @Test
  void pseudonymsStayTheSameWithinAConversation() {
    String conversation = "conv-" + System.nanoTime();
    OpenAIClient client = client();
    upstreams.get("a").enqueue(EchoUpstream.echo(5), EchoUpstream.echo(5));
    client
        .chat()
        .completions()
        .create(
            chat("plain", "Call Maria Garcia today.").toBuilder()
                .putAdditionalHeader("x-polder-conversation", conversation)
                .build());
    String answer =
        client
            .chat()
            .completions()
            .create(
                chat("plain", "Ask Jan de Vries, then Maria Garcia.").toBuilder()
                    .putAdditionalHeader("x-polder-conversation", conversation)
                    .build())
            .choices()
            .get(0)
            .message()
            .content()
            .orElseThrow();
    assertEquals(
        "Ask <PERSON_2>, then <PERSON_1>.",
        EchoUpstream.lastUserText(upstreams.get("a").lastRequest().json()));
    assertEquals("Ask Jan de Vries, then Maria Garcia.", answer);
  }

  @Test
  void embeddingsInputIsPseudonymizedToo() {
    client()
        .embeddings()
        .create(
            com.openai.models.embeddings.EmbeddingCreateParams.builder()
                .model("plain")
                .input(PROMPT)
                .build());
    JsonNode sent = upstreams.get("a").lastRequest().json();
    assertEquals(
        "Please write to <PERSON_1> at <EMAIL_ADDRESS_1> about the invoice.",
        sent.path("input").isArray()
            ? sent.path("input").get(0).asText()
            : sent.path("input").asText());
  }

  @Test
  void brokenAttachmentDataIsABadRequest() throws Exception {
    String body =
        """
        {"model":"plain","messages":[{"role":"user","content":[{"type":"text","text":"read"},
         {"type":"file","file":{"filename":"a.txt","file_data":"data:text/plain;base64,@@@"}}]}]}""";
    HttpResponse<String> response =
        Clients.post(gateway, "/v1/chat/completions", GatewayTestResource.KEY_ALL, body);
    assertEquals(400, response.statusCode(), response.body());
    assertEquals(
        "attachment_invalid_encoding",
        JSON.readTree(response.body()).path("error").path("code").asText());
  }

  private static String withAttachment(String declaredType, byte[] data) {
    return withAttachment("contract.txt", declaredType, data);
  }

  private static String withAttachment(String fileName, String declaredType, byte[] data) {
    return "{\"model\":\"plain\",\"messages\":[{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"Summarise the file.\"},"
        + "{\"type\":\"file\",\"file\":{\"filename\":\""
        + fileName
        + "\",\"file_data\":\"data:"
        + declaredType
        + ";base64,"
        + Base64.getEncoder().encodeToString(data)
        + "\"}}]}]}";
  }

  private static String content(List<ChatCompletionChunk> chunks) {
    return chunks.stream()
        .flatMap(chunk -> chunk.choices().stream())
        .map(choice -> choice.delta().content().orElse(""))
        .collect(Collectors.joining());
  }
}
