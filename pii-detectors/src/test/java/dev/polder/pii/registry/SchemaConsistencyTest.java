package dev.polder.pii.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polder.pii.dictionary.DictionaryDetectorFactory;
import dev.polder.pii.pattern.PatternDetectorFactory;
import dev.polder.pii.phone.PhoneNumberDetectorFactory;
import dev.polder.pii.validate.Validators;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The loader makes the schema's checks itself; this keeps the shipped detectors.schema.json and the
 * loader in step (same fields per kind, same validator names).
 */
class SchemaConsistencyTest {

  static JsonNode schema;

  @BeforeAll
  static void readSchema() throws Exception {
    try (InputStream in =
        SchemaConsistencyTest.class
            .getClassLoader()
            .getResourceAsStream("polder/detectors.schema.json")) {
      schema = new ObjectMapper().readTree(in);
    }
  }

  static Set<String> names(JsonNode properties) {
    Set<String> names = new TreeSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void topLevelAndDefaults() {
    assertEquals(new TreeSet<>(RegistryLoader.TOP_LEVEL_KEYS), names(schema.get("properties")));
    assertEquals(
        new TreeSet<>(RegistryLoader.DEFAULTS_KEYS),
        names(schema.at("/properties/defaults/properties")));
  }

  @Test
  void commonFields() {
    assertEquals(
        new TreeSet<>(RegistryLoader.COMMON_KEYS), names(schema.at("/$defs/common/properties")));
  }

  @Test
  void fieldsPerKind() {
    JsonNode detector = schema.at("/$defs/detector");
    assertEquals(expected(new PatternDetectorFactory()), names(detector.at("/then/properties")));
    assertEquals(
        expected(new DictionaryDetectorFactory()), names(detector.at("/else/then/properties")));
    assertEquals(
        expected(new PhoneNumberDetectorFactory()),
        names(detector.at("/else/else/then/properties")));
    assertEquals(
        expected(
            new DetectorFactory() {
              public String kind() {
                return "java";
              }

              public dev.polder.pii.detect.Detector create(DetectorDefinition d) {
                throw new UnsupportedOperationException();
              }
            }),
        names(detector.at("/else/else/else/properties")));
  }

  @Test
  void validatorNames() {
    Set<String> inSchema = new TreeSet<>();
    schema.at("/$defs/validatorName/enum").forEach(n -> inSchema.add(n.asText()));
    assertEquals(new TreeSet<>(Validators.names()), inSchema);
  }

  private static Set<String> expected(DetectorFactory factory) {
    Set<String> all = new HashSet<>(RegistryLoader.COMMON_KEYS);
    all.addAll(factory.fields());
    return new TreeSet<>(all);
  }
}
