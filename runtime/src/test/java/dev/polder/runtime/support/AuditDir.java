package dev.polder.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The audit folder of the gateway under test, and its records as JSON. */
public record AuditDir(Path folder) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static AuditDir create() {
    try {
      return new AuditDir(Files.createTempDirectory("polder-audit-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log files in chain order. */
  public List<Path> files() {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every record written so far, in order. */
  public List<JsonNode> records() {
    List<JsonNode> records = new ArrayList<>();
    try {
      for (Path file : files()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            records.add(JSON.readTree(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  /** The records of one request (there must be exactly one). */
  public List<JsonNode> recordsOf(String requestId) {
    return records().stream().filter(r -> requestId.equals(r.path("requestId").asText())).toList();
  }

  public void delete() {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
