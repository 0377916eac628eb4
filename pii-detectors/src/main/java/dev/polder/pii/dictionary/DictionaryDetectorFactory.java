package dev.polder.pii.dictionary;

import dev.polder.pii.detect.Detector;
import dev.polder.pii.registry.DetectorDefinition;
import dev.polder.pii.registry.DetectorFactory;
import dev.polder.pii.registry.EntryFields;
import dev.polder.pii.registry.RegistryException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kind: dictionary}: {@code file:} (one term per line, {@code #} starts a comment line,
 * relative to detectors.yaml) and/or inline {@code terms:}; {@code case_sensitive} (default false),
 * {@code score} (default 0.85).
 */
public final class DictionaryDetectorFactory implements DetectorFactory {

  @Override
  public String kind() {
    return "dictionary";
  }

  @Override
  public java.util.Set<String> fields() {
    return java.util.Set.of("file", "terms", "case_sensitive", "score");
  }

  @Override
  public Detector create(DetectorDefinition def) throws RegistryException {
    if (def.entities().size() != 1) {
      throw def.error("a dictionary detector reports exactly one entity type");
    }
    List<String> terms = new ArrayList<>(EntryFields.strings(def, def.fields(), "terms"));
    var file = EntryFields.optionalString(def, def.fields(), "file");
    if (file.isPresent()) {
      try {
        for (String line : def.resources().read(file.get()).split("\\R")) {
          String term = line.strip();
          if (!term.isEmpty() && !term.startsWith("#")) {
            terms.add(term);
          }
        }
      } catch (NoSuchFileException e) {
        throw def.error("dictionary file '" + file.get() + "' not found", e);
      } catch (IOException e) {
        throw def.error("cannot read dictionary file '" + file.get() + "': " + e.getMessage(), e);
      }
    }
    if (terms.isEmpty()) {
      throw def.error("a dictionary detector needs 'file' or 'terms' with at least one term");
    }
    return new DictionaryDetector(
        def.name(),
        def.entity(),
        def.settings().languages(),
        terms,
        EntryFields.bool(def, def.fields(), "case_sensitive", false),
        EntryFields.score(def, def.fields(), "score", 0.85));
  }
}
