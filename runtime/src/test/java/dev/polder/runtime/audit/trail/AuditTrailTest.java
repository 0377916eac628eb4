package dev.polder.runtime.audit.trail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.polder.runtime.audit.AuditVerifyCommand;
import dev.polder.runtime.support.AuditDir;
import dev.polder.runtime.support.Clients;
import dev.polder.runtime.support.GatewayTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request leaves exactly one record, already on disk when the caller has its answer; the
 * records follow the published schema and their chain verifies; an altered record is detected; and
 * a log that cannot write fails the request instead of losing its record.
 */
@QuarkusTest
@QuarkusTestResource(GatewayTestResource.class)
class AuditTrailTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = GatewayTestResource.KEY_ALL;
  private static Schema schema;

  @TestHTTPResource("/")
  URI gateway;

  AuditDir audit;

  @Inject AuditTrail trail;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = AuditTrailTest.class.getResourceAsStream("/audit-record.schema.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(JSON.readTree(in));
    }
  }

  @Test
  void everyKindOfRequestHasExactlyOneRecordWhenItsAnswerArrives() {
    record Sent(HttpResponse<String> response, int status, String error) {}
    String stream =
        "{\"model\":\"plain\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    List<Sent> sent =
        List.of(
            new Sent(
                Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("plain")),
                200,
                null),
            new Sent(Clients.post(gateway, "/v1/chat/completions", KEY, stream), 200, null),
            new Sent(
                Clients.post(
                    gateway, "/v1/chat/completions", "polder-demo-key", Clients.chat("outside")),
                403,
                "egress_denied"),
            new Sent(
                Clients.post(gateway, "/v1/chat/completions", null, Clients.chat("plain")),
                401,
                "invalid_api_key"),
            new Sent(
                Clients.post(gateway, "/v1/chat/completions", KEY, "{\"model\":\"plain\","),
                400,
                "invalid_json"),
            new Sent(
                Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("missing")),
                404,
                "model_not_found"),
            new Sent(Clients.post(gateway, "/v1/nowhere", KEY, "{}"), 404, "not_found"),
            new Sent(
                Clients.post(gateway, "/v1/chat/completions", KEY, new byte[70_000]),
                413,
                "request_too_large"),
            new Sent(
                Clients.send(
                    HttpRequest.newBuilder(gateway.resolve("/v1/models"))
                        .header("Authorization", "Bearer " + KEY)
                        .build()),
                200,
                null));
    for (Sent s : sent) {
      HttpResponse<String> response = s.response();
      assertEquals(s.status(), response.statusCode(), response.body());
      String requestId = response.headers().firstValue("x-polder-request-id").orElseThrow();
      // Read at once: the record must be on disk before the answer was sent.
      List<JsonNode> records = audit.recordsOf(requestId);
      assertEquals(1, records.size(), "records of " + requestId + ": " + records);
      JsonNode record = records.get(0);
      assertEquals(s.status(), record.path("status").asInt(), record.toString());
      if (s.error() != null) {
        assertEquals(s.error(), record.path("error").asText(), record.toString());
      }
    }
    for (JsonNode record : audit.records()) {
      List<Error> problems = schema.validate(record);
      assertTrue(problems.isEmpty(), record + " breaks the schema: " + problems);
    }
    assertEquals(0, verify(audit.folder()), "the gateway's chain must verify");
  }

  @Test
  void recordTellsWhoAskedWhatWasDecidedAndKeepsContentAsTheLogModeSays() throws Exception {
    HttpResponse<String> ok =
        Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("plain"));
    assertEquals(200, ok.statusCode());
    JsonNode record = only(ok);
    assertEquals("svc-all", record.path("principal").asText());
    assertEquals("/v1/chat/completions", record.path("endpoint").asText());
    assertEquals("plain", record.path("virtualModel").asText());
    assertEquals("a", record.path("backend").asText());
    assertFalse(record.path("egress").asBoolean());
    assertTrue(
        Set.of("public", "internal").contains(record.path("classification").asText()),
        record.toString());
    JsonNode decision = record.path("decision");
    assertTrue(decision.path("bundleHash").asText().length() >= 16, decision.toString());
    assertEquals("allow", decision.path("outcome").asText());
    assertFalse(decision.path("steps").isEmpty(), decision.toString());
    assertTrue(record.path("tokens").path("input").asInt() > 0, record.toString());
    // The test keys are of environment "dev": the shipped policy logs their prompts in full.
    assertEquals("full", record.path("logMode").asText());
    assertTrue(record.path("prompt").asText().contains("\"hi\""), record.toString());
    String answer =
        JSON.readTree(ok.body()).path("choices").path(0).path("message").path("content").asText();
    assertEquals(answer, record.path("answer").asText());

    HttpResponse<String> outside =
        Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("outside"));
    assertEquals(200, outside.statusCode(), outside.body());
    JsonNode egress = only(outside);
    assertTrue(egress.path("egress").asBoolean(), egress.toString());
    assertEquals("external", egress.path("backend").asText());

    HttpResponse<String> traced =
        Clients.send(
            HttpRequest.newBuilder(gateway.resolve("/v1/chat/completions"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(Clients.chat("plain")))
                .build());
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", only(traced).path("traceId").asText());

    HttpResponse<String> anonymous =
        Clients.post(gateway, "/v1/chat/completions", null, Clients.chat("plain"));
    JsonNode refused = only(anonymous);
    assertTrue(refused.path("principal").isNull());
    assertEquals("metadata_only", refused.path("logMode").asText(), "the configured default");
    assertTrue(refused.path("prompt").isNull());
  }

  @Test
  void streamIsRecordedBeforeItsLastEvent() {
    String stream =
        "{\"model\":\"plain\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    HttpResponse<String> response = Clients.post(gateway, "/v1/chat/completions", KEY, stream);
    assertEquals(200, response.statusCode());
    assertTrue(response.body().trim().endsWith("data: [DONE]"), response.body());
    JsonNode record = only(response);
    assertEquals(200, record.path("status").asInt());
    assertTrue(record.path("error").isNull(), record.toString());
    assertEquals("a", record.path("backend").asText());
    assertFalse(record.path("answer").asText("").isEmpty(), record.toString());
  }

  @Test
  void alteredRecordIsDetected(@TempDir Path copy) throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(
          200,
          Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("plain")).statusCode());
    }
    for (Path file : Files.list(audit.folder()).toList()) {
      Files.copy(file, copy.resolve(file.getFileName()));
    }
    assertEquals(0, verify(copy));
    Path newest = audit.files().get(audit.files().size() - 1).getFileName();
    List<String> lines = Files.readAllLines(copy.resolve(newest));
    int victim = lines.size() - 2;
    ObjectNode altered = (ObjectNode) JSON.readTree(lines.get(victim));
    altered.put("status", 403);
    lines.set(victim, JSON.writeValueAsString(altered));
    Files.write(copy.resolve(newest), lines);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(1, verify(copy, err));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("record altered"), err.toString());
  }

  @Test
  void requestFailsWhenItsRecordCannotBeWritten() {
    trail.close(null);
    try {
      HttpResponse<String> response =
          Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("plain"));
      assertEquals(500, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"code\":\"audit_unavailable\""), response.body());
      String stream =
          "{\"model\":\"plain\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
      HttpResponse<String> streamed = Clients.post(gateway, "/v1/chat/completions", KEY, stream);
      assertFalse(streamed.body().contains("[DONE]"), streamed.body());
      assertTrue(streamed.body().contains("audit_unavailable"), streamed.body());
    } finally {
      trail.open(null);
    }
    HttpResponse<String> again =
        Clients.post(gateway, "/v1/chat/completions", KEY, Clients.chat("plain"));
    assertEquals(200, again.statusCode());
    assertNotNull(only(again));
    assertEquals(0, verify(audit.folder()), "the chain goes on after the log was reopened");
  }

  private JsonNode only(HttpResponse<String> response) {
    String requestId = response.headers().firstValue("x-polder-request-id").orElseThrow();
    List<JsonNode> records = audit.recordsOf(requestId);
    assertEquals(1, records.size(), "records of " + requestId + ": " + records);
    return records.get(0);
  }

  private static int verify(Path folder) {
    return verify(folder, new ByteArrayOutputStream());
  }

  private static int verify(Path folder, ByteArrayOutputStream err) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    return AuditVerifyCommand.run(
        new String[] {"verify", folder.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
