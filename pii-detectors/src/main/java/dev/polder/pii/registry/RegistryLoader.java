package dev.polder.pii.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.polder.pii.detect.ConfiguredDetector;
import dev.polder.pii.detect.DetectionContext;
import dev.polder.pii.detect.DetectorSettings;
import dev.polder.pii.dictionary.DictionaryDetectorFactory;
import dev.polder.pii.pattern.PatternDetectorFactory;
import dev.polder.pii.phone.PhoneNumberDetectorFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads detectors.yaml, checks it with the rules of {@code detectors.schema.json} (every check of
 * the schema is made here, with messages naming the file and the detector) and builds the detectors
 * of its enabled entries through the factory of each {@code kind}.
 */
public final class RegistryLoader {

  static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "defaults", "detectors");
  static final Set<String> DEFAULTS_KEYS = Set.of("context_boost", "score_threshold");
  static final Set<String> COMMON_KEYS =
      Set.of(
          "name",
          "kind",
          "entity",
          "entities",
          "description",
          "enabled",
          "languages",
          "context_words",
          "context_boost",
          "score_threshold",
          "context_window");
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
  static final Pattern ENTITY = Pattern.compile("[A-Z][A-Z0-9_]*");
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}|any");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, DetectorFactory> factories;
  private final Set<String> skippedKinds;

  public RegistryLoader(List<DetectorFactory> factories) {
    this(factories, Set.of());
  }

  /**
   * A loader that checks entries of {@code skippedKinds} for the common fields but builds no
   * detector for them: a deployment without NER, or a benchmark of the pattern detectors alone.
   */
  public RegistryLoader(List<DetectorFactory> factories, Set<String> skippedKinds) {
    this.skippedKinds = Set.copyOf(skippedKinds);
    Map<String, DetectorFactory> byKind = new LinkedHashMap<>();
    for (DetectorFactory factory : factories) {
      DetectorFactory previous = byKind.putIfAbsent(factory.kind(), factory);
      if (previous != null && previous.getClass() != factory.getClass()) {
        throw new IllegalStateException(
            "two detector factories for kind '"
                + factory.kind()
                + "': "
                + previous.getClass().getName()
                + " and "
                + factory.getClass().getName());
      }
    }
    this.factories = Map.copyOf(byKind);
  }

  /** Stands in for a skipped kind's factory while its entries are checked: Java-kind fields. */
  private record SkippedKind(String kind) implements DetectorFactory {
    @Override
    public dev.polder.pii.detect.Detector create(DetectorDefinition definition) {
      throw new IllegalStateException("kind " + kind + " is skipped by this loader");
    }
  }

  /** A loader with the built-in and installed factories that skips {@code kinds}. */
  public static RegistryLoader withInstalledFactoriesExcept(Set<String> kinds) {
    List<DetectorFactory> all = new ArrayList<>(builtInFactories());
    ServiceLoader.load(DetectorFactory.class, RegistryLoader.class.getClassLoader())
        .forEach(all::add);
    return new RegistryLoader(all, kinds);
  }

  /** The built-in kinds plus every factory registered with {@link ServiceLoader}. */
  public static RegistryLoader withInstalledFactories() {
    List<DetectorFactory> all = new ArrayList<>(builtInFactories());
    ServiceLoader.load(DetectorFactory.class, RegistryLoader.class.getClassLoader())
        .forEach(all::add);
    return new RegistryLoader(all);
  }

  public static List<DetectorFactory> builtInFactories() {
    return List.of(
        new PatternDetectorFactory(),
        new DictionaryDetectorFactory(),
        new PhoneNumberDetectorFactory());
  }

  public Set<String> kinds() {
    return new TreeSet<>(factories.keySet());
  }

  /** Checks and builds a registry; {@code fileName} is used in every error message. */
  public List<ConfiguredDetector> load(String yaml, String fileName, ResourceResolver resources)
      throws RegistryException {
    Object root;
    try {
      root = YAML.readValue(yaml, Object.class);
    } catch (JsonProcessingException e) {
      throw new RegistryException(
          fileName + ": not valid YAML: " + parserProblem(e) + location(e), e);
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw new RegistryException(
          fileName + ": the top level must be a mapping with 'version' " + "and 'detectors'");
    }
    for (Object key : top.keySet()) {
      if (!TOP_LEVEL_KEYS.contains(key)) {
        throw new RegistryException(fileName + ": unknown top-level field '" + key + "'");
      }
    }
    if (!Integer.valueOf(1).equals(top.get("version"))) {
      throw new RegistryException(fileName + ": 'version' must be 1, got " + top.get("version"));
    }
    Map<String, Object> defaults = mapping(top.get("defaults"), fileName + ": 'defaults'");
    for (String key : defaults.keySet()) {
      if (!DEFAULTS_KEYS.contains(key)) {
        throw new RegistryException(fileName + ": unknown field 'defaults." + key + "'");
      }
    }
    double defaultBoost =
        unitNumber(
            defaults,
            "context_boost",
            DetectorSettings.DEFAULT_CONTEXT_BOOST,
            fileName + ": 'defaults.context_boost'");
    double defaultThreshold =
        unitNumber(
            defaults,
            "score_threshold",
            DetectorSettings.DEFAULT_SCORE_THRESHOLD,
            fileName + ": 'defaults.score_threshold'");
    if (!(top.get("detectors") instanceof List<?> entries) || entries.isEmpty()) {
      throw new RegistryException(fileName + ": 'detectors' must be a non-empty list");
    }
    List<ConfiguredDetector> detectors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = fileName + ": detectors[" + i + "]";
      Map<String, Object> entry = mapping(entries.get(i), where);
      if (entry.isEmpty()) {
        throw new RegistryException(where + ": must be a mapping with 'name' and 'kind'");
      }
      Object name = entry.get("name");
      if (name == null) {
        throw new RegistryException(where + ": missing required field 'name'");
      }
      if (!(name instanceof String n) || !NAME.matcher(n).matches()) {
        throw new RegistryException(
            where + ": 'name' must match [a-z0-9][a-z0-9-]*, got '" + name + "'");
      }
      Integer previous = seen.putIfAbsent(n, i);
      if (previous != null) {
        throw new RegistryException(
            fileName
                + ": detector '"
                + n
                + "': duplicate name (also "
                + "detectors["
                + previous
                + "])");
      }
      DetectorDefinition def =
          definition(entry, n, fileName, resources, defaultBoost, defaultThreshold);
      if (def.settings().enabled() && !skippedKinds.contains(def.kind())) {
        detectors.add(
            new ConfiguredDetector(factories.get(def.kind()).create(def), def.settings()));
      }
    }
    return detectors;
  }

  private DetectorDefinition definition(
      Map<String, Object> entry,
      String name,
      String fileName,
      ResourceResolver resources,
      double defaultBoost,
      double defaultThreshold)
      throws RegistryException {
    String prefix = fileName + ": detector '" + name + "': ";
    Object kind = entry.get("kind");
    if (kind == null) {
      throw new RegistryException(prefix + "missing required field 'kind'");
    }
    DetectorFactory factory = factories.get(String.valueOf(kind));
    if (factory == null && skippedKinds.contains(String.valueOf(kind))) {
      factory = new SkippedKind(String.valueOf(kind));
    }
    if (factory == null) {
      throw new RegistryException(
          prefix + "unknown kind '" + kind + "' (known: " + String.join(", ", kinds()) + ")");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : entry.entrySet()) {
      if (COMMON_KEYS.contains(e.getKey())) {
        continue;
      }
      if (!factory.fields().contains(e.getKey())) {
        throw new RegistryException(
            prefix
                + "unknown field '"
                + e.getKey()
                + "' (kind "
                + kind
                + " allows: "
                + String.join(", ", new TreeSet<>(factory.fields()))
                + ")");
      }
      fields.put(e.getKey(), e.getValue());
    }
    List<String> entities = entities(entry, prefix);
    Object enabled = entry.getOrDefault("enabled", Boolean.TRUE);
    if (!(enabled instanceof Boolean)) {
      throw new RegistryException(prefix + "'enabled' must be true or false, got " + enabled);
    }
    List<String> languages = strings(entry, "languages", prefix);
    for (String language : languages) {
      if (!LANGUAGE.matcher(language).matches()) {
        throw new RegistryException(
            prefix + "language '" + language + "' is not an ISO 639-1 code or 'any'");
      }
    }
    if (languages.isEmpty()) {
      languages = List.of(DetectionContext.ANY_LANGUAGE);
    }
    List<String> contextWords = new ArrayList<>();
    for (String word : strings(entry, "context_words", prefix)) {
      contextWords.add(word.toLowerCase(Locale.ROOT));
    }
    DetectorSettings settings =
        new DetectorSettings(
            (Boolean) enabled,
            Set.copyOf(languages),
            contextWords,
            unitNumber(entry, "context_boost", defaultBoost, prefix + "'context_boost'"),
            unitNumber(entry, "score_threshold", defaultThreshold, prefix + "'score_threshold'"),
            contextWindow(entry, prefix));
    return new DetectorDefinition(
        name, factory.kind(), entities, settings, fields, fileName, resources);
  }

  private static DetectorSettings.ContextWindow contextWindow(
      Map<String, Object> entry, String prefix) throws RegistryException {
    Object value = entry.get("context_window");
    if (value == null) {
      return DetectorSettings.ContextWindow.DEFAULT;
    }
    Map<String, Object> window = mapping(value, prefix + "'context_window'");
    for (String key : window.keySet()) {
      if (!key.equals("before") && !key.equals("after")) {
        throw new RegistryException(prefix + "unknown field 'context_window." + key + "'");
      }
    }
    return new DetectorSettings.ContextWindow(
        characters(window, "before", DetectorSettings.ContextWindow.DEFAULT.before(), prefix),
        characters(window, "after", DetectorSettings.ContextWindow.DEFAULT.after(), prefix));
  }

  private static int characters(Map<String, Object> map, String key, int fallback, String prefix)
      throws RegistryException {
    Object value = map.getOrDefault(key, fallback);
    if (!(value instanceof Integer n) || n < 0 || n > 1000) {
      throw new RegistryException(
          prefix
              + "'context_window."
              + key
              + "' must be a whole number of characters from 0 to 1000, got "
              + value);
    }
    return n;
  }

  private static List<String> entities(Map<String, Object> entry, String prefix)
      throws RegistryException {
    boolean single = entry.containsKey("entity");
    boolean many = entry.containsKey("entities");
    if (single == many) {
      throw new RegistryException(
          prefix
              + (single
                  ? "give either 'entity' or 'entities', not both"
                  : "missing required field 'entity' (or 'entities')"));
    }
    List<String> entities =
        single ? List.of(String.valueOf(entry.get("entity"))) : strings(entry, "entities", prefix);
    if (entities.isEmpty()) {
      throw new RegistryException(prefix + "'entities' must not be empty");
    }
    for (String entity : entities) {
      if (!ENTITY.matcher(entity).matches()) {
        throw new RegistryException(
            prefix + "entity type '" + entity + "' must be upper snake case like EMAIL_ADDRESS");
      }
    }
    return entities;
  }

  private static List<String> strings(Map<String, Object> entry, String key, String prefix)
      throws RegistryException {
    Object value = entry.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new RegistryException(prefix + "'" + key + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw new RegistryException(
            prefix + "'" + key + "' must be a list of non-empty strings, got " + item);
      }
      out.add(s);
    }
    return out;
  }

  private static double unitNumber(
      Map<String, Object> map, String key, double fallback, String what) throws RegistryException {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
      throw new RegistryException(what + " must be a number between 0 and 1, got " + value);
    }
    return n.doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(Object value, String what) throws RegistryException {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new RegistryException(what + ": must be a mapping, got " + value);
    }
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw new RegistryException(what + ": keys must be strings, got " + key);
      }
    }
    return (Map<String, Object>) map;
  }

  /** The parser's message without its multi-line source excerpts. */
  private static String parserProblem(JsonProcessingException e) {
    return String.join(
        "; ",
        e.getOriginalMessage()
            .lines()
            .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.startsWith("\t"))
            .toList());
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
