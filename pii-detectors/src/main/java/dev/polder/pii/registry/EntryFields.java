package dev.polder.pii.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of kind-specific fields with messages naming the file, detector and field. */
public final class EntryFields {

  private EntryFields() {}

  public static String requireString(DetectorDefinition def, Map<String, Object> map, String key)
      throws RegistryException {
    return optionalString(def, map, key)
        .orElseThrow(() -> def.error("missing required field '" + key + "'"));
  }

  public static Optional<String> optionalString(
      DetectorDefinition def, Map<String, Object> map, String key) throws RegistryException {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw def.error("field '" + key + "' must be a non-empty string");
    }
    return Optional.of(s);
  }

  public static double score(
      DetectorDefinition def, Map<String, Object> map, String key, double fallback)
      throws RegistryException {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
      throw def.error("field '" + key + "' must be a number between 0 and 1, got " + value);
    }
    return n.doubleValue();
  }

  public static boolean bool(
      DetectorDefinition def, Map<String, Object> map, String key, boolean fallback)
      throws RegistryException {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw def.error("field '" + key + "' must be true or false, got " + value);
    }
    return b;
  }

  public static List<String> strings(DetectorDefinition def, Map<String, Object> map, String key)
      throws RegistryException {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw def.error("field '" + key + "' must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw def.error("field '" + key + "' must be a list of non-empty strings, got " + item);
      }
      out.add(s);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> maps(
      DetectorDefinition def, Map<String, Object> map, String key) throws RegistryException {
    Object value = map.get(key);
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw def.error("field '" + key + "' must be a non-empty list");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> m)) {
        throw def.error("each entry of '" + key + "' must be a mapping, got " + item);
      }
      out.add((Map<String, Object>) m);
    }
    return out;
  }
}
