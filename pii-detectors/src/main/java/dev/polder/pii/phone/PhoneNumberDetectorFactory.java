package dev.polder.pii.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.polder.pii.detect.Detector;
import dev.polder.pii.registry.DetectorDefinition;
import dev.polder.pii.registry.DetectorFactory;
import dev.polder.pii.registry.EntryFields;
import dev.polder.pii.registry.RegistryException;
import java.util.List;

/** {@code kind: phone}: {@code regions:} (ISO 3166 codes) whose national formats are accepted. */
public final class PhoneNumberDetectorFactory implements DetectorFactory {

  static final List<String> DEFAULT_REGIONS = List.of("US", "GB", "DE");

  @Override
  public String kind() {
    return "phone";
  }

  @Override
  public java.util.Set<String> fields() {
    return java.util.Set.of("regions");
  }

  @Override
  public Detector create(DetectorDefinition def) throws RegistryException {
    if (def.entities().size() != 1) {
      throw def.error("a phone detector reports exactly one entity type");
    }
    List<String> regions = EntryFields.strings(def, def.fields(), "regions");
    if (regions.isEmpty()) {
      regions = DEFAULT_REGIONS;
    }
    var supported = PhoneNumberUtil.getInstance().getSupportedRegions();
    for (String region : regions) {
      if (!supported.contains(region)) {
        throw def.error("unknown phone region '" + region + "' (use ISO 3166 codes such as NL)");
      }
    }
    return new PhoneNumberDetector(def.name(), def.entity(), def.settings().languages(), regions);
  }
}
