import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;

/**
 * A fast OpenAI-compatible upstream for the load test: fixed chat completion, or an SSE stream of
 * five chunks, a usage chunk and [DONE]. Run with Java's single-file launcher:
 * java -cp <vertx classpath> MockUpstream.java <port>
 */
public class MockUpstream {

  static final Buffer COMPLETION =
      Buffer.buffer(
          "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
              + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
              + "\"content\":\"Hello from the mock upstream.\"},\"finish_reason\":\"stop\"}],"
              + "\"usage\":{\"prompt_tokens\":250,\"completion_tokens\":7,\"total_tokens\":257}}");

  static Buffer chunk(String content, String finish) {
    return Buffer.buffer(
        "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{"
            + (content == null ? "" : "\"content\":\"" + content + "\"")
            + "},\"finish_reason\":"
            + (finish == null ? "null" : "\"" + finish + "\"")
            + "}]}\n\n");
  }

  static final Buffer[] STREAM = {
    chunk("Hello", null), chunk(" from", null), chunk(" the", null), chunk(" mock", null),
    chunk(null, "stop"),
    Buffer.buffer(
        "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
            + "\"model\":\"bench\",\"choices\":[],\"usage\":{\"prompt_tokens\":250,"
            + "\"completion_tokens\":4,\"total_tokens\":254}}\n\n"),
    Buffer.buffer("data: [DONE]\n\n")
  };

  public static void main(String[] args) {
    int port = Integer.parseInt(args.length > 0 ? args[0] : "9100");
    Vertx vertx = Vertx.vertx();
    vertx
        .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(
            request ->
                request
                    .body()
                    .onSuccess(
                        body -> {
                          HttpServerResponse response = request.response();
                          if (body.toString().contains("\"stream\":true")) {
                            response.setChunked(true).putHeader("content-type", "text/event-stream");
                            for (Buffer event : STREAM) {
                              response.write(event);
                            }
                            response.end();
                          } else {
                            response.putHeader("content-type", "application/json").end(COMPLETION);
                          }
                        }))
        .listen()
        .onSuccess(s -> System.out.println("mock upstream listening on " + s.actualPort()))
        .onFailure(
            e -> {
              e.printStackTrace();
              System.exit(1);
            });
  }
}
