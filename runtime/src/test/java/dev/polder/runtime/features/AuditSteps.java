package dev.polder.runtime.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polder.runtime.audit.AuditVerifyCommand;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Steps about the audit log of the gateway under test. */
public class AuditSteps {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Path copy;
  private long changedSeq;

  @Then("the audit log holds one record of that request with status {int} and principal {string}")
  public void oneRecordWithPrincipal(int status, String principal) {
    JsonNode record = recordOfLastResponse();
    assertEquals(status, record.path("status").asInt(), record.toString());
    assertEquals(principal, record.path("principal").asText(), record.toString());
  }

  @Then("the audit log holds one record of that request with status {int} and no principal")
  public void oneRecordWithoutPrincipal(int status) {
    JsonNode record = recordOfLastResponse();
    assertEquals(status, record.path("status").asInt(), record.toString());
    assertTrue(record.path("principal").isNull(), record.toString());
  }

  @Then("the audit log verifies")
  public void logVerifies() {
    assertEquals(0, verify(GatewayWorld.audit.folder(), new ByteArrayOutputStream()));
  }

  @Given("a copy of the audit log")
  public void copyOfTheLog() throws IOException {
    copy = Files.createTempDirectory("polder-audit-copy-");
    try (Stream<Path> files = Files.list(GatewayWorld.audit.folder())) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
  }

  @When("a record in the copy is changed")
  public void changeARecord() throws IOException {
    List<Path> files = GatewayWorld.audit.files();
    Path file = copy.resolve(files.get(files.size() - 1).getFileName());
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.size() >= 2, "the scenario needs two records in the newest file");
    int victim = lines.size() - 2;
    ObjectNode record = (ObjectNode) JSON.readTree(lines.get(victim));
    changedSeq = record.path("seq").asLong();
    record.put("principal", "someone-else");
    lines.set(victim, JSON.writeValueAsString(record));
    Files.write(file, lines);
  }

  @Then("verifying the copy reports that record as altered")
  public void copyFailsVerification() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(1, verify(copy, err));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("record altered: seq " + changedSeq + " "), message);
  }

  @After
  public void deleteCopy() throws IOException {
    if (copy == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(copy)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static JsonNode recordOfLastResponse() {
    String requestId =
        GatewayWorld.lastResponse.headers().firstValue("x-polder-request-id").orElseThrow();
    List<JsonNode> records = GatewayWorld.audit.recordsOf(requestId);
    assertEquals(1, records.size(), "records of request " + requestId + ": " + records);
    return records.get(0);
  }

  private static int verify(Path folder, ByteArrayOutputStream err) {
    return AuditVerifyCommand.run(
        new String[] {"verify", folder.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
