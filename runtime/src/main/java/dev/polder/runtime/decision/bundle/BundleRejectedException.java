package dev.polder.runtime.decision.bundle;

import java.util.List;

/** A bundle that does not compile or fails its tests; every problem names its file. */
public final class BundleRejectedException extends RuntimeException {
  private final String hash;
  private final List<String> problems;

  public BundleRejectedException(String hash, List<String> problems) {
    super(
        "bundle "
            + hash.substring(0, Math.min(12, hash.length()))
            + " refused: "
            + String.join("; ", problems));
    this.hash = hash;
    this.problems = List.copyOf(problems);
  }

  public String hash() {
    return hash;
  }

  public List<String> problems() {
    return problems;
  }
}
