package dev.polder.runtime.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.connectors.testing.Behaviours;
import dev.polder.runtime.support.GatewayTestResource;
import dev.polder.runtime.support.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SSE is relayed event by event as it arrives, not collected first. */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class StreamRelayTest {

  @TestHTTPResource("/")
  URI gateway;

  Upstreams upstreams;

  private static String chunk(String text) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + text
        + "\"},\"finish_reason\":null}]}";
  }

  @Test
  void firstEventReachesTheClientBeforeTheUpstreamSendsTheRest() throws Exception {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    upstreams
        .get("a")
        .enqueue(Behaviours.sseGated(chunk("first"), gate, chunk("second"), "[DONE]"));
    HttpRequest request =
        HttpRequest.newBuilder(gateway.resolve("/v1/chat/completions"))
            .header("Authorization", "Bearer " + GatewayTestResource.KEY_ALL)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\":\"plain\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
            .build();
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
            .get(10, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      // The upstream holds everything after the first event until the gate opens, so reading it
      // here proves the gateway forwarded it alone.
      String first =
          CompletableFuture.supplyAsync(() -> readEvent(reader)).get(10, TimeUnit.SECONDS);
      assertTrue(first.contains("first"), first);
      gate.complete(null);
      List<String> rest = new ArrayList<>();
      for (String event = readEvent(reader); event != null; event = readEvent(reader)) {
        rest.add(event);
      }
      assertTrue(rest.get(0).contains("second"), rest.toString());
      assertEquals("data: [DONE]", rest.get(rest.size() - 1));
    }
  }

  private static String readEvent(BufferedReader reader) {
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty()) {
          return line;
        }
      }
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
