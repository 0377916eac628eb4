package dev.polder.connectors.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {

  static Stream<Arguments> streams() {
    return Stream.of(
        Arguments.of("LF", "data: a\n\ndata: b\n\n", List.of("a", "b"), false),
        Arguments.of("CRLF", "data: a\r\n\r\ndata: b\r\n\r\n", List.of("a", "b"), false),
        Arguments.of("no space after colon", "data:a\n\n", List.of("a"), false),
        Arguments.of("multi-line data", "data: a\ndata: b\n\n", List.of("a\nb"), false),
        Arguments.of(
            "comments and other fields",
            ": ping\nid: 7\nretry: 10\ndata: x\n\n",
            List.of("x"),
            false),
        Arguments.of("blank lines without data", "\n\n\ndata: x\n\n", List.of("x"), false),
        Arguments.of("unterminated event", "data: a\n\ndata: b\n", List.of("a"), true),
        Arguments.of("half a line", "data: a\n\ndata: {\"id", List.of("a"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void parsesWhateverTheChunkBoundaries(
      String name, String body, List<String> expected, boolean partial) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    // Every split point must give the same events: network chunks fall anywhere.
    for (int split = 0; split <= bytes.length; split++) {
      SseParser parser = new SseParser();
      List<String> data = new ArrayList<>();
      parser
          .feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, 0, split)))
          .forEach(e -> data.add(e.data()));
      parser
          .feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, split, bytes.length)))
          .forEach(e -> data.add(e.data()));
      assertEquals(expected, data, name + " split at " + split);
      assertEquals(partial, parser.hasPartialEvent(), name + " split at " + split);
    }
  }

  @Test
  void multiByteCharactersSplitAcrossChunksDecode() {
    byte[] bytes = "data: Grüße 😀\n\n".getBytes(StandardCharsets.UTF_8);
    SseParser parser = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    for (byte b : bytes) {
      events.addAll(parser.feed(Buffer.buffer(new byte[] {b})));
    }
    assertEquals("Grüße 😀", events.get(0).data());
  }

  @Test
  void eventNameIsKept() {
    List<SseParser.Event> events = new SseParser().feed(Buffer.buffer("event: error\ndata: x\n\n"));
    assertEquals(new SseParser.Event("error", "x"), events.get(0));
  }

  @Test
  void oversizedEventIsRefused() {
    SseParser parser = new SseParser(64);
    assertThrows(
        IllegalStateException.class, () -> parser.feed(Buffer.buffer("data: " + "x".repeat(100))));
  }
}
