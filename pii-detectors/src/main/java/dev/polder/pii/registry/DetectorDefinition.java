package dev.polder.pii.registry;

import dev.polder.pii.detect.DetectorSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of detectors.yaml after the common fields were checked. Kind-specific fields (a
 * pattern's {@code patterns} and {@code validator}, a dictionary's {@code file}, a Java detector's
 * free-form {@code options}) stay in {@link #fields()} for the factory to read.
 *
 * @param registryFile name of the registry file, for error messages
 */
public record DetectorDefinition(
    String name,
    String kind,
    List<String> entities,
    DetectorSettings settings,
    Map<String, Object> fields,
    String registryFile,
    ResourceResolver resources) {

  public DetectorDefinition {
    entities = List.copyOf(entities);
    fields = Map.copyOf(fields);
  }

  /** The single entity type of a detector that reports one type. */
  public String entity() {
    return entities.get(0);
  }

  /** The {@code options:} map of the entry (empty if absent), for Java detectors. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> options() {
    Object options = fields.get("options");
    return options instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  public Optional<Object> field(String key) {
    return Optional.ofNullable(fields.get(key));
  }

  /** An exception whose message names the registry file and this detector. */
  public RegistryException error(String problem) {
    return new RegistryException(registryFile + ": detector '" + name + "': " + problem);
  }

  public RegistryException error(String problem, Throwable cause) {
    return new RegistryException(registryFile + ": detector '" + name + "': " + problem, cause);
  }
}
