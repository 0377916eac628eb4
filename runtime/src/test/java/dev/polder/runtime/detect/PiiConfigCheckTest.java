package dev.polder.runtime.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code polder.detect.*} and {@code polder.redact.*}: each file in {@code config-invalid/pii/} is
 * a broken configuration whose first line is the error start-up must give for it.
 */
class PiiConfigCheckTest {

  private static final Path FIXTURES = Path.of("src/test/resources/config-invalid/pii");

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
      reported = e.getMessage(); // conversion errors come from SmallRye Config while mapping
    }
    assertTrue(reported.contains(expected), "expected '" + expected + "' in:\n" + reported);
  }

  @Test
  void embeddedDefaultsAndTheExampleAreValid() throws IOException {
    assertEquals(List.of(), problems(Path.of("src/main/resources/application.yaml")));
    assertEquals(List.of(), problems(Path.of("../config/application.example.yaml")));
  }

  static List<String> problems(Path yaml) throws IOException {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(new YamlConfigSource(yaml.toUri().toURL()))
            .addDefaultInterceptors()
            .withConverter(Duration.class, 100, new DurationConverter())
            .withMapping(DetectConfig.class)
            .withMapping(RedactConfig.class)
            .withValidateUnknown(false)
            .build();
    List<String> problems = new ArrayList<>();
    problems.addAll(DetectConfigCheck.problems(config.getConfigMapping(DetectConfig.class)));
    problems.addAll(RedactConfigCheck.problems(config.getConfigMapping(RedactConfig.class)));
    return problems;
  }
}
