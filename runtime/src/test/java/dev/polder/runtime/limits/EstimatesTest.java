package dev.polder.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.config.GatewayConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Token estimates, prices and windows: the numbers a reservation is made of. */
class EstimatesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void promptEstimateCountsTextAtFourCharactersAndAddsPerMessageOverhead() throws Exception {
    ObjectNode chat =
        json(
            "{\"messages\":[{\"role\":\"user\",\"content\":\"12345678\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"abcd\"}]}]}");
    // "user"×2 + "12345678" + "text" + "abcd" = 24 characters → 6 tokens; 2 messages → 4×2 + 3.
    assertEquals(6 + 11, TokenEstimate.promptTokens(chat));
    assertEquals(3, TokenEstimate.promptTokens(json("{\"input\":[101,102,103]}")));
    assertEquals(0, TokenEstimate.promptTokens(null));
  }

  @Test
  void completionReservationIsMaxTokensTimesNOrTheDefault() throws Exception {
    assertEquals(
        200, TokenEstimate.completionTokens(json("{\"max_tokens\":100,\"n\":2}"), false, 7));
    assertEquals(
        50,
        TokenEstimate.completionTokens(
            json("{\"max_tokens\":100,\"max_completion_tokens\":50}"), false, 7));
    assertEquals(7, TokenEstimate.completionTokens(json("{}"), false, 7));
    assertEquals(0, TokenEstimate.completionTokens(json("{\"max_tokens\":100}"), true, 7));
  }

  @Test
  void pricesAreExactInNanoUnitsAndRoundUp() {
    PriceTable prices = new PriceTable(Map.of("vllm", price("0.10", "0.40")));
    assertEquals(100L * 1000 + 400L * 10, prices.costNanos("vllm", 1000, 10));
    assertEquals(0, prices.costNanos("unpriced", 1000, 10));
    PriceTable fractional = new PriceTable(Map.of("x", price("0.0001", "0")));
    assertEquals(1, fractional.costNanos("x", 1, 0), "0.1 nano-units round up to 1");
    assertEquals(new BigDecimal("0.0015"), PriceTable.toCurrency(1_500_000));
    assertEquals(1_500_000, PriceTable.toNanos(new BigDecimal("0.0015")));
  }

  @Test
  void windowsAreUtcMinutesDaysAndMonths() {
    Instant at = Instant.parse("2026-01-31T23:59:30Z");
    assertEquals(30, Windows.secondsLeftInMinute(at));
    assertEquals(30, Windows.secondsLeftInDay(at));
    assertEquals(30, Windows.secondsLeftInMonth(at));
    assertEquals("d2026-01-31", Windows.day(at));
    assertEquals("M2026-1", Windows.month(at));
    assertTrue(Windows.minute(at).compareTo(Windows.minute(at.plusSeconds(30))) != 0);
  }

  private static GatewayConfig.Price price(String input, String output) {
    return new GatewayConfig.Price() {
      public BigDecimal input() {
        return new BigDecimal(input);
      }

      public BigDecimal output() {
        return new BigDecimal(output);
      }
    };
  }
}
