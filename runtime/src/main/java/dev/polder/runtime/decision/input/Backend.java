package dev.polder.runtime.decision.input;

import java.util.Set;

/** A backend the virtual model could send the request to. */
public final class Backend {
  public static final Set<String> LOCATIONS = Set.of("internal", "external");

  private final String name;
  private final String provider;
  private final String location;

  public Backend(String name, String provider, String location) {
    this.name = Inputs.required(name, "candidates[].name");
    this.provider = provider == null ? "" : provider;
    if (!LOCATIONS.contains(location)) {
      throw new IllegalArgumentException(
          "candidates["
              + name
              + "].location is '"
              + location
              + "' (expected internal or external)");
    }
    this.location = location;
  }

  public String getName() {
    return name;
  }

  public String getProvider() {
    return provider;
  }

  public String getLocation() {
    return location;
  }

  public boolean isExternal() {
    return location.equals("external");
  }
}
