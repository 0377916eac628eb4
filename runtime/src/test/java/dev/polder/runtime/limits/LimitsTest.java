package dev.polder.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Limits and budgets at the edge: 429 in OpenAI's shape with Retry-After, tokens reserved before
 * the call and settled with the real usage after it (streams included).
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class LimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI gateway;

  @Inject LimitCounters counters;

  @Test
  void requestsPerMinuteOfAKeyRefuseTheNextWith429AndRetryAfter() throws Exception {
    awayFromTheEndOfAMinute();
    for (int i = 0; i < 3; i++) {
      assertEquals(200, chat(GatewayTestResource.KEY_RATED, 5, false).statusCode());
    }
    HttpResponse<String> refused = chat(GatewayTestResource.KEY_RATED, 5, false);
    assertEquals(429, refused.statusCode(), refused.body());
    JsonNode error = JSON.readTree(refused.body()).path("error");
    assertEquals("rate_limit_exceeded", error.path("code").asText());
    assertEquals("requests", error.path("type").asText());
    assertTrue(error.path("message").asText().contains("key 'rated'"), refused.body());
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
  }

  @Test
  void reservedTokensAreSettledWithTheRealUsageStreamsIncluded() throws Exception {
    awayFromTheEndOfAMinute();
    // Each call reserves its prompt estimate + 60 tokens, but the upstream reports 11: without
    // settling, the third call would not fit in 150 tokens per minute.
    String counter = "tpm|key:tokens|" + Windows.minute(Instant.now());
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> response = chat(GatewayTestResource.KEY_TOKENS, 60, i % 2 == 1);
      assertEquals(200, response.statusCode(), "call " + i + ": " + response.body());
      // The after-route settles once the response has ended: wait for it, not for a time.
      awaitCounter(Charge.Kind.TOKENS, counter, 11L * (i + 1));
    }
    HttpResponse<String> tooBig = chat(GatewayTestResource.KEY_TOKENS, 120, false);
    assertEquals(429, tooBig.statusCode(), tooBig.body());
    JsonNode error = JSON.readTree(tooBig.body()).path("error");
    assertEquals("rate_limit_exceeded", error.path("code").asText());
    assertEquals("tokens", error.path("type").asText());
    assertTrue(tooBig.headers().firstValue("Retry-After").isPresent());
  }

  @Test
  void aTeamThatSpentItsDailyBudgetIsRefusedWithBudgetExceeded() throws Exception {
    String counter = "cost|team:thrifty|" + Windows.day(Instant.now());
    int admitted = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 10; i++) {
      last = chat(GatewayTestResource.KEY_THRIFTY, 10, i % 2 == 0);
      if (last.statusCode() != 200) {
        break;
      }
      admitted++;
      awaitCounter(
          Charge.Kind.COST,
          counter,
          110_000L * admitted); // 11 tokens at 10 per million, in nano-units
    }
    assertEquals(429, last.statusCode(), last.body());
    JsonNode error = JSON.readTree(last.body()).path("error");
    assertEquals("budget_exceeded", error.path("code").asText());
    assertEquals("insufficient_quota", error.path("type").asText());
    assertTrue(error.path("message").asText().contains("team 'thrifty'"), last.body());
    // 0.0005 a day; a call reserves 0.0002 and costs 0.00011: three calls fit (0.00033 spent), a
    // fourth could cost more than the 0.00017 left, so it is refused.
    assertEquals(3, admitted);
    long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 86_400, "Retry-After " + retryAfter);
    assertEquals(429, chat(GatewayTestResource.KEY_THRIFTY, 10, true).statusCode());
  }

  private HttpResponse<String> chat(String key, int maxTokens, boolean stream) {
    String body =
        "{\"model\":\"plain\",\"max_tokens\":"
            + maxTokens
            + ",\"stream\":"
            + stream
            + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    HttpResponse<String> response = Clients.post(gateway, "/v1/chat/completions", key, body);
    if (stream && response.statusCode() == 200) {
      assertTrue(response.body().contains("[DONE]"), response.body());
    }
    return response;
  }

  private void awaitCounter(Charge.Kind kind, String counter, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (counters.value(kind, counter) != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(expected, counters.value(kind, counter), counter);
  }

  /** Rate windows are UTC minutes: start a sequence early in one, so it stays in it. */
  private static void awayFromTheEndOfAMinute() throws InterruptedException {
    long second = Instant.now().getEpochSecond() % 60;
    if (second > 40) {
      Thread.sleep((61 - second) * 1000);
    }
  }
}
