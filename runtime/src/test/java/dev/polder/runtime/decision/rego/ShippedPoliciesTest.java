package dev.polder.runtime.decision.rego;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.decision.bundle.BundleSnapshot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every shipped policies/**\/*_test.rego runs through rego-engine and passes. */
class ShippedPoliciesTest {
  @Test
  void shippedRegoTestsPass() throws Exception {
    BundleSnapshot snapshot =
        BundleSnapshot.read(Path.of("..", "rules"), Path.of("..", "policies"));
    Map<String, String> modules = new LinkedHashMap<>();
    snapshot.files().keySet().stream()
        .filter(p -> p.endsWith(".rego"))
        .forEach(p -> modules.put(p, snapshot.text(p)));
    @SuppressWarnings("unchecked")
    Map<String, Object> data =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(snapshot.text("policies/data.json"), HashMap.class);
    RegoTestReport report = new PolderRegoEngine().compile(modules, data).runTests();
    long testFiles = modules.keySet().stream().filter(p -> p.endsWith("_test.rego")).count();
    long policyFiles = modules.size() - testFiles;
    assertTrue(testFiles == policyFiles, "every policy file has its _test.rego beside it");
    assertTrue(report.results().size() >= 2 * testFiles, () -> "tests found: " + report.results());
    assertTrue(report.passed(), () -> "failed: " + report.failures());
  }
}
