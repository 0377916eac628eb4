package dev.polder.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file in {@code config-invalid/} is a broken configuration whose first line says the exact
 * error text start-up must give for it.
 */
class ConfigValidatorTest {

  private static final Path FIXTURES = Path.of("src/test/resources/config-invalid");

  static Stream<Path> invalidConfigurations() throws IOException {
    return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigurations")
  void invalidConfigurationNamesKeyAndProblem(Path fixture) throws IOException {
    String firstLine = Files.readAllLines(fixture).get(0);
    assertTrue(firstLine.startsWith("# expect: "), fixture + " must start with '# expect: '");
    String expected = firstLine.substring("# expect: ".length());
    String reported;
    try {
      reported = String.join("\n", ConfigValidator.problems(load(fixture)));
    } catch (RuntimeException e) {
      // Type errors and missing keys are reported by SmallRye Config while mapping.
      reported = e.getMessage();
    }
    assertTrue(reported.contains(expected), "expected '" + expected + "' in:\n" + reported);
  }

  @Test
  void embeddedDefaultsAreValid() throws IOException {
    assertEquals(
        List.of(), ConfigValidator.problems(load(Path.of("src/main/resources/application.yaml"))));
  }

  @Test
  void exampleConfigurationIsValid() throws IOException {
    assertEquals(
        List.of(), ConfigValidator.problems(load(Path.of("../config/application.example.yaml"))));
  }

  static GatewayConfig load(Path yaml) throws IOException {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(new YamlConfigSource(yaml.toUri().toURL()))
            .addDefaultInterceptors()
            .withConverter(Duration.class, 100, new DurationConverter())
            .withMapping(GatewayConfig.class)
            .withValidateUnknown(false)
            .build();
    return config.getConfigMapping(GatewayConfig.class);
  }
}
