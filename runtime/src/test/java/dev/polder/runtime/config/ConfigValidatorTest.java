package dev.polder.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polder.runtime.audit.trail.AuditSettings;
import dev.polder.runtime.audit.trail.AuditSettingsCheck;
import dev.polder.runtime.detect.DetectConfig;
import dev.polder.runtime.detect.DetectConfigCheck;
import dev.polder.runtime.redact.RedactConfig;
import dev.polder.runtime.redact.RedactConfigCheck;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
      reported = String.join("\n", problems(fixture));
    } catch (RuntimeException e) {
      // Type errors and missing keys are reported by SmallRye Config while mapping.
      reported = e.getMessage();
    }
    assertTrue(reported.contains(expected), "expected '" + expected + "' in:\n" + reported);
  }

  @Test
  void embeddedDefaultsAreValid() throws IOException {
    assertEquals(List.of(), problems(Path.of("src/main/resources/application.yaml")));
  }

  @Test
  void exampleConfigurationIsValid() throws IOException {
    assertEquals(List.of(), problems(Path.of("../config/polder.example.yaml")));
  }

  /** What start-up reports: the gateway's checks, then those of other {@code polder.*} parts. */
  static List<String> problems(Path yaml) throws IOException {
    SmallRyeConfig config = config(yaml);
    List<String> problems = new ArrayList<>();
    problems.addAll(ConfigValidator.problems(config.getConfigMapping(GatewayConfig.class)));
    problems.addAll(AuditSettingsCheck.problems(config.getConfigMapping(AuditSettings.class)));
    problems.addAll(DetectConfigCheck.problems(config.getConfigMapping(DetectConfig.class)));
    problems.addAll(RedactConfigCheck.problems(config.getConfigMapping(RedactConfig.class)));
    return problems;
  }

  private static SmallRyeConfig config(Path yaml) throws IOException {
    return new SmallRyeConfigBuilder()
        .withSources(new YamlConfigSource(yaml.toUri().toURL()))
        .addDefaultInterceptors()
        .withConverter(Duration.class, 100, new DurationConverter())
        .withMapping(GatewayConfig.class)
        .withMapping(AuditSettings.class)
        .withMapping(DetectConfig.class)
        .withMapping(RedactConfig.class)
        .withValidateUnknown(false)
        .build();
  }
}
