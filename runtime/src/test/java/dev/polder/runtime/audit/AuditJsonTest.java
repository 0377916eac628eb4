package dev.polder.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditJsonTest {

  @Test
  void recordBytesAreCanonicalAndSurviveARoundTrip() throws Exception {
    AuditRecord record = TestRecords.record("req-1");
    byte[] line = AuditJson.line(7, ChainHash.GENESIS, AuditJson.recordBytes(record));

    AuditRecord parsed = AuditJson.parseRecord(line);

    assertEquals(record, parsed);
    assertArrayEquals(line, AuditJson.line(7, ChainHash.GENESIS, AuditJson.recordBytes(parsed)));
  }

  @Test
  void lineStartsWithChainFieldsThenFieldsInSchemaOrder() {
    String line =
        new String(
            AuditJson.line(7, ChainHash.GENESIS, AuditJson.recordBytes(TestRecords.record("r"))),
            StandardCharsets.UTF_8);

    assertTrue(
        line.startsWith("{\"v\":1,\"seq\":7,\"prev\":\"" + ChainHash.GENESIS + "\",\"time\":"));
    List<String> order =
        List.of(
            "\"time\"",
            "\"requestId\"",
            "\"traceId\"",
            "\"principal\"",
            "\"endpoint\"",
            "\"virtualModel\"",
            "\"backend\"",
            "\"egress\"",
            "\"classification\"",
            "\"findings\"",
            "\"decision\"",
            "\"redactions\"",
            "\"tokens\"",
            "\"cost\"",
            "\"latencyMs\"",
            "\"status\"",
            "\"error\"",
            "\"logMode\"",
            "\"prompt\"",
            "\"answer\"");
    int at = 0;
    for (String field : order) {
      int next = line.indexOf(field + ":", at);
      assertTrue(next > at, field + " out of order in " + line);
      at = next;
    }
    assertTrue(line.contains("\"time\":\"2026-01-01T12:00:00.123456Z\""), line);
    assertTrue(line.contains("\"findings\":{\"EMAIL\":2,\"IBAN\":1}"), line);
    assertTrue(line.contains("\"cost\":0.000540"), line);
    assertTrue(line.contains("\"logMode\":\"redacted\""), line);
    assertTrue(!line.contains("\n") && !line.contains(": "), line);
  }

  @Test
  void publishedSchemaListsExactlyTheFieldsOfALineInTheirOrder() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode schema;
    try (var in = AuditJson.class.getResourceAsStream("/audit-record.schema.json")) {
      schema = mapper.readTree(in);
    }
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(name -> required.add(name.asText()));
    List<String> properties = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(properties::add);
    List<String> written = new ArrayList<>();
    mapper
        .readTree(
            AuditJson.line(1, ChainHash.GENESIS, AuditJson.recordBytes(TestRecords.record("r"))))
        .fieldNames()
        .forEachRemaining(written::add);

    assertEquals(written, required);
    assertEquals(written, properties);
  }

  @Test
  void metadataOnlyForbidsPromptAndAnswer() {
    AuditRecord r = TestRecords.record("req-9");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AuditRecord(
                    r.time(),
                    r.requestId(),
                    r.traceId(),
                    r.principal(),
                    r.endpoint(),
                    r.virtualModel(),
                    r.backend(),
                    r.egress(),
                    r.classification(),
                    r.findings(),
                    r.decision(),
                    r.redactions(),
                    r.tokens(),
                    r.cost(),
                    r.latencyMs(),
                    r.status(),
                    r.error(),
                    LogMode.METADATA_ONLY,
                    "the prompt",
                    null));
    assertEquals(
        "audit record: log mode metadata_only forbids prompt and answer (request req-9)",
        e.getMessage());
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AuditRecord(
                    Instant.EPOCH,
                    " ",
                    null,
                    null,
                    "/v1/models",
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    200,
                    null,
                    LogMode.METADATA_ONLY,
                    null,
                    null));
    assertEquals("audit record: requestId is required", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json|invalid JSON",
        "[1,2]|not a JSON object",
        "{\"v\":2,\"seq\":1,\"prev\":\""
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "\"}|missing or unknown layout version \"v\"",
        "{\"v\":1,\"prev\":\""
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "\"}|missing or invalid \"seq\"",
        "{\"v\":1,\"seq\":3,\"prev\":\"abc\"}|missing or invalid \"prev\"",
        "{\"v\":1,\"seq\":3,\"prev\":\""
            + "0000000000000000000000000000000000000000000000000000000000000000"
            + "\"} {}|not a single JSON object",
      })
  void malformedLinesAreNamed(String line, String problem) {
    AuditJson.MalformedLineException e =
        assertThrows(
            AuditJson.MalformedLineException.class,
            () -> AuditJson.chainFields(line.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith(problem), e.getMessage());
  }
}
