package dev.polder.rego.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs OPA's own conformance cases (directory in system property {@code rego.conformance.dir}) and
 * writes {@code target/conformance-report.json}. Fails if fewer cases pass than the floor in {@code
 * src/test/resources/conformance-floor.txt} (which only ever goes up).
 */
class ConformanceTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void opaConformanceCases() throws IOException {
    String dir = System.getProperty("rego.conformance.dir", "../../shared/opa-conformance/v1");
    Path root = Path.of(dir);
    assertTrue(Files.isDirectory(root), "conformance cases not found at " + root.toAbsolutePath());
    List<ConformanceCase> cases = load(root);

    Map<String, int[]> folders = new TreeMap<>(); // total, passed, failed, skipped
    ArrayNode failures = JSON.createArrayNode();
    ArrayNode skips = JSON.createArrayNode();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (ConformanceCase c : cases) {
      int[] f = folders.computeIfAbsent(c.folder(), k -> new int[4]);
      f[0]++;
      String skip = c.skipReason();
      if (skip != null) {
        skipped++;
        f[3]++;
        skips.addObject().put("note", c.note()).put("reason", skip);
        continue;
      }
      String failure = ConformanceRunner.run(c);
      if (failure == null) {
        passed++;
        f[1]++;
      } else {
        failed++;
        f[2]++;
        String msg = failure.length() > 600 ? failure.substring(0, 600) + "..." : failure;
        failures
            .addObject()
            .put("note", c.note())
            .put("file", root.relativize(c.file()).toString())
            .put("reason", msg);
      }
    }
    ObjectNode report = JSON.createObjectNode();
    report
        .put("total", cases.size())
        .put("passed", passed)
        .put("failed", failed)
        .put("skipped", skipped);
    ObjectNode perFolder = report.putObject("folders");
    folders.forEach(
        (k, v) ->
            perFolder
                .putObject(k)
                .put("total", v[0])
                .put("passed", v[1])
                .put("failed", v[2])
                .put("skipped", v[3]));
    report.set("skips", skips);
    report.set("failures", failures);
    Path out = Path.of("target", "conformance-report.json");
    Files.createDirectories(out.getParent());
    JSON.writeValue(out.toFile(), report);
    System.out.printf(
        "conformance: %d passed, %d failed, %d skipped of %d%n",
        passed, failed, skipped, cases.size());

    int floor =
        Integer.parseInt(
            new String(getClass().getResourceAsStream("/conformance-floor.txt").readAllBytes())
                .trim());
    assertTrue(passed >= floor, "conformance dropped below the floor: " + passed + " < " + floor);
  }

  private static List<ConformanceCase> load(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    List<ConformanceCase> cases = new ArrayList<>();
    for (Path f : files) {
      JsonNode doc = YAML.readTree(f.toFile());
      String folder = root.relativize(f).getName(0).toString();
      for (JsonNode c : doc.path("cases")) {
        cases.add(ConformanceCase.of(f, folder, c));
      }
    }
    return cases;
  }
}
