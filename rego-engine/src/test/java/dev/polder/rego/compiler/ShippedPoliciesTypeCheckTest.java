package dev.polder.rego.compiler;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.polder.rego.PreparedPolicy;
import dev.polder.rego.builtins.BuiltinRegistry;
import dev.polder.rego.value.ObjectValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every policy the repository ships (the gateway's {@code policies/}, the benchmark's, this
 * module's examples) still compiles under the type checker: a false type error on a valid policy
 * would stop the gateway from starting.
 */
class ShippedPoliciesTypeCheckTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../policies",
        "../bench/src/main/resources/dev/polder/bench/rego",
        "src/test/resources/policies"
      })
  void compiles(String dir) throws IOException {
    Map<String, String> modules = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of(dir))) {
      files
          .filter(f -> f.toString().endsWith(".rego"))
          .forEach(f -> modules.put(f.toString(), read(f)));
    }
    assertFalse(modules.isEmpty(), "no policies under " + Path.of(dir).toAbsolutePath());
    assertDoesNotThrow(
        () -> PreparedPolicy.compile(modules, ObjectValue.EMPTY, BuiltinRegistry.standard()));
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
