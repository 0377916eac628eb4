package dev.polder.runtime.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import dev.polder.connectors.testing.RecordedRequest;
import dev.polder.connectors.testing.VllmLike;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Apps call the gateway exactly as they call OpenAI: the official SDK against real upstreams. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class OpenAiSdkTest {

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

  private static ChatCompletionCreateParams chat(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Hello?").build();
  }

  @Test
  void chatCompletionKeepsTheBackendsShapeAndTellsTheBackend() {
    HttpResponseFor<ChatCompletion> response =
        client().chat().completions().withRawResponse().create(chat("plain"));
    ChatCompletion completion = response.parse();
    assertEquals("Hello from vLLM", completion.choices().get(0).message().content().orElseThrow());
    assertEquals(11, completion.usage().orElseThrow().totalTokens());
    assertEquals("a", response.headers().values("x-polder-backend").get(0));
    assertEquals(36, response.headers().values("x-polder-request-id").get(0).length());
    // Fields the gateway does not know stay: vLLM's kv_transfer_params reaches the client.
    assertTrue(completion._additionalProperties().containsKey("kv_transfer_params"));
  }

  @Test
  void unknownRequestFieldsPassThroughToTheBackend() {
    ChatCompletionCreateParams params =
        chat("plain").toBuilder()
            .putAdditionalBodyProperty("guided_json", JsonValue.from(java.util.Map.of("a", 1)))
            .build();
    int before = upstreams.count("a");
    client().chat().completions().create(params);
    assertEquals(before + 1, upstreams.count("a"));
    RecordedRequest received = upstreams.get("a").lastRequest();
    assertEquals("{\"a\":1}", received.json().get("guided_json").toString());
    assertEquals("Hello?", received.json().at("/messages/0/content").asText());
  }

  @Test
  void streamingRelaysEveryChunkAndEndsWithDone() {
    try (StreamResponse<ChatCompletionChunk> stream =
        client().chat().completions().createStreaming(chat("plain"))) {
      String text =
          stream.stream()
              .flatMap(chunk -> chunk.choices().stream())
              .map(choice -> choice.delta().content().orElse(""))
              .collect(Collectors.joining());
      assertEquals("Hello from vLLM", text);
    }
    // The upstream was asked for usage, so the gateway can account for the stream.
    assertTrue(
        upstreams.get("a").lastRequest().json().at("/stream_options/include_usage").asBoolean());
  }

  @Test
  void streamOverRawHttpEndsWithDone() {
    var response =
        Clients.post(
            gateway,
            "/v1/chat/completions",
            GatewayTestResource.KEY_ALL,
            "{\"model\":\"plain\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
    assertEquals(200, response.statusCode());
    assertEquals("text/event-stream", response.headers().firstValue("content-type").orElseThrow());
    assertTrue(response.body().endsWith("data: [DONE]\n\n"), response.body());
    assertEquals(VllmLike.PIECES.size() + 3, response.body().split("\n\n").length);
  }

  @Test
  void completionsAndEmbeddings() {
    Completion completion =
        client()
            .completions()
            .create(CompletionCreateParams.builder().model("plain").prompt("Say hi").build());
    assertEquals("Hello from vLLM", completion.choices().get(0).text());
    CreateEmbeddingResponse embeddings =
        client()
            .embeddings()
            .create(EmbeddingCreateParams.builder().model("plain").input("one sentence").build());
    assertEquals(List.of(0.25f, -0.5f, 0.0f), embeddings.data().get(0).embedding());
  }

  @Test
  void modelsListShowsWhatTheKeyMayUse() {
    List<String> all = client().models().list().data().stream().map(Model::id).sorted().toList();
    assertTrue(all.containsAll(List.of("echo", "plain", "weighted", "sticky")), all.toString());
    List<String> limited =
        Clients.sdk(gateway, GatewayTestResource.KEY_LIMITED).models().list().data().stream()
            .map(Model::id)
            .sorted()
            .toList();
    assertEquals(List.of("echo", "priority"), limited);
  }

  @Test
  void echoModelAnswersWithTheMessagesItReceived() {
    ChatCompletion completion =
        Clients.sdk(gateway, "polder-demo-key").chat().completions().create(chat("echo"));
    String content = completion.choices().get(0).message().content().orElseThrow();
    assertTrue(content.contains("\"content\" : \"Hello?\""), content);
  }

  @Test
  void authenticationAndAuthorisationErrorsAreTheSdksOwn() {
    assertThrows(
        UnauthorizedException.class,
        () -> Clients.sdk(gateway, "wrong-key").chat().completions().create(chat("plain")));
    assertThrows(
        PermissionDeniedException.class,
        () ->
            Clients.sdk(gateway, GatewayTestResource.KEY_LIMITED)
                .chat()
                .completions()
                .create(chat("plain")));
    NotFoundException notFound =
        assertThrows(
            NotFoundException.class, () -> client().chat().completions().create(chat("nope")));
    assertEquals("model_not_found", notFound.code().orElseThrow());
  }
}
