package dev.polder.connectors.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.connectors.api.BackendSpec;
import dev.polder.connectors.api.Endpoint;
import dev.polder.connectors.api.UpstreamRequest;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each provider receives for a given request: the quirks as a table. */
class OpenAiDialectTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  static Stream<Arguments> table() {
    String streamed = "{\"model\":\"m\",\"messages\":[],\"max_completion_tokens\":5,\"x\":1}";
    String plain =
        "{\"model\":\"m\",\"messages\":[],\"stream\":true,\"stream_options\":{\"include_usage\":false},\"max_completion_tokens\":5}";
    return Stream.of(
        Arguments.of(
            new OpenAiVllmDialect(),
            streamed,
            true,
            "{\"model\":\"m\",\"messages\":[],\"max_completion_tokens\":5,\"x\":1,\"stream\":true,\"stream_options\":{\"include_usage\":true}}"),
        Arguments.of(
            new OpenAiSglangDialect(),
            plain,
            false,
            "{\"model\":\"m\",\"messages\":[],\"stream\":false,\"max_completion_tokens\":5}"),
        Arguments.of(
            new OpenAiTgiDialect(),
            streamed,
            true,
            "{\"model\":\"tgi\",\"messages\":[],\"x\":1,\"stream\":true,\"max_tokens\":5}"),
        Arguments.of(
            new OpenAiOllamaDialect(),
            streamed,
            true,
            "{\"model\":\"m\",\"messages\":[],\"x\":1,\"stream\":true,\"stream_options\":{\"include_usage\":true},\"max_tokens\":5}"),
        Arguments.of(
            new OpenAiExternalDialect("openai"),
            plain,
            true,
            "{\"model\":\"m\",\"messages\":[],\"stream\":true,\"stream_options\":{\"include_usage\":true},\"max_completion_tokens\":5}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void outgoingBody(OpenAiDialect dialect, String request, boolean stream, String expected)
      throws Exception {
    BackendSpec spec = BackendSpec.builder("b", dialect.provider(), "http://127.0.0.1:1").build();
    OpenAiCompatibleClient client = new OpenAiCompatibleClient(vertx, spec, dialect);
    ObjectNode body = (ObjectNode) JSON.readTree(request);
    ObjectNode sent =
        client.outgoingBody(new UpstreamRequest(Endpoint.CHAT_COMPLETIONS, body, stream, Map.of()));
    assertEquals(JSON.readTree(expected), sent);
    client.close();
  }
}
