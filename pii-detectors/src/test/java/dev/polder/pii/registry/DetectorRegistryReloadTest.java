package dev.polder.pii.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectionEngine;
import dev.polder.pii.detect.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorRegistryReloadTest {

  static final String EMPLOYEE_IDS =
      """
      version: 1
      detectors:
        - name: employee-id
          kind: pattern
          entity: EMPLOYEE_ID
          patterns: [{regex: '\\bE\\d{6}\\b', score: 0.9}]
      """;

  static final String CODENAMES =
      """
      version: 1
      detectors:
        - name: codenames
          kind: dictionary
          entity: PROJECT_CODENAME
          file: dictionaries/codenames.txt
      """;

  @TempDir Path dir;

  private List<String> types(DetectionEngine engine, String text) {
    return engine.detect(text, DetectionContext.anyLanguage()).stream().map(Finding::type).toList();
  }

  @Test
  void reloadSwapsDetectorsAndKeepsOldOnesWhenTheNewFileIsInvalid() throws Exception {
    Path file = dir.resolve("detectors.yaml");
    Files.writeString(file, EMPLOYEE_IDS);
    Files.createDirectories(dir.resolve("dictionaries"));
    Files.writeString(dir.resolve("dictionaries/codenames.txt"), "# names\nBlue Heron\n");
    DetectorRegistry registry = DetectorRegistry.fromFile(file);
    DetectionEngine engine = new DetectionEngine(registry);
    String text = "E123456 works on Blue Heron";
    assertEquals(List.of("EMPLOYEE_ID"), types(engine, text));

    Files.writeString(file, CODENAMES);
    assertTrue(registry.reload());
    assertEquals(List.of("PROJECT_CODENAME"), types(engine, text));

    Files.writeString(file, CODENAMES.replace("dictionary", "dictionry"));
    RegistryException e = assertThrows(RegistryException.class, registry::reload);
    assertTrue(e.getMessage().startsWith("detectors.yaml: detector 'codenames': unknown kind"));
    assertEquals(List.of("PROJECT_CODENAME"), types(engine, text), "old detectors keep serving");
  }

  @Test
  void watcherReloadsOnChangeAndReportsInvalidFiles() throws Exception {
    Path file = dir.resolve("detectors.yaml");
    Files.writeString(file, EMPLOYEE_IDS);
    Files.createDirectories(dir.resolve("dictionaries"));
    Files.writeString(dir.resolve("dictionaries/codenames.txt"), "Blue Heron\n");
    DetectorRegistry registry = DetectorRegistry.fromFile(file);
    DetectionEngine engine = new DetectionEngine(registry);
    BlockingQueue<String> events = new ArrayBlockingQueue<>(16);
    try (RegistryWatcher watcher =
        RegistryWatcher.start(
            registry,
            Duration.ofMillis(50),
            () -> events.add("reloaded"),
            error -> events.add("error: " + error.getMessage()))) {
      Files.writeString(file, CODENAMES);
      assertEquals("reloaded", events.poll(20, TimeUnit.SECONDS));
      assertEquals(List.of("PROJECT_CODENAME"), types(engine, "Blue Heron"));

      // A dictionary edit alone triggers a reload too.
      Files.writeString(dir.resolve("dictionaries/codenames.txt"), "Grey Heron\n");
      assertEquals("reloaded", events.poll(20, TimeUnit.SECONDS));
      assertEquals(List.of("PROJECT_CODENAME"), types(engine, "Grey Heron"));

      Files.writeString(file, "version: 1\ndetectors: []\n");
      assertEquals(
          "error: detectors.yaml: 'detectors' must be a non-empty list",
          events.poll(20, TimeUnit.SECONDS));
      assertEquals(List.of("PROJECT_CODENAME"), types(engine, "Grey Heron"));
    }
  }
}
