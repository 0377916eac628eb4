package dev.polder.pii.ner;

import dev.polder.pii.detect.Detector;
import dev.polder.pii.registry.DetectorDefinition;
import dev.polder.pii.registry.DetectorFactory;
import dev.polder.pii.registry.RegistryException;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@code kind: ner} entries of detectors.yaml. Options:
 *
 * <ul>
 *   <li>{@code model}: class-path resource of a CoreNLP CRF model (default: the bundled 3-class
 *       English model);
 *   <li>{@code given_names}, {@code surnames}: extra dictionary files (relative to detectors.yaml)
 *       added to the bundled ones;
 *   <li>{@code load}: {@code background} (default: start loading on a daemon thread at once) or
 *       {@code on-demand} (the runtime calls {@link #model(String)}{@code .load()} itself).
 * </ul>
 *
 * The model is shared by every entry and every reload that names the same resource.
 */
public final class NerDetectorFactory implements DetectorFactory {

  private static final Map<String, CrfNerModel> MODELS = new ConcurrentHashMap<>();

  @Override
  public String kind() {
    return "ner";
  }

  /** The shared model for {@code resource}, created (not loaded) on first use. */
  public static CrfNerModel model(String resource) {
    return MODELS.computeIfAbsent(resource, CrfNerModel::new);
  }

  @Override
  public Detector create(DetectorDefinition def) throws RegistryException {
    Map<String, Object> options = def.options();
    for (String key : options.keySet()) {
      if (!Set.of("model", "given_names", "surnames", "load").contains(key)) {
        throw def.error(
            "options." + key + ": unknown option (known: model, given_names, surnames, load)");
      }
    }
    String resource = string(def, options, "model", CrfNerModel.DEFAULT_MODEL_RESOURCE);
    if (NerDetectorFactory.class.getClassLoader().getResource(resource) == null) {
      throw def.error("options.model: class-path resource not found: " + resource);
    }
    String load = string(def, options, "load", "background");
    if (!load.equals("background") && !load.equals("on-demand")) {
      throw def.error("options.load: must be 'background' or 'on-demand', got '" + load + "'");
    }
    Set<String> types = new HashSet<>(def.entities());
    for (String type : types) {
      try {
        NerEntityType.valueOf(type);
      } catch (IllegalArgumentException e) {
        throw def.error("entities: " + type + " is not one of PERSON, LOCATION, ORGANIZATION");
      }
    }
    NameDictionary dictionary = dictionary(def, options);
    CrfNerModel model = model(resource);
    if (load.equals("background") && model.state() == NerModelState.NOT_LOADED) {
      startBackgroundLoad(model);
    }
    return new NerDetector(def.name(), model, new PersonNameRecognizer(dictionary), types);
  }

  private static NameDictionary dictionary(DetectorDefinition def, Map<String, Object> options)
      throws RegistryException {
    List<String> given = files(def, options, "given_names");
    List<String> surnames = files(def, options, "surnames");
    if (given.isEmpty() && surnames.isEmpty()) {
      return NameDictionary.bundled();
    }
    NameDictionary.Builder builder = NameDictionary.builder();
    NameDictionary.BUNDLED_FILES.forEach(
        (file, kind) -> builder.add(NameDictionary.readBundledFile(file), kind));
    for (String file : given) {
      builder.add(read(def, file), NameDictionary.Kind.GIVEN);
    }
    for (String file : surnames) {
      builder.add(read(def, file), NameDictionary.Kind.SURNAME);
    }
    return builder.build();
  }

  private static String read(DetectorDefinition def, String file) throws RegistryException {
    try {
      return def.resources().read(file);
    } catch (IOException e) {
      throw def.error("cannot read dictionary " + file + ": " + e.getMessage(), e);
    }
  }

  private static void startBackgroundLoad(CrfNerModel model) {
    Thread loader =
        new Thread(
            () -> {
              try {
                model.load();
              } catch (NerNotReadyException e) {
                // The state says FAILED and every scan reports it; nothing else to do here.
              }
            },
            "polder-ner-model-load");
    loader.setDaemon(true);
    loader.start();
  }

  private static String string(
      DetectorDefinition def, Map<String, Object> options, String key, String fallback)
      throws RegistryException {
    Object value = options.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw def.error("options." + key + ": must be a non-empty string");
    }
    return s;
  }

  private static List<String> files(DetectorDefinition def, Map<String, Object> options, String key)
      throws RegistryException {
    Object value = options.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    throw def.error("options." + key + ": must be a list of file names");
  }
}
