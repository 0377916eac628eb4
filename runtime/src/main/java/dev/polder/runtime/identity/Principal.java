package dev.polder.runtime.identity;

import java.util.List;
import java.util.Set;

/** Who is calling: resolved from an API key, carried through the pipeline. */
public record Principal(
    String id,
    String team,
    List<String> roles,
    String environment,
    Set<String> models,
    boolean egress) {

  public boolean mayUse(String model) {
    return models.contains("*") || models.contains(model);
  }
}
