package dev.polder.connectors.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.ConnectorFactory;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.ModelConnector;
import dev.polder.connectors.api.SseEvent;
import dev.polder.connectors.api.StreamResult;
import dev.polder.connectors.api.UpstreamRequest;
import dev.polder.connectors.api.UpstreamResponse;
import dev.polder.connectors.testing.Await;
import dev.polder.connectors.testing.StreamCollector;
import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EchoClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;
  private static ModelConnector echo;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    echo = new ConnectorFactory(vertx).create(BackendSpec.builder("echo", "echo", null).build());
  }

  @AfterAll
  static void stop() {
    Await.result(vertx.close());
  }

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void chatAnswersWithExactlyTheMessagesItReceived() throws Exception {
    ObjectNode request =
        json(
            "{\"model\":\"default\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"Mail [EMAIL_1]\"}]}");
    UpstreamResponse.Complete response =
        (UpstreamResponse.Complete)
            Await.result(echo.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, request)));
    String content = response.json().at("/choices/0/message/content").asText();
    assertEquals(request.get("messages"), JSON.readTree(content));
    assertEquals("chat.completion", response.json().path("object").asText());
    assertEquals("default", response.json().path("model").asText());
    assertEquals("stop", response.json().at("/choices/0/finish_reason").asText());
    assertTrue(response.usage().orElseThrow().promptTokens() > 0);
  }

  @Test
  void streamedChatIsChunkedWithUsageAndDone() throws Exception {
    ObjectNode request =
        json(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    UpstreamResponse response =
        Await.result(echo.send(UpstreamRequest.of(Endpoint.CHAT_COMPLETIONS, request)));
    List<SseEvent> events = StreamCollector.collect(response).awaitEnd();
    assertTrue(events.size() > 4);
    assertEquals(request.get("messages"), JSON.readTree(StreamCollector.text(events)));
    assertEquals(SseEvent.Kind.DONE, events.get(events.size() - 1).kind());
    assertTrue(events.get(events.size() - 2).json().path("usage").isObject());
    StreamResult result = Await.result(((UpstreamResponse.Streaming) response).result());
    assertEquals(
        result.usage().orElseThrow().completionTokens(),
        events.get(events.size() - 2).json().at("/usage/completion_tokens").asLong());
  }

  @Test
  void completionsEchoThePrompt() throws Exception {
    UpstreamResponse.Complete response =
        (UpstreamResponse.Complete)
            Await.result(
                echo.send(
                    UpstreamRequest.of(Endpoint.COMPLETIONS, json("{\"prompt\":\"Say this\"}"))));
    assertEquals("Say this", response.json().at("/choices/0/text").asText());
    assertEquals("echo", response.json().path("model").asText());
  }

  @Test
  void embeddingsAreDeterministicUnitVectors() throws Exception {
    ObjectNode request = json("{\"model\":\"e\",\"input\":[\"a\",\"b\",\"a\"],\"dimensions\":32}");
    ObjectNode first =
        ((UpstreamResponse.Complete)
                Await.result(echo.send(UpstreamRequest.of(Endpoint.EMBEDDINGS, request))))
            .json();
    ObjectNode second =
        ((UpstreamResponse.Complete)
                Await.result(echo.send(UpstreamRequest.of(Endpoint.EMBEDDINGS, request))))
            .json();
    assertEquals(first, second);
    assertEquals(32, first.at("/data/0/embedding").size());
    assertEquals(first.at("/data/0/embedding"), first.at("/data/2/embedding"));
    assertNotEquals(first.at("/data/0/embedding"), first.at("/data/1/embedding"));
    double norm = 0;
    for (var value : first.at("/data/1/embedding")) {
      norm += value.asDouble() * value.asDouble();
    }
    assertEquals(1.0, norm, 1e-5);
  }

  @Test
  void listsItsModel() {
    assertEquals("echo", Await.result(echo.listModels()).at("/data/0/id").asText());
  }
}
