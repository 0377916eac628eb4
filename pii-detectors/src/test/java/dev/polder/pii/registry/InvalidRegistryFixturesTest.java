package dev.polder.pii.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under src/test/resources/registry/invalid must be refused with the exact message its
 * first line announces ({@code # error: ...}, or {@code # error-starts-with: ...} for messages that
 * embed parser text).
 */
class InvalidRegistryFixturesTest {

  static final Path FIXTURES = Path.of("src/test/resources/registry/invalid");

  static Stream<Path> fixtures() throws IOException {
    return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void refusedWithItsMessage(Path fixture) throws IOException {
    String yaml = Files.readString(fixture);
    String firstLine = yaml.lines().findFirst().orElseThrow();
    RegistryLoader loader = new RegistryLoader(RegistryLoader.builtInFactories());
    RegistryException e =
        assertThrows(
            RegistryException.class,
            () ->
                loader.load(
                    yaml, fixture.getFileName().toString(), ResourceResolver.relativeTo(FIXTURES)));
    if (firstLine.startsWith("# error: ")) {
      assertEquals(firstLine.substring("# error: ".length()), e.getMessage());
    } else if (firstLine.startsWith("# error-starts-with: ")) {
      String prefix = firstLine.substring("# error-starts-with: ".length());
      assertTrue(e.getMessage().startsWith(prefix), () -> e.getMessage());
    } else {
      throw new AssertionError(fixture + " must start with '# error: <expected message>'");
    }
  }
}
