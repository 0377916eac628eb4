package dev.polder.runtime.decision.combine;

import dev.polder.runtime.decision.answer.LogMode;
import java.util.List;
import java.util.Set;

/** The combined access decision. Egress is true only if every answer that spoke permitted it. */
public record AccessResult(
    boolean allowed,
    List<String> denyReasons,
    boolean egress,
    Set<String> obligations,
    LogMode logMode) {
  public AccessResult {
    denyReasons = List.copyOf(denyReasons);
    obligations = Set.copyOf(obligations);
  }
}
