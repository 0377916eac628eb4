package dev.polder.runtime.decision.combine;

import java.util.List;

/** The combined route: backends allowed, in order of preference, and the token cap (null: none). */
public record RouteResult(List<String> allowedBackends, Integer maxTokens) {
  public RouteResult {
    allowedBackends = List.copyOf(allowedBackends);
  }

  /** The tokens to request: the caller's limit, capped by policy. */
  public Integer effectiveMaxTokens(Integer requested) {
    if (maxTokens == null) {
      return requested;
    }
    return requested == null ? maxTokens : Math.min(requested, maxTokens);
  }
}
