package dev.polder.connectors.kserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.ConnectorFactory;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.RetryPolicy;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamFailure;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.testing.Await;
import dev.polder.connectors.testing.Behaviours;
import dev.polder.connectors.testing.RecordedRequest;
import dev.polder.connectors.testing.ScriptableUpstream;
import dev.polder.connectors.testing.StreamCollector;
import dev.polder.connectors.testing.TritonLike;
import io.vertx.core.Vertx;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KserveV2TritonClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;
  private ScriptableUpstream upstream;
  private ModelConnector connector;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    Await.result(vertx.close());
  }

  @BeforeEach
  void start() {
    upstream = ScriptableUpstream.start(vertx, new TritonLike("llama"));
    connector =
        create(
            BackendSpec.builder("triton-a", "triton", upstream.baseUrl())
                .retry(RetryPolicy.NONE)
                .build());
  }

  private ModelConnector create(BackendSpec spec) {
    return new ConnectorFactory(vertx).create(spec);
  }

  @AfterEach
  void stop() {
    Await.result(connector.close());
    upstream.close();
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void embeddingsAreSentAsAKserveV2InferRequestAndComeBackInOpenAisShape() {
    UpstreamResponse.Complete response =
        (UpstreamResponse.Complete)
            Await.result(
                connector.send(
                    UpstreamRequest.of(
                        Endpoint.EMBEDDINGS,
                        json("{\"model\":\"llama\",\"input\":[\"abc\",\"hello\"]}"))));

    RecordedRequest sent = upstream.lastRequest();
    assertEquals("/v2/models/llama/infer", sent.path());
    assertEquals(
        json(
            "{\"inputs\":[{\"name\":\"text\",\"shape\":[2],\"datatype\":\"BYTES\",\"data\":[\"abc\",\"hello\"]}]}"),
        sent.json());

    ObjectNode body = response.json();
    assertEquals("list", body.path("object").asText());
    assertEquals(2, body.path("data").size());
    assertEquals("embedding", body.at("/data/1/object").asText());
    assertEquals(1, body.at("/data/1/index").asInt());
    assertEquals(List.of(5.0, 0.5, -0.5, 1.0), doubles(body.at("/data/1/embedding")));
    assertEquals(List.of(3.0, 0.5, -0.5, 0.0), doubles(body.at("/data/0/embedding")));
    assertEquals(body.toString(), response.body().toString());
  }

  @Test
  void embeddingOptionsShapeTheTensorAndBase64IsLittleEndianFloat32() {
    ModelConnector configured =
        create(
            BackendSpec.builder("t2", "kserve", upstream.baseUrl())
                .upstreamModel("llama")
                .option("kserve.input-name", "INPUT_TEXT")
                .option("kserve.input-shape", "batch-1")
                .option("kserve.output-name", "embedding")
                .build());
    UpstreamResponse.Complete response =
        (UpstreamResponse.Complete)
            Await.result(
                configured.send(
                    UpstreamRequest.of(
                        Endpoint.EMBEDDINGS,
                        json(
                            "{\"model\":\"virtual\",\"input\":\"ab\",\"encoding_format\":\"base64\"}"))));
    JsonNode input = upstream.lastRequest().json().at("/inputs/0");
    assertEquals("INPUT_TEXT", input.path("name").asText());
    assertEquals(json("{\"s\":[1,1]}").get("s"), input.path("shape"));
    assertEquals("embedding", upstream.lastRequest().json().at("/outputs/0/name").asText());

    byte[] bytes = Base64.getDecoder().decode(response.json().at("/data/0/embedding").asText());
    ByteBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(2.0f, floats.getFloat());
    assertEquals(0.5f, floats.getFloat());
    Await.result(configured.close());
  }

  @Test
  void malformedInferOutputIsAnInvalidResponse() {
    upstream.enqueue(
        Behaviours.json(
            200,
            "{\"model_name\":\"llama\",\"outputs\":[{\"name\":\"e\",\"shape\":[2,3],\"datatype\":\"FP32\",\"data\":[1,2,3]}]}"),
        Behaviours.json(
            200,
            "{\"model_name\":\"llama\",\"outputs\":[{\"name\":\"e\",\"shape\":[1,1],\"datatype\":\"BYTES\",\"data\":[\"x\"]}]}"));
    for (int i = 0; i < 2; i++) {
      UpstreamFailure failure =
          Await.failure(
              connector.send(
                  UpstreamRequest.of(
                      Endpoint.EMBEDDINGS, json("{\"model\":\"llama\",\"input\":[\"a\",\"b\"]}"))),
              UpstreamFailure.class);
      assertEquals(UpstreamFailure.Kind.INVALID_RESPONSE, failure.kind());
    }
  }

  @Test
  void chatIsTranslatedToGenerateAndBack() {
    ObjectNode request =
        json(
            "{\"model\":\"llama\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}],"
                + "\"max_tokens\":3,\"temperature\":0.2,\"stop\":[\"a\",\"b\"],\"logit_bias\":{\"1\":2}}");
    UpstreamResponse.Complete response =
        (UpstreamResponse.Complete)
            Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, request)));

    RecordedRequest sent = upstream.lastRequest();
    assertEquals("/v2/models/llama/generate", sent.path());
    assertEquals(
        json(
            "{\"text_input\":\"system: Be brief.\\nuser: Hi\\nassistant:\",\"parameters\":{\"stream\":false,\"max_tokens\":3,\"temperature\":0.2}}"),
        sent.json());

    ObjectNode body = response.json();
    assertEquals("chat.completion", body.path("object").asText());
    assertTrue(body.path("id").asText().startsWith("chatcmpl-"));
    assertEquals("assistant", body.at("/choices/0/message/role").asText());
    assertEquals("Hello from Triton", body.at("/choices/0/message/content").asText());
    assertEquals("length", body.at("/choices/0/finish_reason").asText(), "3 tokens of max 3");
    assertEquals(8, response.usage().orElseThrow().totalTokens());
  }

  @Test
  void completionsUseThePromptAndChatmlRendersMessages() {
    Await.result(
        connector.send(
            UpstreamRequest.of(
                Endpoint.COMPLETIONS, json("{\"model\":\"llama\",\"prompt\":\"Once\"}"))));
    assertEquals("Once", upstream.lastRequest().json().path("text_input").asText());

    ModelConnector chatml =
        create(
            BackendSpec.builder("t3", "triton", upstream.baseUrl())
                .option("kserve.prompt-format", "chatml")
                .build());
    Await.result(
        chatml.send(
            UpstreamRequest.of(
                Endpoint.CHAT_COMPLETIONS,
                json(
                    "{\"model\":\"llama\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))));
    assertEquals(
        "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
        upstream.lastRequest().json().path("text_input").asText());
    Await.result(chatml.close());
  }

  @Test
  void generateStreamBecomesOpenAiChunksWithFinishReasonUsageAndDone() {
    ObjectNode request =
        json(
            "{\"model\":\"llama\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    UpstreamResponse response =
        Await.result(connector.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, request)));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();

    assertEquals("/v2/models/llama/generate_stream", upstream.lastRequest().path());
    assertTrue(upstream.lastRequest().json().at("/parameters/stream").asBoolean());
    assertEquals(
        TritonLike.PIECES.size() + 3, events.size(), "pieces, final chunk, usage chunk, [DONE]");
    assertEquals("assistant", events.get(0).json().at("/choices/0/delta/role").asText());
    assertEquals("chat.completion.chunk", events.get(0).json().path("object").asText());
    assertEquals(String.join("", TritonLike.PIECES), StreamCollector.text(events));
    SseEvent last = events.get(events.size() - 3);
    assertEquals("stop", last.json().at("/choices/0/finish_reason").asText());
    assertEquals(8, events.get(events.size() - 2).json().at("/usage/total_tokens").asInt());
    assertEquals(SseEvent.Kind.DONE, events.get(events.size() - 1).kind());
    assertEquals("data: [DONE]\n\n", events.get(events.size() - 1).toBuffer().toString());
    String id = events.get(0).json().path("id").asText();
    assertTrue(
        events.stream()
            .filter(e -> e.kind() == SseEvent.Kind.CHUNK)
            .allMatch(e -> e.json().path("id").asText().equals(id)));

    StreamResult result = Await.result(((UpstreamResponse.Streaming) response).result());
    assertEquals(5, result.usage().orElseThrow().promptTokens());
    assertEquals("stop", result.finishReason().orElseThrow());
  }

  @Test
  void usageChunkIsHiddenButCapturedWhenTheCallerDidNotAsk() {
    ObjectNode request = json("{\"model\":\"llama\",\"prompt\":\"Once\",\"stream\":true}");
    UpstreamResponse response =
        Await.result(connector.send(UpstreamRequest.of(Endpoint.COMPLETIONS, request)));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    assertEquals(TritonLike.PIECES.size() + 2, events.size());
    assertEquals("text_completion", events.get(0).json().path("object").asText());
    assertEquals(
        3,
        Await.result(((UpstreamResponse.Streaming) response).result())
            .usage()
            .orElseThrow()
            .completionTokens());
  }

  @Test
  void errorEventInTheStreamEndsItWithAnOpenAiErrorEvent() {
    upstream.enqueue(
        Behaviours.sse("{\"text_output\":\"Hel\"}", "{\"error\":\"CUDA out of memory\"}"));
    UpstreamResponse response =
        Await.result(
            connector.send(
                UpstreamRequest.of(
                    Endpoint.CHAT_COMPLETIONS,
                    json(
                        "{\"model\":\"llama\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}"))));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    SseEvent error = events.get(events.size() - 1);
    assertEquals(SseEvent.Kind.ERROR, error.kind());
    assertTrue(error.json().at("/error/message").asText().contains("CUDA out of memory"));
    assertFalse(Await.result(((UpstreamResponse.Streaming) response).result()).succeeded());
  }

  @Test
  void kserveErrorsBecomeOpenAiErrors() {
    UpstreamResponse.Complete response =
        (UpstreamResponse.Complete)
            Await.result(
                connector.send(
                    UpstreamRequest.of(
                        Endpoint.CHAT_COMPLETIONS,
                        json(
                            "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))));
    assertEquals(400, response.status());
    assertTrue(response.json().at("/error/message").asText().contains("unknown model"));
    assertEquals("upstream_400", response.json().at("/error/code").asText());
  }

  @Test
  void requestsThatCannotBeTranslatedAreRefusedWithoutACall() {
    int before = upstream.requests().size();
    UpstreamFailure failure =
        Await.failure(
            connector.send(
                UpstreamRequest.of(
                    Endpoint.CHAT_COMPLETIONS,
                    json(
                        "{\"model\":\"llama\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{}}]}]}"))),
            UpstreamFailure.class);
    assertEquals(UpstreamFailure.Kind.INVALID_REQUEST, failure.kind());
    assertEquals(400, failure.httpStatus());
    assertEquals(before, upstream.requests().size());
  }

  @Test
  void modelsComeFromTheRepositoryIndex() {
    ObjectNode models = Await.result(connector.listModels());
    assertEquals(1, models.path("data").size(), "only READY models");
    assertEquals("llama", models.at("/data/0/id").asText());
    assertEquals("/v2/repository/index", upstream.lastRequest().path());
  }

  private static List<Double> doubles(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asDouble)
        .toList();
  }
}
